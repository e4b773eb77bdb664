import type { AuditRecord } from '../domain/register/raw-register.js';
import type { AuditEntry } from '../domain/register/register.js';
import { type LedgerFields, outcomeLine, type PendingMessage } from '../domain/reminders/message-ledger.js';
import type { RegisterStore } from '../ports/register-store.js';
import { asAuditEntries } from './audit-entries.js';

/** Whether a message named `messageKey` is in `channel` since `since`; null when it cannot be told. */
export type WasDelivered = (channel: string, messageKey: string, since: Date) => Promise<boolean | null>;

export interface SettleDeps {
  store: RegisterStore;
  /** Whoever sent the messages (the reminders' outbox, the digest's poster), asked whether Slack has them. */
  sender: { wasDelivered: WasDelivered };
  log: (text: string) => void;
}

export interface SettleInput {
  fields: LedgerFields;
  /** What the ledger read from `audit` holds pending. */
  pending: readonly PendingMessage[];
  audit: readonly AuditEntry[];
  now: string;
}

export interface Settled {
  /** The Audit log with the lines just written added: the ledger the run goes on from. */
  audit: AuditEntry[];
  recovered: { found: number; resent: number; unknown: number };
}

/**
 * The first step of a run that sends once (reminders, a digest): asks Slack
 * about each message an earlier run claimed but never settled, and records
 * what it said in the Audit log. One Slack cannot vouch for is left pending,
 * so counted as sent: it may be lost, but never goes twice.
 */
export async function settlePending(deps: SettleDeps, input: SettleInput): Promise<Settled> {
  const records: AuditRecord[] = [];
  const recovered = { found: 0, resent: 0, unknown: 0 };
  for (const message of input.pending) {
    let delivered: boolean | null;
    try {
      // A minute's grace: the claim's clock and Slack's may differ a little.
      delivered = await deps.sender.wasDelivered(
        message.channel,
        message.messageKey,
        new Date(Date.parse(message.claimedAt) - 60_000),
      );
    } catch (error) {
      delivered = null;
      deps.log(`could not check message ${message.messageKey} to ${message.recipient}: ${(error as Error).message}`);
    }
    if (delivered === true) {
      records.push(outcomeLine(input.fields, message, 'sent', input.now, 'found in Slack after an interrupted run'));
      recovered.found++;
    } else if (delivered === false) {
      records.push(
        outcomeLine(input.fields, message, 'unsent', input.now, 'not in Slack after an interrupted run; planned again'),
      );
      recovered.resent++;
    } else {
      recovered.unknown++;
    }
  }
  if (records.length > 0) await deps.store.write({ updates: [], inserts: [], audit: records });
  return { audit: [...input.audit, ...asAuditEntries(records)], recovered };
}
