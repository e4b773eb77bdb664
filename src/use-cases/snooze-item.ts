import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { addDays } from '../domain/dates/calendar.js';
import { findItem } from '../domain/items/find-item.js';
import { type Actor, permissionToChange, requirePermission } from '../domain/items/permissions.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { Item } from '../domain/register/register.js';
import { snoozeRecord } from '../domain/reminders/nudge-ledger.js';
import type { RegisterStore } from '../ports/register-store.js';
import { loadRegister } from './load-register.js';
import { mayChangeOnWrite } from './permission-on-write.js';

export interface SnoozeInput {
  id: string;
  days: number;
  actor: Actor;
  via: AuditRecord['via'];
  today: IsoDate;
  now: string;
  /** Names the request (a Slack delivery), so a retry or replay of it is not applied twice. */
  changeId?: string | undefined;
}

/**
 * Holds an item's reminders for `days` days, by a "snooze" line in the Audit
 * log that every later run reads. Only someone who may change the item may
 * snooze it.
 */
export async function snoozeItem(
  deps: { store: RegisterStore; settings: Pick<Settings, 'tabs' | 'scale'> },
  input: SnoozeInput,
): Promise<{ item: Item; until: IsoDate }> {
  const register = await loadRegister(deps.store, deps.settings, input.today);
  const item = findItem(register, input.id);
  requirePermission(permissionToChange(item, input.actor, register.people), { id: item.id });
  const until = addDays(input.today, input.days - 1);
  await deps.store.write({
    updates: [],
    inserts: [],
    audit: [snoozeRecord(item.id, until, input.actor.id, input.now, input.via)],
    changeId: input.changeId,
    precondition: mayChangeOnWrite(item.id, input.actor, deps.settings.scale, input.today),
  });
  return { item, until };
}
