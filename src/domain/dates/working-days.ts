import type { IsoDate } from '../cell.js';
import { dayOfWeek } from './calendar.js';

/** The holidays in one calendar year: asked for each year a rule meets, so no year runs out. */
export type HolidaysIn = (year: number) => Iterable<IsoDate>;

/**
 * Whether a date is a working day: not a Saturday or Sunday, and not one of
 * the year's holidays (the configured UK nation's bank holidays plus any the
 * board adds). Each year's holidays are asked for once, when a date in it is
 * first checked.
 */
export function workingDayRule(holidaysIn: HolidaysIn): (date: IsoDate) => boolean {
  const closedByYear = new Map<number, Set<IsoDate>>();
  const closed = (year: number) => {
    let days = closedByYear.get(year);
    if (days === undefined) {
      days = new Set(holidaysIn(year));
      closedByYear.set(year, days);
    }
    return days;
  };
  return (date) => {
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !closed(Number(date.slice(0, 4))).has(date);
  };
}
