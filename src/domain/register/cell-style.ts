import type { CellValue } from '../cell.js';
import type { CellLook, NumberFormat } from './cell-look.js';

/** A cell of a column as read: its value and, where the store read it, its formula and format. */
export interface ColumnCell {
  value: CellValue;
  look?: CellLook | undefined;
}

/**
 * A value as it goes into a cell: the value, the number format to give the
 * cell (if any), and the text a person sees (a percentage as its number,
 * 90, whether the cell holds 90 or 0.9 shown as 90%; "90%" where the column
 * holds such text).
 */
export interface StyledValue {
  value: CellValue;
  numberFormat?: NumberFormat;
  shown: string;
}

/** The format the bot gives a date cell when the column shows no format of its own: "5 Mar 2011", clear in any locale. */
export const DEFAULT_DATE_FORMAT: NumberFormat = { type: 'DATE', pattern: 'd mmm yyyy' };

/** One way of writing a value: cells written the same way share a key. */
export interface Style {
  /** Same key, same way of writing. */
  key: string;
  render: (value: CellValue) => StyledValue;
}
