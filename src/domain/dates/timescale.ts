import { type CellValue, cellText, type IsoDate, isIsoDate } from '../cell.js';
import { DomainError } from '../domain-error.js';
import { type PlanYear, resolveYearless } from './plan-year.js';
import { daysInMonth, isoOf, isRangeSeparator, matchAt, type Token, tokenize } from './timescale-patterns.js';
import { found } from './timescale-tokens.js';

/**
 * A cell that cannot be read as a date: the fragment at fault and why.
 * `noYear` marks a date written without its year ("12 Jan") when no plan year says which.
 */
export type InvalidDate = { kind: 'invalid'; fragment: string; message: string; noYear?: true };

/** What a timescale cell says: its target dates in the order written, nothing, or a date that cannot be. */
export type TimescaleReading = { kind: 'dates'; milestones: IsoDate[] } | { kind: 'none' } | InvalidDate;

/** What a single-date cell (Date raised, Date last updated, Target date) says. */
export type SingleDateReading = { kind: 'date'; date: IsoDate } | { kind: 'none' } | InvalidDate;

/** What reading a date needs besides the cell: the plan year that dates written without a year belong to. */
export interface DateContext {
  planYear?: PlanYear | null | undefined;
}

const NONE = { kind: 'none' } as const;
const DAY_MS = 86_400_000;
// Day 0 of Sheets and of Excel after its 1900 leap-year bug: serials count from here.
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_RANGE = { min: 20_000, max: 80_000 } as const;
const YEAR_RANGE = { min: 1990, max: 2099 } as const;
// The largest serial a spreadsheet shows as a date: 9999-12-31.
const LAST_SERIAL = 2_958_465;
// What a spreadsheet takes as the start of a formula (as OWASP lists for CSV injection), after any spaces or
// invisible characters. A lone "-" before a space is a bullet; before a digit it is a minus sign (next rule).
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*(?:[=+@]|-[\p{L}(])/u;
const MINUS_START = /^[\s\u200b-\u200d\u2060\ufeff]*-[\d.]/u;
const TYPE_A_DATE = 'type the date itself, like 2027-03-31';

/**
 * Reads the target dates in a timescale cell as UK plans write them.
 *
 * A period stands for its last day ("Dec 09" is 2009-12-31, "2011/12" is
 * 2012-03-31), numeric dates are day-first, a range stands for its end, and
 * every milestone in a cell is kept in the order written, without repeats.
 * Text with no date in it ("TBC", "Ongoing") reads as `none`; text that looks
 * like a date but cannot be one ("31st Dec 20101") makes the whole cell
 * `invalid`, naming the first such fragment. A date written without its year
 * ("12 Jan", "end of March", "Q4", "H1") falls in `context.planYear`, and
 * with no plan year is `invalid` with `noYear`. Nothing is guessed.
 */
export function readTimescale(value: CellValue, context: DateContext = {}): TimescaleReading {
  if (typeof value === 'number') return readNumber(value, String(value));
  if (typeof value === 'boolean') {
    const shown = value ? 'TRUE' : 'FALSE';
    return invalid(shown, `"${shown}" is not a valid date: it is a tick box value`);
  }
  const text = cellText(value);
  if (text === '') return NONE;
  const formula = formulaProblem(text);
  if (formula !== null) return invalidText(text, formula);
  // A store that hands over numbers as text (CSV, a column formatted as text) still means the number.
  if (/^\d+$/.test(text)) return readNumber(Number(text), text);
  return readText(text, context.planYear ?? null);
}

/**
 * Reads a column that holds one date. A cell naming several dates is
 * `invalid` with a message listing them: a single date must not be picked silently.
 */
export function readSingleDate(value: CellValue, context: DateContext = {}): SingleDateReading {
  const reading = readTimescale(value, context);
  if (reading.kind !== 'dates') return reading;
  const [first, ...rest] = reading.milestones;
  if (first === undefined) return NONE;
  if (rest.length === 0) return { kind: 'date', date: first };
  const text = cellText(value);
  const count = reading.milestones.length;
  return invalid(
    text,
    `"${text}" is not a single date: it names ${count} dates (${reading.milestones.join(', ')}); this column takes one`,
  );
}

/**
 * The text a person sees in a date cell: a number that is a date serial shows
 * as its date (YYYY-MM-DD), as the sheet shows it, never as the number stored
 * underneath ("46356"); anything else as written.
 */
export function dateCellText(value: CellValue): string {
  if (typeof value === 'number' && value >= SERIAL_RANGE.min && value <= SERIAL_RANGE.max)
    return serialToIsoDate(value);
  return cellText(value);
}

/** The calendar date of a spreadsheet serial number (days since 1899-12-30); a time of day is dropped. */
export function serialToIsoDate(serial: number): IsoDate {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) {
    throw new DomainError('invalid_value', `${serial} is not a spreadsheet date serial`, { serial });
  }
  return new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The spreadsheet serial number (days since 1899-12-30) of a `YYYY-MM-DD` date. */
export function isoDateToSerial(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new DomainError('invalid_value', `"${date}" is not a YYYY-MM-DD date`, { date });
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0–99 into the 1900s.
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((utc.getTime() - SERIAL_EPOCH_MS) / DAY_MS);
}

/** True for a `YYYY-MM-DD` string that names a real calendar date. */
export function isValidIsoDate(text: string): boolean {
  if (!isIsoDate(text)) return false;
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function invalid(fragment: string, message: string): { kind: 'invalid'; fragment: string; message: string } {
  return { kind: 'invalid', fragment, message };
}

/**
 * Why text that a spreadsheet would take for a formula or a sum is no date,
 * or null. "=DATE(2027,3,31)" stored as text is never worked out, and its
 * digits would read as a year ("2027" is 31 Dec 2027): it is refused whole.
 */
function formulaProblem(text: string): string | null {
  if (FORMULA_START.test(text))
    return `it looks like a spreadsheet formula, and a formula written as text is never worked out; ${TYPE_A_DATE}`;
  if (MINUS_START.test(text))
    return `it starts with a minus sign, so a spreadsheet takes it for a negative number or a sum; ${TYPE_A_DATE}`;
  return null;
}

/** Text refused whole: "is not a date" rather than "is not a valid date", as nothing in it was read as one. */
function invalidText(text: string, reason: string): { kind: 'invalid'; fragment: string; message: string } {
  return invalid(text, `"${text}" is not a date: ${reason}`);
}

function readNumber(value: number, shown: string): TimescaleReading {
  if (Number.isInteger(value) && value >= YEAR_RANGE.min && value <= YEAR_RANGE.max) {
    return { kind: 'dates', milestones: [isoOf(value, 12, 31)] };
  }
  if (value >= SERIAL_RANGE.min && value <= SERIAL_RANGE.max)
    return { kind: 'dates', milestones: [serialToIsoDate(value)] };
  return invalid(
    shown,
    `"${shown}" is not a valid date: a number here must be a date serial (${SERIAL_RANGE.min}–${SERIAL_RANGE.max}) or a year (${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
  );
}

/** A date whose year is missing: the start of a range ("Jan – Mar 2027") is dropped like any range start. */
function startsRange(tokens: Token[], next: number): boolean {
  if (!isRangeSeparator(tokens[next])) return false;
  const end = matchAt(tokens, next + 1)?.kind;
  return end === 'date' || end === 'yearless';
}

function noYear(fragment: string): InvalidDate {
  return {
    kind: 'invalid',
    fragment,
    message: `"${fragment}" has no year, so the bot cannot tell which one is meant; write the year in the cell`,
    noYear: true,
  };
}

function readText(text: string, planYear: PlanYear | null): TimescaleReading {
  const tokens = tokenize(text);
  const dates: { date: IsoDate; next: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit = matchAt(tokens, i);
    if (hit === undefined) {
      i += 1;
      continue;
    }
    const from = hit.kind === 'yearless' || hit.kind === 'invalid' ? (hit.from ?? i) : i;
    const fragment = () => text.slice(tokens[from]?.start, tokens[(hit?.next ?? i + 1) - 1]?.end);
    if (hit.kind === 'yearless') {
      if (startsRange(tokens, hit.next)) {
        i = hit.next;
        continue;
      }
      if (planYear === null) return noYear(fragment());
      hit = found(resolveYearless(hit.part, planYear), hit.next);
    }
    if (hit.kind === 'invalid') return invalid(fragment(), `"${fragment()}" is not a valid date: ${hit.reason}`);
    if (hit.kind === 'date') {
      const last = dates.at(-1);
      // "Jan 2011 – Mar 2012" is one milestone, its end; the start is when work begins, not a target.
      if (last !== undefined && last.next === i - 1 && isRangeSeparator(tokens[last.next])) dates.pop();
      dates.push({ date: hit.date, next: hit.next });
    }
    i = hit.next;
  }
  const milestones = [...new Set(dates.map((f) => f.date))];
  return milestones.length > 0 ? { kind: 'dates', milestones } : NONE;
}
