import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { findItem } from '../domain/items/find-item.js';
import { type ItemUpdate, planItemUpdate, type RequestedChange } from '../domain/items/item-update.js';
import { type Actor, permissionToChange, requirePermission } from '../domain/items/permissions.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { Item } from '../domain/register/register.js';
import type { RegisterStore } from '../ports/register-store.js';
import { levelWords, loadRegister } from './load-register.js';
import { mayChangeOnWrite } from './permission-on-write.js';

export interface UpdateItemDeps {
  store: RegisterStore;
  settings: Pick<Settings, 'tabs' | 'scale'>;
}

export interface UpdateItemInput {
  id: string;
  changes: readonly RequestedChange[];
  note: string | null;
  actor: Actor;
  via: AuditRecord['via'];
  today: IsoDate;
  /** ISO timestamp, for the Audit log. */
  now: string;
  /** Names the request (a Slack delivery), so a retry or replay of it is not applied twice. */
  changeId?: string | undefined;
}

export interface UpdateOutcome {
  item: Item;
  update: ItemUpdate;
}

/**
 * An owner (or the programme office) changes an item: read the register,
 * check they may, work out the cells, and write them with their Audit log
 * lines in one write. The store refuses the write if a cell changed in the
 * sheet since this read, so nobody's edit is overwritten.
 */
export async function updateItem(deps: UpdateItemDeps, input: UpdateItemInput): Promise<UpdateOutcome> {
  const register = await loadRegister(deps.store, deps.settings, input.today);
  const item = findItem(register, input.id);
  requirePermission(permissionToChange(item, input.actor, register.people), { id: item.id });
  const update = planItemUpdate({
    item,
    register,
    changes: input.changes,
    note: input.note,
    scale: deps.settings.scale,
    today: input.today,
    now: input.now,
    who: input.actor.id,
    via: input.via,
  });
  const written = await deps.store.write({
    updates: [{ tab: item.kind === 'risk' ? 'risks' : 'actions', id: item.id, changes: update.changes }],
    inserts: [],
    audit: update.audit,
    levelWords: levelWords(deps.settings.scale),
    changeId: input.changeId,
    precondition: mayChangeOnWrite(item.id, input.actor, deps.settings.scale, input.today),
  });
  // The reply says what the cells now show, as the store wrote them ("Possible", not 3).
  const audit = written.audit?.map(({ change: _change, ...record }) => record) ?? update.audit;
  return { item, update: { ...update, audit } };
}
