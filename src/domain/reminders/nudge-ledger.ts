import { type IsoDate, isIsoDate } from '../cell.js';
import { canonicalId } from '../item-id.js';
import type { AuditRecord } from '../register/raw-register.js';
import { BOT_WHO } from '../register/raw-register.js';
import type { AuditEntry } from '../register/register.js';
import { claimLine, type LedgerFields, outcomeLine, type PendingMessage, readClaims } from './message-ledger.js';
import type { Nudge } from './nudge-plan.js';

export type { PendingMessage } from './message-ledger.js';

/**
 * The ledger of reminders lives in the register's Audit log (see
 * message-ledger.ts), so it survives restarts, is shared by every instance
 * that reads the sheet, and people can see it: a "nudge" line per item
 * (`stage@date`) claims what a message carries, then "nudge-sent" or
 * "nudge-unsent" settles it. "snooze" lines hold an item's reminders until a
 * date; "nudge-unreachable" lines say a reminder had nobody to go to
 * (reported, not retried daily).
 */
export const NUDGE_LEDGER: LedgerFields = { claim: 'nudge', sent: 'nudge-sent', unsent: 'nudge-unsent' };
export const NUDGE_UNREACHABLE_FIELD = 'nudge-unreachable';
export const SNOOZE_FIELD = 'snooze';

/** What identifies one reminder: item, stage and the date it is about. */
export function nudgeKey(item: string, stage: string, aboutDate: IsoDate): string {
  return `${canonicalId(item)}|${stage}|${aboutDate}`;
}

export interface NudgeLedger {
  /** Whether a reminder was sent, is pending, or was reported unreachable: in each case not to send again now. */
  wasSent(nudge: Nudge): boolean;
  /** The date an item is snoozed until (inclusive), or null. */
  snoozedUntil(item: string): IsoDate | null;
  pending(): PendingMessage[];
}

const keyOf = (entry: AuditEntry): string | null => {
  const [stage, aboutDate] = entry.newValue.split('@');
  return stage && aboutDate ? nudgeKey(entry.item, stage, aboutDate) : null;
};

function readSnoozes(audit: readonly AuditEntry[]): Map<string, IsoDate> {
  const snoozes = new Map<string, IsoDate>();
  for (const entry of audit) {
    if (entry.field !== SNOOZE_FIELD || !isIsoDate(entry.newValue)) continue;
    const key = canonicalId(entry.item);
    if ((snoozes.get(key) ?? '') < entry.newValue) snoozes.set(key, entry.newValue);
  }
  return snoozes;
}

/** Reads the ledger out of the Audit log. Pending reminders count as sent until a run settles them. */
export function nudgeLedger(audit: readonly AuditEntry[]): NudgeLedger {
  const { claims, pending } = readClaims(audit, NUDGE_LEDGER);
  const handled = new Set<string>();
  for (const claim of claims) {
    const key = keyOf(claim.entry);
    if (key !== null && claim.outcome !== 'unsent') handled.add(key);
  }
  for (const entry of audit) {
    const key = entry.field === NUDGE_UNREACHABLE_FIELD ? keyOf(entry) : null;
    if (key !== null) handled.add(key);
  }
  const snoozes = readSnoozes(audit);
  return {
    wasSent: (nudge) => handled.has(nudgeKey(nudge.item.id, nudge.stage, nudge.aboutDate)),
    snoozedUntil: (item) => snoozes.get(canonicalId(item)) ?? null,
    pending: () => pending,
  };
}

/** The reminders still to send today: not sent before, and the item not snoozed past today. */
export function dueToSend(nudges: readonly Nudge[], ledger: NudgeLedger, today: IsoDate): Nudge[] {
  return nudges.filter((nudge) => !ledger.wasSent(nudge) && (ledger.snoozedUntil(nudge.item.id) ?? '') < today);
}

/** The Audit log lines that claim a message's reminders, written before it is sent. */
export function claimRecords(
  nudges: readonly Nudge[],
  message: { messageKey: string; recipient: string; channel: string },
  now: string,
): AuditRecord[] {
  return nudges.map((nudge) =>
    claimLine(NUDGE_LEDGER, nudge.item.id, `${nudge.stage}@${nudge.aboutDate}`, message, now),
  );
}

/** The line that settles a claimed reminder message. */
export function outcomeRecord(
  message: { messageKey: string; items: readonly string[] },
  outcome: 'sent' | 'unsent',
  now: string,
  note: string,
): AuditRecord {
  return outcomeLine(NUDGE_LEDGER, message, outcome, now, note);
}

/** The line that reports a reminder nobody could be sent, so the digest can list it and later runs do not repeat it. */
export function unreachableRecord(nudge: Nudge, now: string, reason: string): AuditRecord {
  return {
    when: now,
    who: BOT_WHO,
    item: nudge.item.id,
    field: NUDGE_UNREACHABLE_FIELD,
    oldValue: '',
    newValue: `${nudge.stage}@${nudge.aboutDate}`,
    via: 'bot',
    note: reason,
  };
}

/** The line that holds an item's reminders until `until` (inclusive). */
export function snoozeRecord(
  item: string,
  until: IsoDate,
  who: string,
  now: string,
  via: AuditRecord['via'],
): AuditRecord {
  return {
    when: now,
    who,
    item,
    field: SNOOZE_FIELD,
    oldValue: '',
    newValue: until,
    via,
    note: `reminders snoozed until ${until}`,
  };
}
