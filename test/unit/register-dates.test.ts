import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const TODAY = '2026-11-23';
const RISK_HEADERS = ['Risk ID', 'Description', 'Impact', 'Likelihood', 'Target resolution date', 'Date raised'];
const ACTION_HEADERS = ['Action ID', 'Action', 'Lead', 'Timescale', 'Target date'];

function read(risks: CellValue[][], actions: CellValue[][] = []) {
  const register = readRegister(
    rawRegister({
      risks: rawTab('risks', RISK_HEADERS, risks),
      actions: rawTab('actions', ACTION_HEADERS, actions),
    }),
    settings,
    TODAY,
  );
  // Only the problems with dates: the tabs here leave out People and the Audit log, which are reported too.
  return { ...register, problems: register.problems.filter((p) => p.code.startsWith('date_')) };
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
