import { cellText, type IsoDate } from '../cell.js';
import { dateCellText, serialToIsoDate } from '../dates/timescale.js';
import { isDateFormat, type NumberFormat } from './cell-look.js';
import { type ColumnCell, DEFAULT_DATE_FORMAT, type Style } from './cell-style.js';

// Dates: date cells with the column's format, or text as the column writes it.
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

/** A date cell with a number format: the one given, else the bot's own. */
export function dateCellStyle(format: NumberFormat | undefined): Style {
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

/** How a cell writes a date, where it shows one: a date cell (with its format) or text in a known style. */
export function dateStyle(cell: ColumnCell): Style | undefined {
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
export function columnDateFormat(cells: readonly ColumnCell[], own: ColumnCell | undefined): NumberFormat | undefined {
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
