import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { workingDayRule } from '../domain/dates/working-days.js';
import type { Person, Register } from '../domain/register/register.js';
import { type NudgePreview, planDeliveries } from '../domain/reminders/nudge-delivery.js';
import { dueToSend, nudgeLedger } from '../domain/reminders/nudge-ledger.js';
import { groupByOwner, planNudges } from '../domain/reminders/nudge-plan.js';

/**
 * Today's reminders, as the scheduled run would send them: each item's
 * latest stage reached, less what the ledger in the Audit log says was
 * sent, and items snoozed, grouped into one message per person the way the
 * run groups them. A dry run: nothing is sent or recorded, and Slack is not
 * asked who an e-mail belongs to, so a person is named by their People entry.
 */
export function previewNudges(
  register: Register,
  settings: Pick<Settings, 'reminders' | 'holidays'>,
  today: IsoDate,
): NudgePreview {
  const reached = planNudges(
    register,
    today,
    { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) },
    () => false,
  );
  const byOwner = groupByOwner(dueToSend(reached, nudgeLedger(register.audit), today), register.people);
  const recipientOf = (person: Person) => person.slackUser ?? person.email;
  const { deliveries, unreachable } = planDeliveries(byOwner, recipientOf);
  const names: Record<string, string> = {};
  for (const person of register.people) {
    const recipient = recipientOf(person);
    if (recipient !== null) names[recipient] ??= person.name;
  }
  return { byOwner, messages: deliveries, unreachable, names };
}
