import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { parseCommand } from '../../src/domain/commands/command.js';
import { readSingleDate, readTimescale } from '../../src/domain/dates/timescale.js';
import { isDomainError } from '../../src/domain/domain-error.js';
import { planItemUpdate, type RequestedChange } from '../../src/domain/items/item-update.js';
import { readTargetDate } from '../../src/domain/items/new-item.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const today = '2026-11-23';
const ACTION_HEADERS = ['Action ID', 'Action', 'Lead', 'Timescale', 'Target date', 'Status'];

const FORMULA = 'it looks like a spreadsheet formula';
const MINUS = 'it starts with a minus sign';

// [as typed or stored, the text quoted back (trimmed), why it is refused]
const REFUSED: Array<[string, string, string]> = [
  ['=DATE(2027,3,31)', '=DATE(2027,3,31)', FORMULA],
  ['=TODAY()+30', '=TODAY()+30', FORMULA],
  ['+2027-03-31', '+2027-03-31', FORMULA],
  ['@2027', '@2027', FORMULA],
  [' =DATE(2027,3,31)', '=DATE(2027,3,31)', FORMULA],
  ['\t=DATE(2027,3,31)', '=DATE(2027,3,31)', FORMULA],
  ['-DATE(2027,3,31)', '-DATE(2027,3,31)', FORMULA],
  ['-(2027)', '-(2027)', FORMULA],
  ['-2027', '-2027', MINUS],
  ['-31/03/2027', '-31/03/2027', MINUS],
];

describe('when a date is written as a formula', () => {
  it.each(REFUSED)('then readTimescale refuses %j whole, never reading a date from it', (typed, shown, why) => {
    const reading = readTimescale(typed);
    expect(reading).toMatchObject({ kind: 'invalid', fragment: shown });
    const message = reading.kind === 'invalid' ? reading.message : '';
    expect(message.startsWith(`"${shown}" is not a date: ${why}`)).toBe(true);
    expect(message).toMatch(/type the date itself, like 2027-03-31$/);
  });

  it.each(REFUSED)('then a single-date column refuses %j too', (typed, shown) => {
    expect(readSingleDate(typed)).toMatchObject({ kind: 'invalid', fragment: shown });
  });

  it.each([
    ['- Dec 2026', ['2026-12-31']],
    ['Dec 2026 - Mar 2027', ['2027-03-31']],
    ['2027-03-31', ['2027-03-31']],
  ])('then a dash that is a bullet or a range is still read: %j', (text, milestones) => {
    expect(readTimescale(text)).toEqual({ kind: 'dates', milestones });
  });
});

describe('when a user gives a formula as a target date', () => {
  const register = readRegister(
    rawRegister({
      actions: rawTab('actions', ACTION_HEADERS, [
        ['A-1', 'Workforce plan', 'Head of workforce', 'Mar 2027', null, 'In progress'],
      ]),
    }),
    settings,
    today,
  );
  const action = register.actions[0]!;
  const plan = (changes: RequestedChange[]) =>
    planItemUpdate({
      item: action,
      register,
      changes,
      note: null,
      scale: settings.scale,
      today,
      now: `${today}T10:00:00.000Z`,
      who: 'U1',
      via: 'command',
    });

  it.each(REFUSED.map(([typed, shown]) => [typed, shown]))(
    'then "/action update A-1 target %s" is refused, saying it looks like a formula',
    (typed, shown) => {
      const parsed = parseCommand('action', `update A-1 target ${typed}`);
      expect(parsed).toMatchObject({ ok: true, command: { kind: 'update' } });
      const changes = parsed.ok && parsed.command.kind === 'update' ? parsed.command.changes : [];
      expect(changes).toEqual([{ field: 'targetDate', value: typed.trim() }]);
      let error: unknown;
      try {
        plan(changes as RequestedChange[]);
      } catch (caught) {
        error = caught;
      }
      expect(isDomainError(error, 'invalid_value')).toBe(true);
      expect((error as Error).message).toContain(`"${shown}" is not a date`);
      expect((error as Error).message).toContain('like 2027-03-31');
    },
  );

  it('then "/action update A-1 target 2027-03-31" still moves the date', () => {
    expect(plan([{ field: 'targetDate', value: '2027-03-31' }]).audit[0]).toMatchObject({
      field: 'targetDate',
      newValue: '2027-03-31',
    });
  });

  it.each(REFUSED.map(([typed, shown]) => [typed, shown]))(
    "then a new item's target date %j is refused",
    (typed, shown) => {
      expect(() => readTargetDate(typed)).toThrow(`"${shown}" is not a date`);
    },
  );
});

describe('when a register cell holds a formula as text', () => {
  const rows = [
    ['A-1', 'Workforce plan', 'Head of workforce', '=DATE(2027,3,31)', null, 'In progress'],
    ['A-2', 'Provider event', 'L.kavanagh', 'Mar 2027', ' =TODAY()+30', 'In progress'],
    ['A-3', 'Data accuracy', 'L.kavanagh', '@2027', '2027-03-31', 'In progress'],
  ];
  const { actions, problems } = readRegister(
    rawRegister({ actions: rawTab('actions', ACTION_HEADERS, rows) }),
    settings,
    today,
  );

  it('then each is reported naming tab, row, column and the text', () => {
    expect(
      problems.filter((p) => p.code === 'date_invalid').map((p) => [p.tab, p.row, p.column, p.value, p.severity]),
    ).toEqual([
      ['Actions', 2, 'Timescale', '=DATE(2027,3,31)', 'error'],
      ['Actions', 3, 'Target date', '=TODAY()+30', 'error'],
      ['Actions', 4, 'Timescale', '@2027', 'error'],
    ]);
    expect(problems.find((p) => p.row === 2)?.message).toContain('looks like a spreadsheet formula');
  });

  it('then it is never read as a date (not 31 Dec 2027), while the other date in the row still is', () => {
    expect(actions.map((a) => [a.id, a.target.targetDate])).toEqual([
      ['A-1', null],
      ['A-2', '2027-03-31'],
      ['A-3', '2027-03-31'],
    ]);
  });
});
