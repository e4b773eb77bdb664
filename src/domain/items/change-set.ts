import { type CellValue, cellText } from '../cell.js';
import { dateCellText, isoDateToSerial, readSingleDate } from '../dates/timescale.js';
import { DATE_FIELDS } from '../register/fields.js';
import type { AuditRecord, CellChange } from '../register/raw-register.js';
import type { Item } from '../register/register.js';

/** Whose change it is, and of which item: what each Audit log line says. */
export interface ChangeSetInput {
  item: Item;
  now: string;
  who: string;
  via: AuditRecord['via'];
  note: string | null;
}

/**
 * Whether a cell already holds a value as a person reads it: the same date
 * whether written as a date cell or as text ("01/12/2026"), the same
 * progress as 90 or as 0.9 in a percent column.
 */
function sameValue(field: string, expected: CellValue, value: CellValue): boolean {
  if (cellText(expected) === cellText(value)) return true;
  if (DATE_FIELDS.has(field) && typeof value === 'number') {
    const before = readSingleDate(expected);
    return before.kind === 'date' && isoDateToSerial(before.date) === value;
  }
  if (field === 'progress' && typeof expected === 'number' && expected > 0 && expected <= 1)
    return Math.round(expected * 100) === value;
  return false;
}

/** The cells an update sets and the Audit log lines it adds, built up field by field. */
export class ChangeSet {
  readonly changes: CellChange[] = [];
  readonly audit: AuditRecord[] = [];
  constructor(
    private readonly input: ChangeSetInput,
    private readonly columns: ReadonlySet<string>,
  ) {}

  /**
   * Sets a cell; `logged` adds an Audit log line for it. A field the user
   * asked to change is set even when the tab has no column for it, so the
   * store refuses the write naming the column to add, rather than the
   * change being lost. A value the bot works out from others (`follows`
   * names them) is set only where the tab has its column.
   */
  set(
    field: string,
    value: CellValue,
    logged: boolean,
    shown: string = cellText(value),
    follows?: readonly string[],
  ): void {
    if (follows !== undefined && !this.columns.has(field)) return;
    const expected = (this.input.item.cells as Record<string, CellValue>)[field] ?? null;
    if (sameValue(field, expected, value)) return;
    this.changes.push({ field, expected, value, ...(follows === undefined ? {} : { follows }) });
    // The Audit log keeps a date as the date a person saw in the cell, not the serial stored under it.
    if (logged) this.log(field, DATE_FIELDS.has(field) ? dateCellText(expected) : cellText(expected), shown);
  }

  log(field: string, oldValue: string, newValue: string): void {
    const { item, now, who, via, note } = this.input;
    this.audit.push({ when: now, who, item: item.id, field, oldValue, newValue, via, note: note ?? '' });
  }
}
