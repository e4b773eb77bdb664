import type { IsoDate } from '../cell.js';
import { MONTH_NAMES } from './month-names.js';

/** A date a pattern worked out, or why the text cannot be one. */
export type Check = { date: IsoDate } | { reason: string };
export type YearCheck = { year: number } | { reason: string };

const DIGITS = ['no digits', 'one digit', 'two digits', 'three digits', 'four digits', 'five digits', 'six digits'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month a period ends in, `month` counted on from January of `year` (15 = March of the next year). */
export function endOfMonth(year: number, month: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return isoOf(y, m, daysInMonth(y, m));
}

/** Two-digit years pivot at 70: "Dec 09" is 2009, "Dec 85" is 1985. */
export function readYear(text: string): YearCheck {
  if (text.length === 2) {
    const yy = Number(text);
    return { year: yy < 70 ? 2000 + yy : 1900 + yy };
  }
  if (text.length !== 4) return { reason: `the year ${text} has ${DIGITS[text.length] ?? `${text.length} digits`}` };
  const year = Number(text);
  return year >= 1900 && year <= 2099 ? { year } : { reason: `the year ${text} is not between 1900 and 2099` };
}

/** The day, checked against its month: "February 2011 has 28 days". */
export function dayOf(year: number, month: number, day: number): Check {
  if (month < 1 || month > 12) return { reason: `there is no month ${month}` };
  if (day < 1) return { reason: `there is no day ${day}` };
  const days = daysInMonth(year, month);
  if (day > days) return { reason: `${MONTH_NAMES[month - 1]} ${year} has ${days} days` };
  return { date: isoOf(year, month, day) };
}

/** The calendar year a UK financial year ends in: "2004/5", "2003/04", "2011-12", "2011/2012". */
export function financialYearEnd(first: string, second: string): YearCheck {
  const start = readYear(first);
  if ('reason' in start) return start;
  const next = start.year + 1;
  const expected = second.length === 4 ? next : next % 10 ** second.length;
  if (second.length === 3 || second.length > 4 || Number(second) !== expected) {
    return { reason: `${second} is not the year after ${first}, so this is not a financial year` };
  }
  return { year: next };
}

/** Quarters and halves of a year, by how many months each is. */
export type YearPart = 'quarter' | 'half';
const PART_MONTHS: Record<YearPart, number> = { quarter: 3, half: 6 };

/**
 * The last day of quarter or half `n` of a year that starts in `firstMonth`
 * of `year`: January for a calendar year, April for a UK financial year
 * (so H1 of 2026/27 ends 30 September 2026, Q4 ends 31 March 2027).
 */
export function partEnd(part: YearPart, n: number, year: number, firstMonth: number): Check {
  const months = PART_MONTHS[part];
  if (n < 1 || n > 12 / months) return { reason: `there is no ${part} ${n}` };
  return { date: endOfMonth(year, firstMonth - 1 + n * months) };
}
