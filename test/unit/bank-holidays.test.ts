import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { type UkNation, ukBankHolidays } from '../../src/adapters/calendar/uk-bank-holidays.js';
import { deepMerge, loadSettings } from '../../src/config/load-settings.js';
import { resolveSettings } from '../../src/config/settings.js';
import { workingDayRule } from '../../src/domain/dates/working-days.js';

/**
 * The bank holidays of 2024-2028 per nation as GOV.UK announces them
 * (https://www.gov.uk/bank-holidays.json), substitute days included: the
 * hand-kept table config/bank-holidays.json held until the bot took them
 * from date-holidays, copied here as the reference the library must match.
 */
const GOV_UK: Record<UkNation, string[]> = {
  'england-and-wales': [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
  scotland: [
    '2024-01-01',
    '2024-01-02',
    '2024-03-29',
    '2024-05-06',
    '2024-05-27',
    '2024-08-05',
    '2024-12-02',
    '2024-12-25',
    '2024-12-26',
    '2025-01-01',
    '2025-01-02',
    '2025-04-18',
    '2025-05-05',
    '2025-05-26',
    '2025-08-04',
    '2025-12-01',
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-01-02',
    '2026-04-03',
    '2026-05-04',
    '2026-05-25',
    '2026-08-03',
    '2026-11-30',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
    '2027-01-04',
    '2027-03-26',
    '2027-05-03',
    '2027-05-31',
    '2027-08-02',
    '2027-11-30',
    '2027-12-27',
    '2027-12-28',
    '2028-01-03',
    '2028-01-04',
    '2028-04-14',
    '2028-05-01',
    '2028-05-29',
    '2028-08-07',
    '2028-11-30',
    '2028-12-25',
    '2028-12-26',
  ],
  'northern-ireland': [
    '2024-01-01',
    '2024-03-18',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-07-12',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
    '2025-01-01',
    '2025-03-17',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-07-14',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-03-17',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-07-13',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
    '2027-03-17',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-07-12',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
    '2028-01-03',
    '2028-03-17',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-07-12',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
};

/** The library itself, to look at its GB data beyond what the adapter keeps. */
const gb = (state: string) => new (createRequire(import.meta.url)('date-holidays') as typeof Holidays)('GB', state);
const YEARS = [2024, 2025, 2026, 2027, 2028];
const NATIONS = Object.keys(GOV_UK) as UkNation[];

describe('UK bank holidays from date-holidays', () => {
  it.each(NATIONS)('in %s, 2024-2028 are the dates GOV.UK lists, no more and no fewer', (nation) => {
    expect(YEARS.flatMap(ukBankHolidays(nation))).toEqual(GOV_UK[nation]);
  });

  it('Wales keeps the bank holidays of England (GOV.UK lists them as one), 2020-2060', () => {
    const [england, wales] = [gb('ENG'), gb('WLS')];
    const dates = (calendar: Holidays, year: number) =>
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date);
    for (let year = 2020; year <= 2060; year += 1) expect(dates(wales, year)).toEqual(dates(england, year));
  });

  it('the GB data marks bank holidays "public"; its other days are observances (Mother\'s Day), which are left out', () => {
    const types = new Set<string>();
    for (const calendar of [gb('ENG'), gb('SCT'), gb('NIR')])
      for (let year = 2020; year <= 2060; year += 1) for (const h of calendar.getHolidays(year)) types.add(h.type);
    expect([...types].sort()).toEqual(['observance', 'public']);
    expect(ukBankHolidays('england-and-wales')(2026)).not.toContain('2026-03-15'); // Mother's Day, a Sunday anyway
    expect(ukBankHolidays('england-and-wales')(2026)).not.toContain('2026-12-24'); // Christmas Eve is a working day
  });

  it('one-offs before the table are there too: the 2023 coronation and the 2022 funeral', () => {
    for (const nation of NATIONS) {
      expect(ukBankHolidays(nation)(2023)).toContain('2023-05-08');
      expect(ukBankHolidays(nation)(2022)).toContain('2022-09-19');
    }
  });

  it.each([
    ['england-and-wales', '2031-04-14', false], // Easter Monday
    ['scotland', '2031-04-14', true], // no Easter Monday in Scotland
    ['scotland', '2031-01-02', false], // 2 January
    ['scotland', '2031-08-04', false], // Scotland's summer bank holiday, the first Monday of August
    ['scotland', '2031-12-01', false], // St Andrew's Day's substitute (30 November is a Sunday)
    ['northern-ireland', '2031-07-14', false], // the Twelfth's substitute
    ['england-and-wales', '2045-12-26', false], // Boxing Day
    ['england-and-wales', '2031-08-26', true],
  ] as const)('years beyond the old table: in %s, %s is a working day: %s', (nation, date, working) => {
    const isWorkingDay = workingDayRule(ukBankHolidays(nation));
    expect(isWorkingDay(date)).toBe(working);
  });

  it("a board's extra holidays are added to the nation's, each in its own year", () => {
    const base = JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8'));
    const settings = resolveSettings(
      deepMerge(base, { workingDays: { nation: 'scotland', extraHolidays: ['2026-12-24', '2031-12-31'] } }),
      'test',
      ukBankHolidays,
    );
    expect(settings.holidays(2026)).toEqual([...ukBankHolidays('scotland')(2026), '2026-12-24']);
    expect(settings.holidays(2031)).toEqual([...ukBankHolidays('scotland')(2031), '2031-12-31']);
    const isWorkingDay = workingDayRule(settings.holidays);
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2031-12-31')).toBe(false);
    expect(isWorkingDay('2031-01-02')).toBe(false);
    expect(isWorkingDay('2031-12-30')).toBe(true);
  });

  it('the shipped settings take England and Wales from the library', () => {
    expect(loadSettings().holidays(2030)).toContain('2030-04-22'); // Easter Monday 2030
  });
});
