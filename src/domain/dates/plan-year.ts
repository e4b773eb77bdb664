import type { IsoDate } from '../cell.js';
import { addDays, dayOfWeek } from './calendar.js';
import {
  type Check,
  dayOf,
  endOfMonth,
  financialYearEnd,
  isoOf,
  partEnd,
  readYear,
  type YearPart,
} from './year-parts.js';

/**
 * The year a plan is for: a calendar year (January to December) or a UK
 * financial year (April to March, named by the year it starts in).
 */
export type PlanYear = { kind: 'calendar'; year: number } | { kind: 'financial'; startYear: number };

/**
 * A date written without its year: "12 Jan", "w/c 12 Jan", "end of March",
 * "Q4", "H1", "year end". The plan year says which year it is in.
 */
export type YearlessPart =
  | { kind: 'day'; month: number; day: number; weekOf: boolean }
  | { kind: 'month'; month: number }
  | { kind: YearPart; n: number }
  | { kind: 'yearEnd'; financial: boolean };

// Friday: "w/c 12 Jan" is done by the end of that working week.
const WEEK_END_DAY = 5;

/** The Friday of the week that starts on (or contains) `date`. */
export function endOfWorkingWeek(date: IsoDate): IsoDate {
  return addDays(date, (WEEK_END_DAY - dayOfWeek(date) + 7) % 7);
}

/** Reads a plan year as settings give it: 2027 or "2027" (calendar), "2026/27", "2026-27" or "FY27" (financial). */
export function readPlanYear(value: string | number): PlanYear | { reason: string } {
  const text = String(value).trim();
  const problem = {
    reason: `"${text}" is not a plan year: write a calendar year like "2027" or a UK financial year like "2026/27"`,
  };
  const fy = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{1,4})$/i.exec(text);
  if (fy) {
    const end = financialYearEnd(fy[1] ?? '', fy[2] ?? '');
    return 'reason' in end ? problem : { kind: 'financial', startYear: end.year - 1 };
  }
  const single = /^(fy\s*)?(\d{2}|\d{4})$/i.exec(text);
  if (!single || (single[1] === undefined && single[2]?.length !== 4)) return problem;
  const year = readYear(single[2] ?? '');
  if ('reason' in year) return problem;
  // "FY27" is the financial year ending in March 2027, as firms and departments name theirs.
  return single[1] === undefined
    ? { kind: 'calendar', year: year.year }
    : { kind: 'financial', startYear: year.year - 1 };
}

/** "2026/27" or "2027", as the README and messages write a plan year. */
export function planYearText(plan: PlanYear): string {
  if (plan.kind === 'calendar') return String(plan.year);
  return `${plan.startYear}/${String((plan.startYear + 1) % 100).padStart(2, '0')}`;
}

/** The year a month falls in within the plan year: in 2026/27, April–December are 2026 and January–March 2027. */
function yearOfMonth(plan: PlanYear, month: number): number {
  if (plan.kind === 'calendar') return plan.year;
  return month >= 4 ? plan.startYear : plan.startYear + 1;
}

/** The date a year-less part names within the plan year, or why it cannot be one ("29 Feb" in a year without it). */
export function resolveYearless(part: YearlessPart, plan: PlanYear): Check {
  const start = plan.kind === 'calendar' ? { year: plan.year, month: 1 } : { year: plan.startYear, month: 4 };
  switch (part.kind) {
    case 'day': {
      const day = dayOf(yearOfMonth(plan, part.month), part.month, part.day);
      return 'date' in day && part.weekOf ? { date: endOfWorkingWeek(day.date) } : day;
    }
    case 'month':
      return { date: endOfMonth(yearOfMonth(plan, part.month), part.month) };
    case 'quarter':
    case 'half':
      return partEnd(part.kind, part.n, start.year, start.month);
    case 'yearEnd':
      // "end of financial year" in a calendar plan year is the 31 March within it.
      if (part.financial && plan.kind === 'calendar') return { date: isoOf(plan.year, 3, 31) };
      return { date: endOfMonth(start.year, start.month + 11) };
  }
}
