import { clip } from '../text.js';
import { type AuditRecord, BOT_WHO } from './raw-register.js';

/**
 * The Audit line for a cell the bot put back: a change meant for another
 * item or column landed there because people moved rows or columns while
 * it was on its way.
 */
export function putBackRecord(input: {
  when: string;
  item: string;
  field: string;
  wrote: string;
  restored: string;
  meantFor: string;
}): AuditRecord {
  return {
    when: input.when,
    who: BOT_WHO,
    item: input.item,
    field: input.field,
    oldValue: input.wrote,
    newValue: input.restored,
    via: 'bot',
    note: `put back: a change meant for ${clip(input.meantFor, 40)} landed here while rows or columns were being moved`,
  };
}

/**
 * Lines withdrawing a change whose Audit lines were written with it but
 * which, in the end, was not made: each says the value stays as it was, and why.
 */
export function notMadeRecords(records: readonly AuditRecord[], reason: string, when: string): AuditRecord[] {
  return records.map((record) => ({
    when,
    who: BOT_WHO,
    item: record.item,
    field: record.field,
    oldValue: record.newValue,
    newValue: record.oldValue,
    via: 'bot',
    note: `not made: ${clip(reason, 300)}`,
  }));
}

/** The Audit line for a new item that took the next ID because someone added its first one at the same moment. */
export function renamedRecord(from: string, to: string, when: string): AuditRecord {
  return {
    when,
    who: BOT_WHO,
    item: to,
    field: 'id',
    oldValue: from,
    newValue: to,
    via: 'bot',
    note: `renamed: someone added ${clip(from, 40)} at the same moment, so this item is ${clip(to, 40)}`,
  };
}
