import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { IsoDate } from '../../src/domain/cell.js';
import { daysBetween } from '../../src/domain/dates/calendar.js';
import { readSingleDate, readTimescale } from '../../src/domain/dates/timescale.js';
import { reviewsDue } from '../../src/domain/items/due-items.js';
import { ON_DEMAND_FIELDS, OPTIONAL_FIELDS, TAB_FIELDS } from '../../src/domain/register/fields.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Action, Register } from '../../src/domain/register/register.js';
import { planNudges } from '../../src/domain/reminders/nudge-plan.js';
import { sampleActions } from '../../src/sample/sample-actions.js';
import { buildSampleRegister, type SampleTab } from '../../src/sample/sample-register.js';
import { sampleRisks } from '../../src/sample/sample-risks.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();

function tabsFor(today: IsoDate): Record<TabKey, SampleTab> {
  const tabs = buildSampleRegister(today, settings.tabs);
  return Object.fromEntries(tabs.map((tab) => [tab.key, tab])) as Record<TabKey, SampleTab>;
}

function registerFor(today: IsoDate): Register {
  const tabs = tabsFor(today);
  const raw = (key: TabKey) => rawTab(key, tabs[key].headers, tabs[key].rows, tabs[key].title);
  return readRegister(
    rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
    settings,
    today,
  );
}

const daysTo = (today: IsoDate, action: Action): number => daysBetween(today, action.target.targetDate!);
const openActions = (register: Register): Action[] =>
  register.actions.filter((action) => action.status !== 'Done' && action.target.targetDate !== null);

