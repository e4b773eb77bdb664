import type { AuditRecord } from '../ports/register-store.js';
import type { IsoDate } from './cell.js';
import { canonicalId } from './item-id.js';
import type { Nudge } from './nudge-plan.js';
import type { AuditEntry } from './register.js';

/**
 * The ledger of reminders sent and snoozes asked for lives in the register's
 * Audit log (field "nudge" or "snooze"), so it survives restarts, is shared
 * by every instance that reads the sheet, and people can see it.
 */
export const NUDGE_FIELD = 'nudge';
export const SNOOZE_FIELD = 'snooze';

/** What identifies one reminder: item, stage and the date it is about. */
export function nudgeKey(item: string, stage: string, aboutDate: IsoDate): string {
  return `${canonicalId(item)}|${stage}|${aboutDate}`;
}

export interface NudgeLedger {
  wasSent(nudge: Nudge): boolean;
  /** The date an item is snoozed until (inclusive), or null. */
  snoozedUntil(item: string): IsoDate | null;
}

/** Reads the ledger out of the Audit log: "nudge" lines hold `stage@date`, "snooze" lines the date snoozed until. */
export function nudgeLedger(audit: readonly AuditEntry[]): NudgeLedger {
  const sent = new Set<string>();
  const snoozes = new Map<string, IsoDate>();
  for (const entry of audit) {
    if (entry.field === NUDGE_FIELD) {
      const [stage, aboutDate] = entry.newValue.split('@');
      if (stage && aboutDate) sent.add(nudgeKey(entry.item, stage, aboutDate));
    } else if (entry.field === SNOOZE_FIELD && /^\d{4}-\d{2}-\d{2}$/.test(entry.newValue)) {
      const key = canonicalId(entry.item);
      if ((snoozes.get(key) ?? '') < entry.newValue) snoozes.set(key, entry.newValue);
    }
  }
  return {
    wasSent: (nudge) => sent.has(nudgeKey(nudge.item.id, nudge.stage, nudge.aboutDate)),
    snoozedUntil: (item) => snoozes.get(canonicalId(item)) ?? null,
  };
}

/** The reminders still to send today: not sent before, and the item not snoozed past today. */
export function dueToSend(nudges: readonly Nudge[], ledger: NudgeLedger, today: IsoDate): Nudge[] {
  return nudges.filter((nudge) => !ledger.wasSent(nudge) && (ledger.snoozedUntil(nudge.item.id) ?? '') < today);
}

/** The Audit log line that records a reminder as sent. */
export function sentRecord(nudge: Nudge, now: string, recipient: string): AuditRecord {
  return { when: now, who: 'risk-bot', item: nudge.item.id, field: NUDGE_FIELD, oldValue: '', newValue: `${nudge.stage}@${nudge.aboutDate}`, via: 'bot', note: `reminder sent to ${recipient}` };
}
