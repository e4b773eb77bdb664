import { type IsoDate, isIsoDate } from '../cell.js';
import type { AuditRecord } from '../register/raw-register.js';
import { BOT_WHO } from '../register/raw-register.js';
import type { AuditEntry } from '../register/register.js';
import { type LedgerFields, type PendingMessage, readClaims } from '../reminders/message-ledger.js';

/**
 * The digest's ledger, in the Audit log like the reminders': a "digest" line
 * claims a board's weekly slot (`board@date`) before posting, "digest-sent"
 * or "digest-unsent" settles it. A "digest-counts" line keeps the band
 * counts it reported, which the next digest compares with.
 */
export const DIGEST_LEDGER: LedgerFields = { claim: 'digest', sent: 'digest-sent', unsent: 'digest-unsent' };
export const DIGEST_COUNTS_FIELD = 'digest-counts';

/** One scheduled digest: a board and the date it is for. */
export function digestSlot(boardId: string, date: IsoDate): string {
  return `${boardId}@${date}`;
}

export interface DigestLedger {
  /** Whether the slot's digest was posted or is pending (so must not be posted again now). */
  isTaken(slot: string): boolean;
  pending(): PendingMessage[];
}

export function digestLedger(audit: readonly AuditEntry[]): DigestLedger {
  const { claims, pending } = readClaims(audit, DIGEST_LEDGER);
  const taken = new Set(claims.filter((claim) => claim.outcome !== 'unsent').map((claim) => claim.entry.newValue));
  return { isTaken: (slot) => taken.has(slot), pending: () => pending };
}

/** Band counts as a digest reported them: label → count, "unrated" included. */
export interface ReportedCounts {
  date: IsoDate;
  counts: Record<string, number>;
}

function parseCounts(value: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const part of value.split(';')) {
    const [label, count] = part.split('=').map((s) => s.trim());
    if (label && count !== undefined && /^\d+$/.test(count)) counts[label] = Number(count);
  }
  return counts;
}

/** Every digest the board's ledger kept before `before`, one a date (the last line for a date wins), oldest first. */
function reportedBefore(audit: readonly AuditEntry[], boardId: string, before: IsoDate): ReportedCounts[] {
  const byDate = new Map<IsoDate, string>();
  for (const entry of audit) {
    if (entry.field !== DIGEST_COUNTS_FIELD || entry.item !== boardId) continue;
    const date = entry.oldValue;
    if (isIsoDate(date) && date < before) byDate.set(date, entry.newValue);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, value]) => ({ date, counts: parseCounts(value) }));
}

/** The counts the board's last digest before `before` reported, or null when there was none. */
export function previousCounts(audit: readonly AuditEntry[], boardId: string, before: IsoDate): ReportedCounts | null {
  return reportedBefore(audit, boardId, before).at(-1) ?? null;
}

/**
 * The board's last `limit` digests, oldest first, ending with the one for
 * `today` and the counts it reports: the trend picture's data.
 */
export function countsHistory(
  audit: readonly AuditEntry[],
  boardId: string,
  today: ReportedCounts,
  limit = 12,
): ReportedCounts[] {
  return [...reportedBefore(audit, boardId, today.date).slice(-(limit - 1)), today];
}

/** The line that keeps what a digest reported; `oldValue` holds the date it was for. */
export function countsRecord(boardId: string, date: IsoDate, counts: Record<string, number>, now: string): AuditRecord {
  const value = Object.entries(counts)
    .map(([label, count]) => `${label}=${count}`)
    .join('; ');
  return {
    when: now,
    who: BOT_WHO,
    item: boardId,
    field: DIGEST_COUNTS_FIELD,
    oldValue: date,
    newValue: value,
    via: 'bot',
    note: 'open risks by band, as the digest reported them',
  };
}
