import { type CellValue, cellText, type IsoDate } from '../cell.js';
import { dateCellText, serialToIsoDate } from '../dates/timescale.js';
import { type CellLook, isDateFormat, isPercentFormat, type NumberFormat } from './cell-look.js';

/** A cell of a column as read: its value and, where the store read it, its formula and format. */
export interface ColumnCell {
  value: CellValue;
  look?: CellLook | undefined;
}

/** What a value written to a column is: a level of the scale, a date (a serial), a percentage (0 to 100) or anything else. */
export type ValueKind =
  | { type: 'level'; words: readonly string[] }
  | { type: 'date' }
  | { type: 'percent' }
  | { type: 'plain' };

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

interface Style {
  /** Same key, same way of writing. */
  key: string;
  render: (value: CellValue) => StyledValue;
}

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

// ---- levels: 3, "Possible", "4 - Likely", "Likely (4)", "almost-certain", "M"

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function caseOf(written: string, word: string): (word: string) => string {
  const hyphen = /-/.test(written) && !/-/.test(word);
  const join = (w: string) => (hyphen ? w.replace(/\s+/g, '-') : w);
  if (written === written.toLowerCase() && written !== written.toUpperCase()) return (w) => join(w.toLowerCase());
  if (written === written.toUpperCase() && written.length > 1) return (w) => join(w.toUpperCase());
  return (w) => join(w);
}

function levelStyle(cell: ColumnCell, words: readonly string[]): Style | undefined {
  const text = cellText(cell.value);
  if (text === '' || cell.look?.formula !== undefined) return undefined;
  const plainNumber: Style = {
    key: 'number',
    render: (value) => ({ value: Number(value), shown: cellText(value) }),
  };
  if (typeof cell.value === 'number' || /^\d+$/.test(text)) return plainNumber;
  for (const word of words) {
    const pattern = new RegExp(
      `(?<![A-Za-z])${word.trim().split(/\s+/).map(escapeRegExp).join('[-_\\s]+')}(?![A-Za-z])`,
      'i',
    );
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    const number = /\d+/;
    const template = `${before.replace(number, '{n}')}{w}${after.replace(number, '{n}')}`;
    const cased = caseOf(match[0], word);
    return {
      key: `words:${template}:${cased(words.join(' '))}`,
      render: (value) => {
        const level = Number(value);
        const shown = template.replace('{n}', String(level)).replace('{w}', cased(words[level - 1] ?? String(level)));
        return { value: shown, shown };
      },
    };
  }
  const initials = words.map((word) => word.trim().charAt(0).toLowerCase());
  if (/^[a-z]$/i.test(text) && new Set(initials).size === initials.length && initials.includes(text.toLowerCase())) {
    const upper = text === text.toUpperCase();
    return {
      key: `initial:${upper}`,
      render: (value) => {
        const letter = initials[Number(value) - 1] ?? String(value);
        const shown = upper ? letter.toUpperCase() : letter;
        return { value: shown, shown };
      },
    };
  }
  return undefined;
}

// ---- dates: date cells with the column's format, or text as the column writes it

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dateCellStyle(format: NumberFormat | undefined): Style {
  return {
    key: `cell:${format?.pattern ?? ''}`,
    render: (value) => ({
      value,
      numberFormat: format ?? DEFAULT_DATE_FORMAT,
      shown: dateCellText(value),
    }),
  };
}

function textDate(key: string, write: (year: number, month: number, day: number) => string): Style {
  return {
    key,
    render: (value) => {
      const iso: IsoDate = typeof value === 'number' ? serialToIsoDate(value) : cellText(value);
      const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
      const shown = write(year, month, day);
      return { value: shown, shown };
    },
  };
}

function dateStyle(cell: ColumnCell): Style | undefined {
  if (cell.look?.formula !== undefined) return undefined;
  if (typeof cell.value === 'number') {
    const format = cell.look?.numberFormat;
    return dateCellStyle(isDateFormat(format) ? format : undefined);
  }
  const text = cellText(cell.value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return textDate('iso', (y, m, d) => `${y}-${pad(m, 2)}-${pad(d, 2)}`);
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const [, day = '', separator = '/', month = '', year = ''] = numeric;
    const width = day.length === 2 && month.length === 2 ? 2 : 1;
    return textDate(`dmy:${separator}:${width}:${year.length}`, (y, m, d) =>
      [pad(d, width), pad(m, width), year.length === 2 ? pad(y % 100, 2) : String(y)].join(separator),
    );
  }
  const worded = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(text);
  const monthWord = worded?.[2]?.toLowerCase() ?? '';
  const month = MONTHS.findIndex(
    (name) => name === monthWord || (monthWord.length === 3 && name.startsWith(monthWord)),
  );
  if (worded && month >= 0) {
    const long = monthWord.length > 3;
    const width = worded[1]?.length === 2 ? 2 : 1;
    return textDate(`words:${long}:${width}`, (y, m, d) => {
      const name = MONTHS[m - 1] ?? '';
      const shown = long ? name : name.slice(0, 3);
      return `${pad(d, width)} ${shown.charAt(0).toUpperCase()}${shown.slice(1)} ${y}`;
    });
  }
  return undefined;
}

/** The date format of the cell itself, or else the most common one of the column's date cells. */
function columnDateFormat(cells: readonly ColumnCell[], own: ColumnCell | undefined): NumberFormat | undefined {
  const ownFormat = own?.look?.numberFormat;
  if (isDateFormat(ownFormat)) return ownFormat;
  const counts = new Map<string, { format: NumberFormat; count: number }>();
  for (const cell of cells) {
    const format = cell.look?.numberFormat;
    if (typeof cell.value !== 'number' || !isDateFormat(format) || format === undefined) continue;
    const entry = counts.get(format.pattern) ?? { format, count: 0 };
    entry.count += 1;
    counts.set(format.pattern, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.format;
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
