import type { IsoDate } from '../domain/cell.js';
import { MONTH_NAMES } from '../domain/dates/month-names.js';

/**
 * Dates written the way the seed documents write them ("15.9.10", "31st March
 * 2011", "Dec 09", "Nov2009", "2011/12"), so the sample register reads like a
 * real one while its dates sit around whatever day it is built for.
 */

/** The seeds' own abbreviations: "Sept 2010", "Mar – June 11". */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: number;
  month: number;
  day: number;
}

function partsOf(date: IsoDate): Parts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ordinalSuffix(day: number): string {
  if (day >= 11 && day <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

const yy = (year: number): string => String(year % 100).padStart(2, '0');

/** The last day of the month `months` months after the month of `date` (before, when negative). */
export function monthEnd(date: IsoDate, months: number): IsoDate {
  const { year, month } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return iso(y, m, lastDay(y, m));
}

/** The calendar year in which the UK financial year holding `date` starts (April to March). */
export function financialYearStart(date: IsoDate): number {
  const { year, month } = partsOf(date);
  return month >= 4 ? year : year - 1;
}

/** The UK financial year `offset` years after the one holding `date`: its label ("2026/27") and its last day. */
export function financialYear(date: IsoDate, offset = 0): { label: string; end: IsoDate; endYear: number } {
  const start = financialYearStart(date) + offset;
  return { label: `${start}/${yy(start + 1)}`, end: iso(start + 1, 3, 31), endYear: start + 1 };
}

/** "15.9.10": day.month.two-digit year, as the seed risk log dates things. */
export function dotted(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${day}.${month}.${yy(year)}`;
}

/** "31st March 2011", or with `short` months "31st Dec 2010". */
export function ordinalDate(date: IsoDate, months: 'long' | 'short' = 'long'): string {
  const { year, month, day } = partsOf(date);
  return `${day}${ordinalSuffix(day)} ${(months === 'long' ? MONTH_NAMES : SHORT_MONTHS)[month - 1]} ${year}`;
}

/** "23rd Sept": a day of the month with no year, as written in running text. */
export function ordinalDayMonth(date: IsoDate): string {
  const { month, day } = partsOf(date);
  return `${day}${ordinalSuffix(day)} ${SHORT_MONTHS[month - 1]}`;
}

/** "07/12/2026": day-first, as UK plans write numeric dates. */
export function slashed(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "Jan 11", or with `long` months "November 10": a month with a two-digit year. */
export function monthShortYear(date: IsoDate, months: 'long' | 'short' = 'short'): string {
  const { year, month } = partsOf(date);
  return `${(months === 'long' ? MONTH_NAMES : SHORT_MONTHS)[month - 1]} ${yy(year)}`;
}

/** "Sept 2010", "March 2010" (`long`), or "Nov2009" (`glued`), as the business plans write target months. */
export function monthYear(date: IsoDate, style: 'short' | 'long' | 'glued' = 'short'): string {
  const { year, month } = partsOf(date);
  if (style === 'glued') return `${SHORT_MONTHS[month - 1]}${year}`;
  return `${(style === 'long' ? MONTH_NAMES : SHORT_MONTHS)[month - 1]} ${year}`;
}

/** "Mar – June 11"; when the range crosses a year, each end has its year: "Oct 11 – Jan 12". */
export function monthRange(from: IsoDate, to: IsoDate): string {
  const start = partsOf(from);
  if (start.year === partsOf(to).year) return `${SHORT_MONTHS[start.month - 1]} – ${monthShortYear(to)}`;
  return `${monthShortYear(from)} – ${monthShortYear(to)}`;
}

/** The seed's "31st Dec 20101" typo for a date in `year`: the year with a stray "1" after it. */
export function fiveDigitYearTypo(year: number): string {
  return `31st Dec ${year}1`;
}

/**
 * Moves every year in free text by `years`: "by April 2005" and "from 2002/3"
 * become "by April 2028" and "from 2025/6". Codes and amounts ("NI 130/1",
 * "£75,000") are not years and stay as they are.
 */
export function shiftYears(text: string, years: number): string {
  return text.replace(/\b((?:19|20)\d\d)(?:\/(\d{1,2}))?\b/g, (_match, first: string, second: string | undefined) => {
    const start = Number(first) + years;
    if (second === undefined) return String(start);
    return `${start}/${String((start + 1) % 10 ** second.length).padStart(second.length, '0')}`;
  });
}

function lastSunday(year: number, month: number): IsoDate {
  const day = lastDay(year, month);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return iso(year, month, day - weekday);
}

/**
 * `date` at `time` (HH:MM, daytime) in Europe/London as an ISO timestamp with
 * its offset: British Summer Time (+01:00) runs from the last Sunday of March
 * to the last Sunday of October, switching at 01:00 UTC, so a daytime clock
 * reading only needs the date to tell which.
 */
export function londonTimestamp(date: IsoDate, time: string): string {
  const { year } = partsOf(date);
  const summer = date >= lastSunday(year, 3) && date < lastSunday(year, 10);
  return `${date}T${time}:00${summer ? '+01:00' : '+00:00'}`;
}
