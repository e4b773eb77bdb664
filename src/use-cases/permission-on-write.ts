import type { IsoDate } from '../domain/cell.js';
import { type Actor, permissionToAdd, permissionToChange, requirePermission } from '../domain/items/permissions.js';
import type { Scale } from '../domain/items/scale.js';
import { itemAndPeople } from '../domain/register/read-one-item.js';
import { peopleIn } from '../domain/register/read-register.js';
import type { WriteRequest } from '../ports/register-store.js';

/**
 * The permission check made again on the read the write itself is planned
 * against: the use case's own check may have used a cached read, and an
 * owner removed from People a moment ago must not still change the item.
 */
export function mayChangeOnWrite(id: string, actor: Actor, scale: Scale, today: IsoDate): WriteRequest['precondition'] {
  return (tabs) => {
    const { item, people } = itemAndPeople(tabs, scale, id, today);
    requirePermission(permissionToChange(item, actor, people), { id: item.id });
  };
}

/** Adding an item, checked again against People as the write finds it. */
export function mayAddOnWrite(actor: Actor): WriteRequest['precondition'] {
  return (tabs) => requirePermission(permissionToAdd(actor, peopleIn(tabs)));
}
