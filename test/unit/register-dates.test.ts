import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepMerge, loadSettings } from '../../src/config/load-settings.js';
import { resolveSettings, type Settings } from '../../src/config/settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const base = JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8'));
const settingsWith = (override: object): Settings => resolveSettings(deepMerge(base, override), 'test');
const settings = loadSettings();
const TODAY = '2026-11-23';
const RISK_HEADERS = ['Risk ID', 'Description', 'Impact', 'Likelihood', 'Target resolution date', 'Date raised'];
const ACTION_HEADERS = ['Action ID', 'Action', 'Lead', 'Timescale', 'Target date'];

function read(risks: CellValue[][], actions: CellValue[][] = [], using: Settings = settings) {
  const register = readRegister(
    rawRegister({
      risks: rawTab('risks', RISK_HEADERS, risks),
      actions: rawTab('actions', ACTION_HEADERS, actions),
    }),
    using,
    TODAY,
  );
  // Only the problems with dates and levels: the tabs here leave out People and the Audit log, which are reported too.
  return { ...register, problems: register.problems.filter((p) => /^(date|level)_/.test(p.code)) };
}

describe('dates in a register as people write them', () => {
  it('when a target has no year and no plan year is set, reports it on its row, saying how to fix it', () => {
    const { risks, problems } = read([['R-1', 'Funding gap', 2, 2, 'end of March', null]]);
    expect(risks[0]?.target).toEqual({ text: 'end of March', milestones: [], targetDate: null });
    expect(problems).toEqual([
      {
        code: 'date_invalid',
        severity: 'error',
        tab: 'Risks',
        row: 2,
        column: 'Target resolution date',
        value: 'end of March',
        message:
          '"end of March" has no year, so the bot cannot tell which one is meant; write the year in the cell, or set "planYear" in the settings to the year the plan is for (a calendar year like "2027" or a financial year like "2026/27")',
      },
    ]);
  });

  it('when a timescale says next week, reports it, as the sheet does not say when it was written', () => {
    const { problems } = read([], [['A-1', 'Launch', 'Lead', 'next week', null]]);
    expect(problems.map((p) => [p.tab, p.row, p.column, p.value, p.code])).toEqual([
      ['Actions', 2, 'Timescale', 'next week', 'date_invalid'],
    ]);
  });

  it('when a date cell holds a date serial, problems quote the date, not the number underneath', () => {
    const { problems } = read([['R-1', 'Funding gap', 2, 2, null, isoDateToSerial('2026-12-01')]]);
    expect(problems.map((p) => [p.column, p.value, p.message])).toEqual([
      ['Date raised', '2026-12-01', 'Date raised 2026-12-01 is after today (2026-11-23); is the year mistyped?'],
    ]);
  });

  it('when a target is a date cell, its text is the date as the sheet shows it', () => {
    const { risks, actions } = read(
      [['R-1', 'Funding gap', 2, 2, isoDateToSerial('2027-03-31'), null]],
      [['A-1', 'Launch', 'Lead', isoDateToSerial('2027-01-15'), null]],
    );
    expect(risks[0]?.target).toEqual({ text: '2027-03-31', milestones: ['2027-03-31'], targetDate: '2027-03-31' });
    expect(actions[0]?.target.text).toBe('2027-01-15');
  });
});

describe('the plan year', () => {
  // A plan for 2026/27 as an NHS trust writes one: milestones by day, week, month, quarter and half, without years.
  it('when the settings give a financial plan year, dates without a year fall in April 2026 to March 2027', () => {
    const using = settingsWith({ planYear: '2026/27' });
    expect(using.planYear).toEqual({ kind: 'financial', startYear: 2026 });
    const { actions, problems } = read(
      [],
      [
        ['A-1', 'Business case', 'Lead', 'w/c 12 Jan', null],
        ['A-2', 'Consultation', 'Lead', 'end of March', null],
        ['A-3', 'Tender', 'Lead', 'Q3', null],
        ['A-4', 'Mobilise', 'Lead', 'H1', null],
        ['A-5', 'Go live', 'Lead', 'Draft by 31 Dec; live by 31st March', null],
        ['A-6', 'Evaluate', 'Lead', 'Q4 2027/28', '12 Jan'],
      ],
      using,
    );
    expect(problems).toEqual([]);
    expect(actions.map((a) => [a.id, a.target.milestones, a.target.targetDate])).toEqual([
      ['A-1', ['2027-01-15'], '2027-01-15'],
      ['A-2', ['2027-03-31'], '2027-03-31'],
      ['A-3', ['2026-12-31'], '2026-12-31'],
      ['A-4', ['2026-09-30'], '2026-09-30'],
      ['A-5', ['2026-12-31', '2027-03-31'], '2026-12-31'],
      ['A-6', ['2028-03-31'], '2027-01-12'],
    ]);
  });

  it('when the settings give a calendar plan year, Q4 ends in December', () => {
    const { actions } = read([], [['A-1', 'Tender', 'Lead', 'Q4', null]], settingsWith({ planYear: 2027 }));
    expect(actions[0]?.target.targetDate).toBe('2027-12-31');
  });

  it.each([['2026/28'], ['next year'], [27]])(
    'when the plan year is %j, the settings are refused naming planYear',
    (planYear) => {
      expect(() => settingsWith({ planYear })).toThrow(
        /planYear: .* is not a plan year: write a calendar year like "2027"/,
      );
    },
  );
});

describe('levels in a register as templates write them', () => {
  it('when a level has its number and word, it is read; when they disagree, the row says so', () => {
    const nhs = settingsWith({ scale: '5x5-nhs' });
    const { risks, problems } = read(
      [
        ['R-1', 'Funding gap', '4 - Major', 'Likely (4)', null, null],
        ['R-2', 'Staffing', '3 (Moderate)', '(2) Unlikely', null, null],
        ['R-3', 'Estates', '2 - Minor', '4 - Rare', null, null],
      ],
      [],
      nhs,
    );
    expect(risks.map((r) => [r.id, r.impact, r.probability, r.rating])).toEqual([
      ['R-1', 4, 4, 16],
      ['R-2', 3, 2, 6],
      ['R-3', 2, null, null],
    ]);
    expect(problems.map((p) => [p.severity, p.tab, p.row, p.column, p.value, p.message])).toEqual([
      [
        'error',
        'Risks',
        4,
        'Likelihood',
        '4 - Rare',
        '"4 - Rare" says 4, but Rare is 1 on the 5x5-nhs scale\'s probability; write one of 4 (Likely) or 1 (Rare)',
      ],
    ]);
  });

  it('when a level has a word the scale does not have, it reads the number and warns on the row', () => {
    const { risks, problems } = read([['R-1', 'Funding gap', '2 (Moderate)', 'H', null, null]]);
    expect(risks[0]).toMatchObject({ impact: 2, probability: 3, rating: 6 });
    expect(problems.map((p) => [p.severity, p.code, p.row, p.column, p.value])).toEqual([
      ['warning', 'level_invalid', 2, 'Impact', '2 (Moderate)'],
    ]);
  });
});
