import type { AuditRecord } from '../ports/register-store.js';
import type { IsoDate } from './cell.js';
import { canonicalId } from './item-id.js';
import type { Nudge } from './nudge-plan.js';
import type { AuditEntry } from './register.js';

/**
 * The ledger of reminders lives in the register's Audit log, so it survives
 * restarts, is shared by every instance that reads the sheet, and people can
 * see it. A run writes it in two steps around the Slack call:
 *
 * - "nudge" lines (one per item, `stage@date`) claim the reminders a message
 *   will carry, before it is sent, naming the message, recipient and channel;
 * - one "nudge-sent" line per message once Slack has it, or "nudge-unsent"
 *   when a later run finds it never arrived.
 *
 * A claim with neither outcome is pending: the run died or lost Slack's
 * answer between the two writes. The next run asks Slack whether that message
 * is in the conversation before sending anything, so a reminder goes out once.
 * "snooze" lines hold an item's reminders until a date; "nudge-unreachable"
 * lines say a reminder had nobody to go to (reported, not retried daily).
 */
export const NUDGE_FIELD = 'nudge';
export const NUDGE_SENT_FIELD = 'nudge-sent';
export const NUDGE_UNSENT_FIELD = 'nudge-unsent';
export const NUDGE_UNREACHABLE_FIELD = 'nudge-unreachable';
export const SNOOZE_FIELD = 'snooze';

const BOT = 'risk-bot';

/** What identifies one reminder: item, stage and the date it is about. */
export function nudgeKey(item: string, stage: string, aboutDate: IsoDate): string {
  return `${canonicalId(item)}|${stage}|${aboutDate}`;
}

/** A message claimed in the ledger whose fate no run has recorded yet. */
export interface PendingMessage {
  messageKey: string;
  recipient: string;
  channel: string;
  /** When the claim was written (ISO), so Slack's history need only be searched from then. */
  claimedAt: string;
  items: string[];
}

export interface NudgeLedger {
  /** Whether a reminder was sent, is pending, or was reported unreachable: in each case not to send again now. */
  wasSent(nudge: Nudge): boolean;
  /** The date an item is snoozed until (inclusive), or null. */
  snoozedUntil(item: string): IsoDate | null;
  pending(): PendingMessage[];
}

const CLAIM_NOTE = /^message (\S+) to (\S+) in (\S+)$/;

interface Claim {
  key: string;
  messageKey: string | null;
  entry: AuditEntry;
}

function readClaims(audit: readonly AuditEntry[]): { claims: Claim[]; outcomes: Map<string, 'sent' | 'unsent'>; handled: Set<string> } {
  const claims: Claim[] = [];
  const outcomes = new Map<string, 'sent' | 'unsent'>();
  const handled = new Set<string>();
  for (const entry of audit) {
    const [stage, aboutDate] = entry.newValue.split('@');
    if (entry.field === NUDGE_FIELD && stage && aboutDate) {
      claims.push({ key: nudgeKey(entry.item, stage, aboutDate), messageKey: CLAIM_NOTE.exec(entry.note)?.[1] ?? null, entry });
    } else if (entry.field === NUDGE_UNREACHABLE_FIELD && stage && aboutDate) {
      handled.add(nudgeKey(entry.item, stage, aboutDate));
    } else if (entry.field === NUDGE_SENT_FIELD || (entry.field === NUDGE_UNSENT_FIELD && !outcomes.has(entry.newValue))) {
      outcomes.set(entry.newValue, entry.field === NUDGE_SENT_FIELD ? 'sent' : 'unsent');
    }
  }
  return { claims, outcomes, handled };
}

function readSnoozes(audit: readonly AuditEntry[]): Map<string, IsoDate> {
  const snoozes = new Map<string, IsoDate>();
  for (const entry of audit) {
    if (entry.field !== SNOOZE_FIELD || !/^\d{4}-\d{2}-\d{2}$/.test(entry.newValue)) continue;
    const key = canonicalId(entry.item);
    if ((snoozes.get(key) ?? '') < entry.newValue) snoozes.set(key, entry.newValue);
  }
  return snoozes;
}

/** Reads the ledger out of the Audit log. A claim without a message name (an older line) counts as sent. */
export function nudgeLedger(audit: readonly AuditEntry[]): NudgeLedger {
  const { claims, outcomes, handled } = readClaims(audit);
  const pending = new Map<string, PendingMessage>();
  for (const claim of claims) {
    const outcome = claim.messageKey === null ? 'sent' : outcomes.get(claim.messageKey);
    if (outcome !== 'unsent') handled.add(claim.key);
    if (outcome !== undefined || claim.messageKey === null) continue;
    const [, , recipient = '', channel = ''] = CLAIM_NOTE.exec(claim.entry.note) ?? [];
    const message = pending.get(claim.messageKey) ?? { messageKey: claim.messageKey, recipient, channel, claimedAt: claim.entry.when, items: [] };
    message.items.push(claim.entry.item);
    pending.set(claim.messageKey, message);
  }
  const snoozes = readSnoozes(audit);
  return {
    wasSent: (nudge) => handled.has(nudgeKey(nudge.item.id, nudge.stage, nudge.aboutDate)),
    snoozedUntil: (item) => snoozes.get(canonicalId(item)) ?? null,
    pending: () => [...pending.values()],
  };
}

/** The reminders still to send today: not sent before, and the item not snoozed past today. */
export function dueToSend(nudges: readonly Nudge[], ledger: NudgeLedger, today: IsoDate): Nudge[] {
  return nudges.filter((nudge) => !ledger.wasSent(nudge) && (ledger.snoozedUntil(nudge.item.id) ?? '') < today);
}

/** The Audit log lines that claim a message's reminders, written before it is sent. */
export function claimRecords(nudges: readonly Nudge[], message: { messageKey: string; recipient: string; channel: string }, now: string): AuditRecord[] {
  return nudges.map((nudge) => ({
    when: now, who: BOT, item: nudge.item.id, field: NUDGE_FIELD, oldValue: '', newValue: `${nudge.stage}@${nudge.aboutDate}`, via: 'bot',
    note: `message ${message.messageKey} to ${message.recipient} in ${message.channel}`,
  }));
}

/** The line that settles a claimed message: Slack has it, or it never arrived and its reminders may go again. */
export function outcomeRecord(message: { messageKey: string; items: readonly string[] }, outcome: 'sent' | 'unsent', now: string, note: string): AuditRecord {
  return { when: now, who: BOT, item: message.items[0] ?? '', field: outcome === 'sent' ? NUDGE_SENT_FIELD : NUDGE_UNSENT_FIELD, oldValue: '', newValue: message.messageKey, via: 'bot', note };
}

/** The line that reports a reminder nobody could be sent, so the digest can list it and later runs do not repeat it. */
export function unreachableRecord(nudge: Nudge, now: string, reason: string): AuditRecord {
  return { when: now, who: BOT, item: nudge.item.id, field: NUDGE_UNREACHABLE_FIELD, oldValue: '', newValue: `${nudge.stage}@${nudge.aboutDate}`, via: 'bot', note: reason };
}

/** The line that holds an item's reminders until `until` (inclusive). */
export function snoozeRecord(item: string, until: IsoDate, who: string, now: string, via: AuditRecord['via']): AuditRecord {
  return { when: now, who, item, field: SNOOZE_FIELD, oldValue: '', newValue: until, via, note: `reminders snoozed until ${until}` };
}
