import type { AuditRecord } from '../register/raw-register.js';
import { BOT_WHO } from '../register/raw-register.js';
import type { AuditEntry } from '../register/register.js';

/**
 * Messages the bot must send once (reminders, digests) are claimed in the
 * Audit log before they are sent and settled after: a claim line per thing
 * the message carries, naming the message, recipient and channel; then one
 * "sent" line, or "unsent" when a later run finds it never arrived. A claim
 * with neither is pending: the run died or lost Slack's answer in between,
 * and the next run asks Slack before sending anything.
 */
export interface LedgerFields {
  claim: string;
  sent: string;
  unsent: string;
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

export interface ClaimedLine {
  entry: AuditEntry;
  /** null for a claim written without a message name (before two-step claims): taken as sent. */
  messageKey: string | null;
  outcome: 'sent' | 'unsent' | null;
}

const CLAIM_NOTE = /^message (\S+) to (\S+) in (\S+)$/;

/** Every claim line with its message's outcome, and the messages still pending. */
export function readClaims(
  audit: readonly AuditEntry[],
  fields: LedgerFields,
): { claims: ClaimedLine[]; pending: PendingMessage[] } {
  const outcomes = new Map<string, 'sent' | 'unsent'>();
  for (const entry of audit) {
    // "sent" wins over "unsent"; otherwise the first verdict stands.
    if (entry.field === fields.sent) outcomes.set(entry.newValue, 'sent');
    else if (entry.field === fields.unsent && !outcomes.has(entry.newValue)) outcomes.set(entry.newValue, 'unsent');
  }
  const claims: ClaimedLine[] = [];
  const pending = new Map<string, PendingMessage>();
  for (const entry of audit) {
    if (entry.field !== fields.claim) continue;
    const [, messageKey = null, recipient = '', channel = ''] = CLAIM_NOTE.exec(entry.note) ?? [];
    const outcome = messageKey === null ? 'sent' : (outcomes.get(messageKey) ?? null);
    claims.push({ entry, messageKey, outcome });
    if (messageKey === null || outcome !== null) continue;
    const message = pending.get(messageKey) ?? { messageKey, recipient, channel, claimedAt: entry.when, items: [] };
    message.items.push(entry.item);
    pending.set(messageKey, message);
  }
  return { claims, pending: [...pending.values()] };
}

/** A claim line, written before the message is sent. */
export function claimLine(
  fields: LedgerFields,
  item: string,
  value: string,
  message: { messageKey: string; recipient: string; channel: string },
  now: string,
): AuditRecord {
  return {
    when: now,
    who: BOT_WHO,
    item,
    field: fields.claim,
    oldValue: '',
    newValue: value,
    via: 'bot',
    note: `message ${message.messageKey} to ${message.recipient} in ${message.channel}`,
  };
}

/** The line that settles a claimed message: Slack has it, or it never arrived and what it carried may go again. */
export function outcomeLine(
  fields: LedgerFields,
  message: { messageKey: string; items: readonly string[] },
  outcome: 'sent' | 'unsent',
  now: string,
  note: string,
): AuditRecord {
  return {
    when: now,
    who: BOT_WHO,
    item: message.items[0] ?? '',
    field: outcome === 'sent' ? fields.sent : fields.unsent,
    oldValue: '',
    newValue: message.messageKey,
    via: 'bot',
    note,
  };
}
