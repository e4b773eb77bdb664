import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { dateInZone } from '../../src/domain/dates/calendar.js';
import { workingDayRule } from '../../src/domain/dates/working-days.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { planNudges } from '../../src/domain/reminders/nudge-plan.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings(); // England and Wales bank holidays, 14/7/1/0 days before, weekly while overdue
const rules = { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) };

/** The stage one open action with `targetDate` gets on `today` (without a ledger: a stage whose day has passed counts as sent). */
function stageOn(targetDate: string, today: string): string | null {
  const register = readRegister(
    rawRegister({
      actions: rawTab(
        'actions',
        ['Action ID', 'Action', 'Lead', 'Target date', 'Status'],
        [['A-1', 'Plan', 'Lead Commissioner', targetDate, 'In progress']],
      ),
    }),
    settings,
    today,
  );
  return planNudges(register, today, rules)[0]?.stage ?? null;
}

describe('the stage planned for a day, across month ends, weekends, holidays and year ends', () => {
  it.each([
    // target date, today, stage planned today
    ['month end: the day before 1 December', '2026-12-01', '2026-11-30', 'due-1'],
    ['month end: due on 1 March, the day before is a Sunday, so Friday 26 Feb', '2027-03-01', '2027-02-26', 'due-1'],
    ['month end: and on the day itself', '2027-03-01', '2027-03-01', 'due-0'],
    ['month end: the Saturday-Sunday in between sends nothing', '2027-03-01', '2027-02-27', null],
    ['financial year end: 14 days before 31 March', '2027-03-31', '2027-03-17', 'due-14'],
    ['financial year end: 7 days before', '2027-03-31', '2027-03-24', 'due-7'],
    ['financial year end: on the day', '2027-03-31', '2027-03-31', 'due-0'],
    ['financial year end: a week overdue, in the new year', '2027-03-31', '2027-04-07', 'overdue-7'],
    ['financial year end: the days between stages send nothing', '2027-03-31', '2027-04-01', null],
    [
      'Easter: 7 days before falls on Easter Monday, Good Friday is off too, so Thursday',
      '2027-04-05',
      '2027-03-25',
      'due-7',
    ],
    ['Easter: nothing on the Tuesday after, the stage went on Thursday', '2027-04-05', '2027-03-30', null],
    [
      'Christmas: 7 days before is the Boxing Day substitute (Mon 28 Dec), so Thursday 24th',
      '2027-01-04',
      '2026-12-24',
      'due-7',
    ],
    [
      "New Year: the day before is a Sunday and New Year's Day a holiday, so Thursday 31st",
      '2027-01-04',
      '2026-12-31',
      'due-1',
    ],
    ['weekly while overdue: stages falling on Saturdays go on Fridays', '2026-10-31', '2026-11-13', 'overdue-14'],
    ['a weekend day sends nothing at all', '2026-11-23', '2026-11-21', null],
    [
      'British Summer Time starts on Sun 28 March 2027: the Monday after is still 7 days before',
      '2027-04-05',
      '2027-03-29',
      null,
    ],
    ['and the Wednesday after is the 1-week countdown of a target 7 days on', '2027-04-07', '2027-03-31', 'due-7'],
    [
      'British Summer Time ends on Sun 25 October 2026: a stage on that Sunday went on Friday 23rd',
      '2026-11-01',
      '2026-10-23',
      'due-7',
    ],
    ['and the Monday after sends nothing for it', '2026-11-01', '2026-10-26', null],
  ])('%s (target %s, on %s)', (_, targetDate, today, stage) => {
    expect(stageOn(targetDate, today)).toBe(stage);
  });
});

describe('the day a scheduled run is for, at 09:00 London, either side of the clock changes', () => {
  it.each([
    ['the Friday before BST starts (GMT)', '2027-03-26T09:00:00Z', '2027-03-26'],
    ['the Monday after BST starts (09:00 BST is 08:00 UTC)', '2027-03-29T08:00:00Z', '2027-03-29'],
    ['the Friday before BST ends (09:00 BST is 08:00 UTC)', '2026-10-23T08:00:00Z', '2026-10-23'],
    ['the Monday after BST ends (GMT)', '2026-10-26T09:00:00Z', '2026-10-26'],
    ['just after midnight BST is still the day before in UTC', '2026-06-30T23:30:00Z', '2026-07-01'],
  ])('%s', (_, firedAt, today) => {
    expect(dateInZone(new Date(firedAt), 'Europe/London')).toBe(today);
  });

  it('the first working-day run after each change sends the stages due that day', () => {
    // Monday 29 March 2027 is Easter Monday, so the first run in BST is on Tuesday 30th.
    expect(stageOn('2027-04-12', dateInZone(new Date('2027-03-29T08:00:00Z'), 'Europe/London'))).toBeNull();
    expect(stageOn('2027-04-13', dateInZone(new Date('2027-03-30T08:00:00Z'), 'Europe/London'))).toBe('due-14');
    expect(stageOn('2026-11-02', dateInZone(new Date('2026-10-26T09:00:00Z'), 'Europe/London'))).toBe('due-7');
  });
});