describe.each(['2026-11-23', '2027-03-01'])('the sample register built for %s', (today) => {
  const register = registerFor(today);
  const tabs = tabsFor(today);

  it('when built, then it holds the 13 seed risks and at least 18 actions under the headers the bot writes', () => {
    expect(register.risks.map((risk) => risk.id)).toEqual(Array.from({ length: 13 }, (_, i) => `R - ${i + 1}`));
    expect(register.actions.length).toBeGreaterThanOrEqual(18);
    expect(register.actions.map((action) => action.id)).toEqual(register.actions.map((_, i) => `A-${i + 1}`));
    for (const key of ['risks', 'actions', 'people', 'audit'] as const) {
      expect(tabs[key].title).toBe(settings.tabs[key].title);
      const written = TAB_FIELDS[key].filter((field) => !ON_DEMAND_FIELDS.has(field) && !OPTIONAL_FIELDS.has(field));
      expect(tabs[key].headers).toEqual(written.map((field) => settings.tabs[key].headers[field]![0]));
      for (const row of tabs[key].rows) expect(row).toHaveLength(written.length);
    }
  });

  it('when built twice for the same day, then the two registers are the same', () => {
    expect(buildSampleRegister(today, settings.tabs)).toEqual(buildSampleRegister(today, settings.tabs));
  });

  it('when an action has a date, then it is a serial number in a column listed as a date column', () => {
    const { headers, rows, dateColumns } = tabs.actions;
    const columns = ['Target date', 'Original target date', 'Date last updated'].map((header) =>
      headers.indexOf(header),
    );
    expect(dateColumns).toEqual(expect.arrayContaining(columns));
    for (const row of rows)
      for (const column of columns) expect(row[column] === null || typeof row[column] === 'number').toBe(true);
    expect(register.actions.every((action) => action.dateLastUpdated !== null && action.dateLastUpdated <= today)).toBe(
      true,
    );
  });

  it('when each timescale is read, then it means the dates intended, and only the "31st Dec 20101" typos are invalid', () => {
    for (const { cells, timescaleMeans } of sampleActions(today)) {
      const reading = readTimescale(cells.timescale);
      expect(reading, `${cells.id}: ${String(cells.timescale)}`).toEqual(
        timescaleMeans.length === 0 ? { kind: 'none' } : { kind: 'dates', milestones: timescaleMeans },
      );
    }
    const typoYear = `${today.slice(0, 4)}1`;
    for (const { cells, targetMeans } of sampleRisks(today)) {
      const reading = readTimescale(cells.targetResolution);
      if (targetMeans === 'invalid')
        expect(reading).toMatchObject({ kind: 'invalid', fragment: `31st Dec ${typoYear}` });
      else
        expect(reading, `${cells.id}: ${String(cells.targetResolution)}`).toEqual({
          kind: 'dates',
          milestones: [targetMeans],
        });
      expect(readSingleDate(cells.dateRaised).kind).toBe('date');
      expect(readSingleDate(cells.dateLastUpdated).kind).toBe('date');
    }
    expect(register.actions.map((action) => action.target.text)).toEqual(expect.arrayContaining(['TBC', 'Ongoing']));
  });

  it("when the data is checked, then exactly the seed's own faults are reported", () => {
    const found = register.problems.map((p) => [p.code, p.tab, p.row, p.column, p.value]);
    expect(found).toEqual([
      ['owner_missing', 'Actions', 8, 'Lead', ''],
      ['date_invalid', 'Risks', 2, 'Target resolution date', `31st Dec ${today.slice(0, 4)}1`],
      ['owner_unknown', 'Risks', 3, 'Risk owner', 'PCT Dir of ommissioning'],
      ['date_invalid', 'Risks', 7, 'Target resolution date', `31st Dec ${today.slice(0, 4)}1`],
      ['date_in_future', 'Risks', 10, 'Date last updated', expect.any(String)],
      ['band_mismatch', 'Risks', 14, 'Risk rating', 'Modium'],
      ['owner_unknown', 'Risks', 14, 'Risk owner', 'head of contracts'],
      ['owner_unknown', 'Risks', 14, 'Action owner', 'head of contracts'],
    ]);
    const future = register.risks[8]!.dateLastUpdated!;
    expect(daysBetween(today, future)).toBeGreaterThanOrEqual(270);
    expect(daysBetween(today, future)).toBeLessThanOrEqual(330);
    expect(register.actions[6]).toMatchObject({
      action: 'To improve data accuracy, and performance monitoring',
      lead: '',
    });
  });

  it('when reminders are planned for today, then actions due in exactly 14, 7, 1 and 0 days each get one', () => {
    const offsets = openActions(register).map((action) => daysTo(today, action));
    expect(offsets).toEqual(expect.arrayContaining([14, 7, 1, 0]));
    const stages = planNudges(register, today, settings.reminders).map((nudge) => nudge.stage);
    expect(stages).toEqual(expect.arrayContaining(['due-14', 'due-7', 'due-1', 'due-0']));
  });

  it('when today comes, then actions are overdue for several leads by days to months, others due soon, healthy or done', () => {
    const overdue = openActions(register).filter((action) => daysTo(today, action) < 0);
    expect(new Set(overdue.map((action) => action.lead)).size).toBeGreaterThanOrEqual(4);
    const lateness = overdue.map((action) => -daysTo(today, action));
    expect(Math.min(...lateness)).toBeLessThanOrEqual(7);
    expect(Math.max(...lateness)).toBeGreaterThanOrEqual(60);
    expect(
      openActions(register).filter((action) => daysTo(today, action) >= 0 && daysTo(today, action) <= 14).length,
    ).toBeGreaterThanOrEqual(5);
    expect(openActions(register).filter((action) => daysTo(today, action) >= 60).length).toBeGreaterThanOrEqual(5);
    const statuses = new Set(register.actions.map((action) => action.status));
    expect([...statuses].sort()).toEqual(['Blocked', 'Done', 'In progress', 'Not started']);
  });

  it('when targets slipped, then one slipped once and one three times with the reason in its note', () => {
    const slipped = register.actions.filter((action) => action.timesSlipped > 0);
    expect(slipped.map((action) => action.timesSlipped)).toEqual(expect.arrayContaining([1, 3]));
    for (const action of slipped) expect(action.originalTargetDate! < action.target.targetDate!).toBe(true);
    const thrice = slipped.find((action) => action.timesSlipped === 3)!;
    expect(thrice).toMatchObject({ action: 'Put in place a workforce development plan', linkedRisks: ['R-12'] });
    expect(thrice.latestNote).toMatch(/withdrew/);
  });

  it('when risks are reviewed, then a High one is 20+ days stale, a Medium one 30+, and others fresh', () => {
    const stale = reviewsDue(register, today).map(
      ({ risk }) => [risk.band?.label, daysBetween(risk.dateLastUpdated!, today)] as const,
    );
    expect(stale.some(([band, days]) => band === 'High' && days >= 20)).toBe(true);
    expect(stale.some(([band, days]) => band === 'Medium' && days >= 30)).toBe(true);
    expect(
      register.risks.filter((risk) => risk.dateLastUpdated! <= today && daysBetween(risk.dateLastUpdated!, today) <= 7)
        .length,
    ).toBeGreaterThanOrEqual(3);
    const targets = register.risks
      .filter((risk) => risk.status === 'Open' && risk.target.targetDate !== null)
      .map((risk) => daysBetween(today, risk.target.targetDate!));
    expect(targets.some((days) => days < 0)).toBe(true);
    expect(targets.some((days) => days >= 0 && days <= 14)).toBe(true);
    expect(targets.some((days) => days >= 60)).toBe(true);
    expect(
      register.risks.filter((risk) => risk.status === 'Closed').map((risk) => [risk.id, risk.band?.label]),
    ).toEqual([['R - 5', 'Low']]);
  });

  it('when the audit log is read, then it tells of a rise, a fall and a new risk this week, and a slip with its reason', () => {
    const daysAgo = (when: string) => daysBetween(when.slice(0, 10), today);
    for (const entry of register.audit) {
      expect(entry.when).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[01]:00$/);
      expect(daysAgo(entry.when)).toBeGreaterThanOrEqual(0);
      expect(daysAgo(entry.when)).toBeLessThanOrEqual(21);
    }
    const thisWeek = register.audit.filter((entry) => daysAgo(entry.when) <= 7);
    const ratings = thisWeek.filter((entry) => entry.field === 'Rating (I x P)');
    expect(ratings.some((entry) => Number(entry.newValue) > Number(entry.oldValue))).toBe(true);
    expect(ratings.some((entry) => Number(entry.newValue) < Number(entry.oldValue))).toBe(true);
    expect(
      thisWeek.some((entry) => entry.item === 'R - 13' && entry.newValue === 'Open' && entry.oldValue === ''),
    ).toBe(true);
    expect(
      register.audit.some(
        (entry) => entry.field === 'Target date' && entry.newValue > entry.oldValue && entry.note !== '',
      ),
    ).toBe(true);
  });
});

