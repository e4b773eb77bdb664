import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { workingDayRule } from '../domain/dates/working-days.js';
import type { Register } from '../domain/register/register.js';
import { dueToSend, nudgeLedger } from '../domain/reminders/nudge-ledger.js';
import { groupByOwner, type OwnerNudges, planNudges } from '../domain/reminders/nudge-plan.js';

/**
 * Today's reminders, one group per owner, as the scheduled run would send
 * them: each item's latest stage reached, less what the ledger in the Audit
 * log says was sent, and items snoozed. A dry run: nothing is sent or recorded.
 */
export function previewNudges(
  register: Register,
  settings: Pick<Settings, 'reminders' | 'holidays'>,
  today: IsoDate,
): OwnerNudges[] {
  const reached = planNudges(
    register,
    today,
    { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) },
    () => false,
  );
  return groupByOwner(dueToSend(reached, nudgeLedger(register.audit), today), register.people);
}
