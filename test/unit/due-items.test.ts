import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { dueSoonItems, overdueItems, reviewsDue } from '../../src/domain/items/due-items.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { groupByOwner, planNudges, workingDayOnOrBefore } from '../../src/domain/reminders/nudge-plan.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const RISK_HEADERS = [
  'Risk ID',
  'Risk owner',
  'Impact',
  'Probability',
  'Target resolution date',
  'Date last updated',
  'Status',
];
const ACTION_HEADERS = ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'];

// A register as of Monday 23 November 2026.
const today = '2026-11-23';
const register = readRegister(
  rawRegister({
    risks: rawTab('risks', RISK_HEADERS, [
      ['R-1', 'Dir of Commissioning', 3, 3, '31st March 2027', '01/11/2026', 'Open'], // High, 22 days since update: review due (14)
      ['R-2', 'Lead Commissioner', 2, 2, '30/11/2026', '15/11/2026', 'Open'], // Medium, fresh; due in 7
      ['R-3', 'service manager', 1, 1, 'Oct 2026', '1.8.26', 'Open'], // Low, 114 days: review due (90); overdue
      ['R-4', 'service manager', 3, 3, 'Oct 2026', '1.8.26', 'Closed'], // closed: nothing
      ['R-5', 'Head of contracts', 2, 2, 'TBC', null, 'Open'], // never reviewed
    ]),
    actions: rawTab('actions', ACTION_HEADERS, [
      ['A-1', 'Roll out IAPT', 'Lead Commissioner (PCT)', '07/12/2026', 'In progress'], // due in 14
      ['A-2', 'Crisis pathway', 'Lead Commissioner (PCT)', '24/11/2026', 'Not started'], // due in 1
      ['A-3', 'Workforce plan', 'Head of workforce development', '23/11/2026', 'Blocked'], // due today
      ['A-4', 'Market plan', 'Transformation Group', '16/11/2026', 'In progress'], // 7 days overdue
      ['A-5', 'Quality monitoring', 'Commissioning leads', '2025/26', 'Not started'], // overdue since 31 Mar 2026 (237 days)
      ['A-6', 'Data accuracy', '', 'Dec 2026', 'Done'], // done: nothing
      ['A-7', 'Day services review', 'D. Woodward', '10/12/2026', 'Not started'], // due in 17: not soon
    ]),
    people: rawTab(
      'people',
      ['Name', 'Slack user'],
      [
        ['Lead Commissioner (PCT)', 'U0LEAD'],
        ['service manager', 'svc@example.org'],
      ],
    ),
  }),
  settings,
  today,
);

describe('what is overdue, due soon and due for review', () => {
  it('overdue: open items past their target date, most overdue first', () => {
    expect(overdueItems(register, today).map((d) => [d.item.key, d.daysToGo])).toEqual([
      ['A-5', -237],
      ['R-3', -23],
      ['A-4', -7],
    ]);
  });

  it('due soon: open items due from today to 14 days ahead, soonest first', () => {
    expect(dueSoonItems(register, today, 14).map((d) => [d.item.key, d.daysToGo])).toEqual([
      ['A-3', 0],
      ['A-2', 1],
      ['R-2', 7],
      ['A-1', 14],
    ]);
  });

  it("reviews due: open risks not updated within their band's interval, and risks never reviewed", () => {
    expect(reviewsDue(register, today).map((r) => [r.risk.key, r.dueOn, r.neverReviewed])).toEqual([
      ['R-3', '2026-10-30', false],
      ['R-1', '2026-11-15', false],
      ['R-5', today, true],
    ]);
  });

  it('a review falls due on the day the interval ends, not the day after', () => {
    const onTheDay = reviewsDue(register, '2026-11-15').map((r) => r.risk.key);
    expect(onTheDay).toContain('R-1');
    expect(reviewsDue(register, '2026-11-14').map((r) => r.risk.key)).not.toContain('R-1');
  });
});

