import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { workingDayRule } from '../domain/dates/working-days.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { AuditEntry, Person, Register } from '../domain/register/register.js';
import { type NudgeDelivery, type NudgeRunReport, planDeliveries } from '../domain/reminders/nudge-delivery.js';
import {
  claimRecords,
  dueToSend,
  NUDGE_LEDGER,
  nudgeLedger,
  outcomeRecord,
  unreachableRecord,
} from '../domain/reminders/nudge-ledger.js';
import { groupByOwner, planNudges } from '../domain/reminders/nudge-plan.js';
import { nudgeMessage } from '../messages/nudges-message.js';
import type { NudgeOutbox } from '../ports/nudge-outbox.js';
import type { RegisterStore } from '../ports/register-store.js';
import { loadRegister } from './load-register.js';
import { settlePending } from './settle-pending.js';

export type { NudgeRunReport } from '../domain/reminders/nudge-delivery.js';

export interface SendNudgesDeps {
  store: RegisterStore;
  settings: Pick<Settings, 'reminders' | 'holidays' | 'tabs' | 'scale'>;
  outbox: NudgeOutbox;
  /** A fresh, unique name for a message in the ledger. */
  newMessageKey: () => string;
  log: (text: string) => void;
}

/** Each person's Slack user: from People, else looked up by e-mail (the outbox caches lookups). */
async function slackUsers(people: readonly Person[], outbox: NudgeOutbox): Promise<(person: Person) => string | null> {
  const byEmail = new Map<string, string | null>();
  for (const person of people) {
    if (person.slackUser !== null || person.email === null || byEmail.has(person.email.toLowerCase())) continue;
    byEmail.set(person.email.toLowerCase(), await outbox.userIdForEmail(person.email));
  }
  return (person) =>
    person.slackUser ?? (person.email === null ? null : (byEmail.get(person.email.toLowerCase()) ?? null));
}

function plan(register: Register, audit: readonly AuditEntry[], settings: SendNudgesDeps['settings'], today: IsoDate) {
  const reached = planNudges(
    register,
    today,
    { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) },
    () => false,
  );
  return groupByOwner(dueToSend(reached, nudgeLedger(audit), today), register.people);
}

/**
 * Today's reminder run, the same for the schedule and `risk-bot nudges
 * --send`: settle what an interrupted run left, plan what is due less what
 * the ledger says went out, claim it in the Audit log, send one direct
 * message per person, and record each that Slack accepted. A crash at any
 * point leaves claims the next run checks against Slack, so a reminder is
 * sent once.
 */
export async function sendNudges(deps: SendNudgesDeps, today: IsoDate, clock: () => Date): Promise<NudgeRunReport> {
  const { store, settings, outbox, log } = deps;
  const register = await loadRegister(store, settings, today);
  const { audit, recovered } = await settlePending(
    { store, sender: outbox, log },
    {
      fields: NUDGE_LEDGER,
      pending: nudgeLedger(register.audit).pending(),
      audit: register.audit,
      now: clock().toISOString(),
    },
  );

  const groups = plan(register, audit, settings, today);
  const { deliveries, unreachable } = planDeliveries(
    groups,
    await slackUsers(
      groups.flatMap((g) => g.people),
      outbox,
    ),
  );
  const claimed: Array<{ delivery: NudgeDelivery; messageKey: string; channel: string }> = [];
  for (const delivery of deliveries)
    claimed.push({ delivery, messageKey: deps.newMessageKey(), channel: await outbox.openDirect(delivery.recipient) });
  const claimedAt = clock().toISOString();
  const claims = [
    ...claimed.flatMap(({ delivery, messageKey, channel }) =>
      claimRecords(delivery.nudges, { messageKey, recipient: delivery.recipient, channel }, claimedAt),
    ),
    ...unreachable.map((u) => unreachableRecord(u.nudge, claimedAt, `not sent: ${u.owner}: ${u.reason}`)),
  ];
  if (claims.length > 0) await store.write({ updates: [], inserts: [], audit: claims });

  const report: NudgeRunReport = { today, delivered: [], unreachable, failed: [], recovered };
  const outcomes: AuditRecord[] = [];
  for (const { delivery, messageKey, channel } of claimed) {
    try {
      await outbox.deliver(channel, nudgeMessage(delivery, today), messageKey);
      report.delivered.push(delivery);
      outcomes.push(
        outcomeRecord(
          { messageKey, items: delivery.nudges.map((n) => n.item.id) },
          'sent',
          clock().toISOString(),
          `delivered to ${delivery.recipient}`,
        ),
      );
    } catch (error) {
      // Left pending: Slack may have the message even though its answer failed; the next run asks.
      report.failed.push({ recipient: delivery.recipient, error: (error as Error).message });
      log(`nudges: message ${messageKey} to ${delivery.recipient} failed: ${(error as Error).message}`);
    }
  }
  if (outcomes.length > 0) await store.write({ updates: [], inserts: [], audit: outcomes });
  return report;
}
