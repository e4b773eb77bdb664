import type { IsoDate } from '../cell.js';
import { peopleDirectory, personKey } from '../register/people.js';
import { type Item, isOpen, ownerOf, type Person, type Register } from '../register/register.js';
import { dueSoonItems, overdueItems } from './due-items.js';

export type ItemKind = Item['kind'];

function ofKind(items: readonly Item[], kind: ItemKind | null): Item[] {
  return items.filter((item) => kind === null || item.kind === kind);
}

/** Open items (of one kind, or both). */
export function openItems(register: Register, kind: ItemKind | null): Item[] {
  return ofKind([...register.risks, ...register.actions], kind).filter(isOpen);
}

/** Open items whose owner (or a risk's action owner, an action's lead) is the Slack user, through People. */
export function itemsOfSlackUser(register: Register, kind: ItemKind | null, slackUserId: string): Item[] {
  return itemsOfPerson(register, kind, { id: slackUserId });
}

/** Whether People lists a Slack user, by user ID or by e-mail. */
export function isInPeople(register: Pick<Register, 'people'>, user: { id: string; email?: string | null }): boolean {
  return register.people.some((person) => isThem(person, user));
}

function isThem(person: Person, user: { id: string; email?: string | null }): boolean {
  if (person.slackUser !== null && person.slackUser === user.id) return true;
  return person.email !== null && !!user.email && person.email.toLowerCase() === user.email.toLowerCase();
}

/** Open items whose owner is the Slack user, found through People by user ID or e-mail. */
export function itemsOfPerson(
  register: Register,
  kind: ItemKind | null,
  user: { id: string; email?: string | null },
): Item[] {
  const directory = peopleDirectory(register.people);
  const owns = (cell: string) => directory.resolve(cell).people.some((person) => isThem(person, user));
  return openItems(register, kind).filter(
    (item) => owns(ownerOf(item)) || (item.kind === 'risk' && owns(item.actionOwner)),
  );
}

/** Open items whose owner matches a name as typed: case, spacing and punctuation ignored, part of a name enough. */
export function itemsOfOwnerName(register: Register, kind: ItemKind | null, name: string): Item[] {
  const wanted = personKey(name);
  if (wanted === '') return [];
  return openItems(register, kind).filter((item) => personKey(ownerOf(item)).includes(wanted));
}

export function overdueOfKind(register: Register, kind: ItemKind | null, today: IsoDate): Item[] {
  return ofKind(
    overdueItems(register, today).map((dated) => dated.item),
    kind,
  );
}

export function dueSoonOfKind(register: Register, kind: ItemKind | null, today: IsoDate, days: number): Item[] {
  return ofKind(
    dueSoonItems(register, today, days).map((dated) => dated.item),
    kind,
  );
}
