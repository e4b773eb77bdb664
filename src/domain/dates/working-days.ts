import type { IsoDate } from '../cell.js';
import { dayOfWeek } from './calendar.js';

/**
 * Whether a date is a working day: not a Saturday or Sunday, and not one of
 * the given holidays (the configured UK nation's bank holidays plus any the
 * board adds).
 */
export function workingDayRule(holidays: Iterable<IsoDate>): (date: IsoDate) => boolean {
  const closed = new Set(holidays);
  return (date) => {
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !closed.has(date);
  };
}