describe('the sample register built for Monday 23 November 2026', () => {
  const register = registerFor('2026-11-23');
  const byId = new Map([...register.risks, ...register.actions].map((item) => [item.id, item]));

  it.each([
    ['R - 2', '31st October 2026', '2026-10-31'],
    ['R - 3', '7th Nov 2026', '2026-11-07'],
    ['R - 10', '29th November 2026', '2026-11-29'],
    ['R - 13', '31st March 2028', '2028-03-31'],
    [
      'A-1',
      'IAPT roll out by Sept 2026 service evaluation Feb 2027 Business case implemented 2027/28 Stepped care model 2027/28',
      '2027-02-28',
    ],
    ['A-3', 'Model developed by end Jan 27. Staff training Mar – June 27 Implementation 2027/28', '2027-01-31'],
    ['A-6', 'action plan in place by 24th November 2026; Complete delivery by Mar 2028.', '2026-11-24'],
    ['A-7', '2025/26', '2026-03-31'],
    ['A-10', '2025/26', '2026-12-03'],
    ['A-15', '30th November 2026', '2026-11-30'],
    ['A-17', '23/11/2026', '2026-11-23'],
    ['A-19', 'Nov2026', '2026-11-30'],
    ['A-21', '07/12/2026', '2026-12-07'],
    ['A-22', 'New teams in place by August 2026 24 hour cover available by October 2026', '2026-10-31'],
  ])('when %s reads "%s", then its target date is %s', (id, text, targetDate) => {
    expect(byId.get(id)!.target).toMatchObject({ text, targetDate });
  });
});
