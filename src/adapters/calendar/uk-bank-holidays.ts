import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { UK_NATIONS } from '../../config/settings-schema.js';
import type { IsoDate } from '../../domain/cell.js';
import { dayOfWeek } from '../../domain/dates/calendar.js';

export type UkNation = (typeof UK_NATIONS)[number];

/** date-holidays' subdivisions of GB: Wales keeps England's bank holidays (GOV.UK lists them as one). */
const SUBDIVISION: Record<UkNation, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

// date-holidays holds every country's rules: ~100 ms to load, so it is loaded
// when a year's holidays are first asked for (the first reminder run), not at start-up.
const require = createRequire(import.meta.url);
const calendars = new Map<UkNation, Holidays>();
const byYear = new Map<string, IsoDate[]>();

function calendarOf(nation: UkNation): Holidays {
  let calendar = calendars.get(nation);
  if (calendar === undefined) {
    const HolidaysOf = require('date-holidays') as typeof Holidays;
    calendar = new HolidaysOf('GB', SUBDIVISION[nation]);
    calendars.set(nation, calendar);
  }
  return calendar;
}

/**
 * The bank holidays of a UK nation in a year, as GOV.UK lists them: the
 * "public" holidays of date-holidays' GB data (not observances such as
 * Mother's Day), on weekdays only: when one falls on a weekend the library
 * gives the day itself and its substitute, GOV.UK the substitute alone.
 * Computed for any year, one-offs (a coronation, a funeral) included as the
 * library's data knows them.
 */
export function ukBankHolidays(nation: UkNation): (year: number) => IsoDate[] {
  return (year) => {
    const key = `${nation}:${year}`;
    let dates = byYear.get(key);
    if (dates === undefined) {
      dates = calendarOf(nation)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .filter((date) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6);
      dates = [...new Set(dates)].sort();
      byYear.set(key, dates);
    }
    return [...dates];
  };
}
