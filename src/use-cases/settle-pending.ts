import { outcomeLine, type LedgerFields, type PendingMessage } from '../domain/reminders/message-ledger.js';
import type { AuditRecord } from '../domain/register/raw-register.js';

/** Whether a message named `messageKey` is in `channel` since `since`; null when it cannot be told. */
export type WasDelivered = (channel: string, messageKey: string, since: Date) => Promise<boolean | null>;

export interface Settled {
  records: AuditRecord[];
  recovered: { found: number; resent: number; unknown: number };
}

/**
 * Asks Slack about each message an earlier run claimed but never settled,
 * and returns the lines that record what it said. One Slack cannot vouch for
 * is left pending, so counted as sent: it may be lost, but never goes twice.
 */
export async function settlePending(pending: readonly PendingMessage[], fields: LedgerFields, wasDelivered: WasDelivered, now: string, log: (text: string) => void): Promise<Settled> {
  const records: AuditRecord[] = [];
  const recovered = { found: 0, resent: 0, unknown: 0 };
  for (const message of pending) {
    let delivered: boolean | null;
    try {
      // A minute's grace: the claim's clock and Slack's may differ a little.
      delivered = await wasDelivered(message.channel, message.messageKey, new Date(Date.parse(message.claimedAt) - 60_000));
    } catch (error) {
      delivered = null;
      log(`could not check message ${message.messageKey} to ${message.recipient}: ${(error as Error).message}`);
    }
    if (delivered === true) {
      records.push(outcomeLine(fields, message, 'sent', now, 'found in Slack after an interrupted run'));
      recovered.found++;
    } else if (delivered === false) {
      records.push(outcomeLine(fields, message, 'unsent', now, 'not in Slack after an interrupted run; planned again'));
      recovered.resent++;
    } else {
      recovered.unknown++;
    }
  }
  return { records, recovered };
}
