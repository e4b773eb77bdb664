import { type CellValue, cellText } from '../cell.js';
import { isPercentFormat } from './cell-look.js';
import type { ColumnCell, Style, StyledValue } from './cell-style.js';
import { columnDateFormat, dateCellStyle, dateStyle } from './date-style.js';
import { levelStyle } from './level-style.js';

export type { ColumnCell, StyledValue } from './cell-style.js';

/** What a value written to a column is: a level of the scale, a date (a serial), a percentage (0 to 100) or anything else. */
export type ValueKind =
  | { type: 'level'; words: readonly string[] }
  | { type: 'date' }
  | { type: 'percent' }
  | { type: 'plain' };

/**
 * The way most of the column's cells are written (the cell's own way on a
 * tie), or undefined when no cell shows one.
 */
function commonStyle(
  cells: readonly ColumnCell[],
  own: ColumnCell | undefined,
  styleOf: (cell: ColumnCell) => Style | undefined,
): Style | undefined {
  const counts = new Map<string, { style: Style; count: number }>();
  for (const cell of cells) {
    const style = styleOf(cell);
    if (style === undefined) continue;
    const entry = counts.get(style.key) ?? { style, count: 0 };
    entry.count += 1;
    counts.set(style.key, entry);
  }
  const ownStyle = own === undefined ? undefined : styleOf(own);
  let best: { style: Style; count: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.count > best.count) best = entry;
  if (ownStyle !== undefined && best !== undefined && (counts.get(ownStyle.key)?.count ?? 0) >= best.count)
    return ownStyle;
  return best?.style;
}

// ---- percentages: a fraction in a percent-formatted column, "90%" text, or a number from 0 to 100

function percentStyle(cell: ColumnCell, fractions: boolean): Style | undefined {
  if (cell.look?.formula !== undefined) return undefined;
  const text = cellText(cell.value);
  if (text === '') return undefined;
  const format = cell.look?.numberFormat;
  if (typeof cell.value === 'number' && (isPercentFormat(format) || fractions))
    return {
      key: `fraction:${isPercentFormat(format) ? format?.pattern : ''}`,
      render: (value) => ({
        value: Number(value) / 100,
        ...(isPercentFormat(format) && format ? { numberFormat: format } : {}),
        shown: cellText(value),
      }),
    };
  if (typeof cell.value === 'string' && /^\d+(\.\d+)?\s*%$/.test(text))
    return { key: 'text%', render: (value) => ({ value: `${cellText(value)}%`, shown: `${cellText(value)}%` }) };
  return { key: 'number', render: (value) => ({ value, shown: cellText(value) }) };
}

/**
 * A value written the way its column writes its others: a level as the
 * column's words ("Possible", "4 - Likely", "M") or number; a date as a date
 * cell with the column's number format (the cell's own first), or as text
 * in the column's text style (ISO "2026-12-01", "01/12/2026", "1 Dec 2026");
 * a percentage as a fraction where the column holds fractions (a `0%`
 * format), "90%" where it holds such text, else the number. `own` is the
 * cell written (none for a new row); `column` the column's other cells.
 */
export function styleValue(
  value: CellValue,
  kind: ValueKind,
  column: readonly ColumnCell[],
  own: ColumnCell | undefined,
): StyledValue {
  const cells = own === undefined ? column : [...column, own];
  if (value === null || cellText(value) === '') return { value, shown: '' };
  if (kind.type === 'level' && kind.words.length > 0) {
    const style = commonStyle(cells, own, (cell) => levelStyle(cell, kind.words));
    if (style !== undefined) return style.render(value);
  }
  if (kind.type === 'date' && typeof value === 'number') {
    const style = commonStyle(cells, own, dateStyle);
    if (style !== undefined && !style.key.startsWith('cell:')) return style.render(value);
    return dateCellStyle(columnDateFormat(cells, own)).render(value);
  }
  if (kind.type === 'percent' && typeof value === 'number') {
    const numbers = cells.filter((cell) => typeof cell.value === 'number').map((cell) => Number(cell.value));
    const fractions =
      numbers.length > 0 && numbers.every((n) => n >= 0 && n <= 1) && numbers.some((n) => n > 0 && n < 1);
    const style = commonStyle(cells, own, (cell) => percentStyle(cell, fractions));
    return (style ?? percentStyle({ value: 0 }, false)!).render(value);
  }
  return { value, shown: cellText(value) };
}
