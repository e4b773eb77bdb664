import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { findItem } from '../domain/items/find-item.js';
import { type ItemUpdate, planItemUpdate, type RequestedChange } from '../domain/items/item-update.js';
import { type Actor, permissionToChange, requirePermission } from '../domain/items/permissions.js';
import type { MappedTab } from '../domain/register/mapped-tab.js';
import type { AuditRecord, TabKey } from '../domain/register/raw-register.js';
import { itemOnRead } from '../domain/register/read-one-item.js';
import type { Item, Register } from '../domain/register/register.js';
import type { RegisterStore } from '../ports/register-store.js';
import { levelWords, loadRegister } from './load-register.js';
import { mayChangeOnWrite } from './permission-on-write.js';

export interface UpdateItemDeps {
  store: RegisterStore;
  settings: Pick<Settings, 'tabs' | 'scale'> & Partial<Pick<Settings, 'planYear' | 'keeps'>>;
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
  /**
   * A command or button states the value wanted: it is worked out again on
   * the write's own read and applies to what the sheet holds then. A form
   * leaves this off: its person saw the values, so a change since is a conflict.
   */
  asOfWrite?: boolean;
}

export interface UpdateOutcome {
  item: Item;
  update: ItemUpdate;
}

/**
 * An owner (or the programme office) changes an item: read the register,
 * check they may, work out the cells, and write them with their Audit log
 * lines in one write. A form's write is refused if a cell it changes was
 * changed in the sheet since the person saw it, so nobody's edit is
 * overwritten unseen; a command's or button's is worked out again on the
 * write's own read (`asOfWrite`), so it applies to the value the sheet holds
 * then, and the Audit log's old value is the value it replaced.
 */
export async function updateItem(deps: UpdateItemDeps, input: UpdateItemInput): Promise<UpdateOutcome> {
  const register = await loadRegister(deps.store, deps.settings, input.today);
  const item = findItem(register, input.id);
  requirePermission(permissionToChange(item, input.actor, register.people), { id: item.id });
  const plan = (on: Item, of: Pick<Register, 'columns' | 'statuses'>) =>
    planItemUpdate({
      item: on,
      register: of,
      changes: input.changes,
      note: input.note,
      scale: deps.settings.scale,
      today: input.today,
      now: input.now,
      who: input.actor.id,
      via: input.via,
    });
  const tab = item.kind === 'risk' ? 'risks' : 'actions';
  // Planned on the cached read first, so a mistake is answered before anything is sent.
  let planned = { item, update: plan(item, register) };
  const written = await deps.store.write({
    updates: [{ tab, id: item.id, changes: planned.update.changes }],
    inserts: [],
    audit: planned.update.audit,
    levelWords: levelWords(deps.settings.scale),
    changeId: input.changeId,
    precondition: mayChangeOnWrite(item.id, input.actor, deps.settings.scale, input.today),
    ...(input.asOfWrite
      ? {
          replan: (tabs: Record<TabKey, MappedTab>) => {
            const now = itemOnRead(tabs, deps.settings, item.id, input.today);
            planned = { item: now.item, update: plan(now.item, now.register) };
            return { updates: [{ tab, id: item.id, changes: planned.update.changes }], audit: planned.update.audit };
          },
        }
      : {}),
  });
  // The reply says what the cells now show, as the store wrote them ("Possible", not 3).
  const audit = written.audit?.map(({ change: _change, ...record }) => record) ?? planned.update.audit;
  return { item: planned.item, update: { ...planned.update, audit } };
}