describe('nudge planning, without a ledger', () => {
  const rules = settings.reminders;

  it('on a working day, the stages falling today are planned: 14, 7, 1 and 0 days before, and weekly while overdue', () => {
    const stages = planNudges(register, today, rules).map((n) => [n.item.key, n.stage]);
    expect(stages).toEqual(
      expect.arrayContaining([
        ['A-1', 'due-14'],
        ['A-2', 'due-1'],
        ['A-3', 'due-0'],
        ['R-2', 'due-7'],
        ['A-4', 'overdue-7'],
        ['R-5', 'review'],
      ]),
    );
    expect(stages.map(([key]) => key)).not.toContain('A-5'); // 237 days is not a whole week
    expect(stages.map(([key]) => key)).not.toContain('A-6');
  });

  it('on a weekend, nothing is sent; a stage falling then goes out on the Friday before', () => {
    expect(planNudges(register, '2026-11-21', rules)).toEqual([]);
    // A-3 is due Mon 23 Nov; its "1 day before" stage falls on Sun 22 Nov, so goes out Fri 20 Nov.
    const friday = planNudges(register, '2026-11-20', rules).map((n) => [n.item.key, n.stage]);
    expect(friday).toContainEqual(['A-3', 'due-1']);
    expect(workingDayOnOrBefore('2026-11-22', (d) => ![0, 6].includes(new Date(d).getUTCDay()))).toBe('2026-11-20');
  });

  it('groups reminders into one message per owner, and names the owners People lacks', () => {
    const groups = groupByOwner(planNudges(register, today, rules), register.people);
    const lead = groups.find((g) => g.owner === 'Lead Commissioner (PCT)')!;
    expect(lead.nudges.map((n) => n.item.key)).toEqual(['A-2', 'A-1']);
    expect(lead.people.map((p) => p.slackUser)).toEqual(['U0LEAD']);
    expect(groups.find((g) => g.owner === 'Transformation Group')!.unreachable).toEqual(['Transformation Group']);
  });

  it('with a ledger, a stage missed during downtime is caught up once, as the latest stage only', () => {
    const sent = new Set<string>();
    const wasSent = (n: { item: { key: string }; stage: string }) => sent.has(`${n.item.key}:${n.stage}`);
    const first = planNudges(register, today, rules, wasSent).filter((n) => n.item.key === 'A-5');
    expect(first.map((n) => n.stage)).toEqual(['overdue-231']);
    for (const n of first) sent.add(`${n.item.key}:${n.stage}`);
    expect(planNudges(register, today, rules, wasSent).filter((n) => n.item.key === 'A-5')).toEqual([]);
  });
});

describe('calendar arithmetic', () => {
  it('matches the JavaScript calendar for every day across four centuries of edge years', async () => {
    const { addDays, daysBetween, dayOfWeek } = await import('../../src/domain/dates/calendar.js');
    for (const start of [
      '1899-12-30',
      '1900-02-28',
      '1999-12-31',
      '2000-02-28',
      '2024-02-28',
      '2026-03-28',
      '2026-10-24',
      '2100-02-27',
    ]) {
      for (let n = -400; n <= 400; n += 1) {
        const expected = new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000);
        const date = addDays(start, n);
        expect(date).toBe(expected.toISOString().slice(0, 10));
        expect(daysBetween(start, date)).toBe(n);
        expect(dayOfWeek(date)).toBe(expected.getUTCDay());
      }
    }
  });
});

describe('working days', () => {
  it.each([
    ['england-and-wales', '2026-12-28', false], // Boxing Day's substitute
    ['england-and-wales', '2026-04-06', false], // Easter Monday
    ['scotland', '2026-04-06', true], // no Easter Monday in Scotland
    ['scotland', '2026-11-30', false], // St Andrew's Day
    ['scotland', '2027-01-04', false], // 2 January's substitute
    ['northern-ireland', '2026-03-17', false], // St Patrick's Day
    ['northern-ireland', '2026-07-13', false], // the Twelfth's substitute
    ['england-and-wales', '2026-11-23', true],
    ['england-and-wales', '2026-11-22', false], // a Sunday
  ] as const)('in %s, %s is a working day: %s', async (nation, date, working) => {
    const { ukBankHolidays } = await import('../../src/adapters/calendar/uk-bank-holidays.js');
    const { workingDayRule } = await import('../../src/domain/dates/working-days.js');
    expect(workingDayRule(ukBankHolidays(nation))(date)).toBe(working);
  });

  it("a reminder due on Boxing Day's substitute goes out on the working day before (Christmas Eve)", async () => {
    const { workingDayRule } = await import('../../src/domain/dates/working-days.js');
    expect(workingDayOnOrBefore('2026-12-28', workingDayRule(settings.holidays))).toBe('2026-12-24');
    expect(workingDayOnOrBefore('2027-01-01', workingDayRule(settings.holidays))).toBe('2026-12-31');
  });

  it("the settings' holidays are the nation's bank holidays of the year asked for", () => {
    expect(settings.holidays(2026)).toContain('2026-12-25');
  });
});
