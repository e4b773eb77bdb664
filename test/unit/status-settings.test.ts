import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { SettingsError } from '../../src/config/settings.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { weekChanges } from '../../src/domain/digest/week-changes.js';
import { planItemUpdate, type RequestedChange } from '../../src/domain/items/item-update.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Item } from '../../src/domain/register/register.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const today = '2026-11-23';

function settingsWith(content: unknown) {
  const path = join(mkdtempSync(join(tmpdir(), 'risk-bot-statuses-')), 'board.json');
  writeFileSync(path, JSON.stringify(content));
  return loadSettings(path);
}

function problemsOf(content: unknown): string[] {
  try {
    settingsWith(content);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('status words in settings', () => {
  it('when a board file gives its own words, then they are read over the built-in ones', () => {
    const settings = settingsWith({
      tabs: { risks: { statuses: { 'Escalated to board': 'open-not-chased', Monitoring: 'open-not-chased' } } },
    });
    const { risks, problems } = readRegister(
      rawRegister({
        risks: rawTab(
          'risks',
          ['Risk ID', 'Description', 'Status'],
          [
            ['R-1', 'One', 'Escalated to Board'],
            ['R-2', 'Two', 'monitoring'],
            ['R-3', 'Three', 'Accepted'],
          ],
        ),
      }),
      settings,
      today,
    );
    expect(risks.map((risk) => [risk.status, risk.state])).toEqual([
      ['Escalated to board', 'open-not-chased'],
      ['Monitoring', 'open-not-chased'],
      ['Accepted', 'open-not-chased'],
    ]);
    expect(problems.filter((problem) => problem.code === 'value_unknown')).toEqual([]);
    expect(settings.tabs.actions.statuses).toBeUndefined();
  });

  it('when a word is given a state that does not exist, then the problem names its key and the states', () => {
    expect(problemsOf({ tabs: { risks: { statuses: { Escalated: 'maybe' } } } })).toEqual([
      'tabs.risks.statuses.Escalated: must be one of "open", "open-not-chased", "closed" (open and chased, open but not chased, closed), not "maybe"',
    ]);
  });

  it('when words are given where no tab has them, or one word twice, then each is named by key', () => {
    expect(
      problemsOf({
        tabs: {
          people: { statuses: { Away: 'closed' } },
          actions: { statuses: { 'On hold': 'open', 'on-hold': 'closed' } },
        },
      }),
    ).toEqual([
      expect.stringMatching(/^tabs\.actions\.statuses\.on-hold: "on-hold" is the same word as "On hold"/),
      'tabs.people.statuses: only the risks and actions tabs have status words',
    ]);
  });
});

describe('changing a status through the bot', () => {
  const settings = settingsWith({ tabs: { actions: { statuses: { Parked: 'open-not-chased' } } } });
  const register = readRegister(
    rawRegister({
      risks: rawTab(
        'risks',
        ['Risk ID', 'Description', 'Owner', 'Status', 'Date closed'],
        [
          ['R-1', 'Open risk', 'Head of Risk', 'Open', null],
          ['R-2', 'Closed risk', 'Head of Risk', 'Closed', '02/11/2026'],
        ],
      ),
      actions: rawTab(
        'actions',
        ['Action ID', 'Action', 'Lead', 'Status', 'Progress %'],
        [['A-1', 'Audit', 'Lead', 'In progress', 40]],
      ),
    }),
    settings,
    today,
  );
  const item = (id: string): Item => [...register.risks, ...register.actions].find((i) => i.id === id)!;
  const plan = (id: string, changes: RequestedChange[]) =>
    planItemUpdate({
      item: item(id),
      register,
      changes,
      note: null,
      scale: settings.scale,
      today,
      now: `${today}T10:00:00.000Z`,
      who: 'U1',
      via: 'command',
    });
  const cells = (id: string, changes: RequestedChange[]) =>
    plan(id, changes).changes.map((change) => [change.field, change.value]);

  it('when a risk is set to a word of the register ("accepted"), then the word is written as the register spells it', () => {
    expect(cells('R-1', [{ field: 'status', value: 'accepted' }])).toEqual([['status', 'Accepted']]);
    expect(cells('A-1', [{ field: 'status', value: 'parked' }])[0]).toEqual(['status', 'Parked']);
  });

  it('when a risk is closed where the tab has Date closed, then today is put there, and reopening clears it', () => {
    expect(cells('R-1', [{ field: 'status', value: 'closed' }])).toEqual([
      ['status', 'Closed'],
      ['dateClosed', isoDateToSerial(today)],
    ]);
    const reopened = plan('R-2', [{ field: 'status', value: 'monitoring' }]);
    expect(reopened.changes.map((change) => [change.field, change.value])).toEqual([
      ['status', 'Monitoring'],
      ['dateClosed', null],
    ]);
    expect(reopened.audit.map((line) => [line.field, line.oldValue, line.newValue])).toEqual([
      ['status', 'Closed', 'Monitoring'],
      ['dateClosed', expect.any(String), ''],
    ]);
  });

  it('when an action is cancelled, then it is closed but its progress is left as it was', () => {
    expect(cells('A-1', [{ field: 'status', value: 'cancelled' }])).toEqual([['status', 'Cancelled']]);
    expect(cells('A-1', [{ field: 'status', value: 'done' }])).toEqual([
      ['status', 'Done'],
      ['progress', 100],
    ]);
  });

  it('when a word is not one the register uses, then the change is refused saying what is', () => {
    expect(() => plan('R-1', [{ field: 'status', value: 'nearly' }])).toThrow(
      /a risk's status is Open or Closed, or a word like Accepted.*not "nearly"/,
    );
  });
});

describe('what closed this week', () => {
  const settings = loadSettings();
  const register = readRegister(
    rawRegister({
      risks: rawTab(
        'risks',
        ['Risk ID', 'Description', 'Status', 'Date closed'],
        [
          ['R-1', 'Closed by a date typed in the sheet', 'Open', '20/11/2026'],
          ['R-2', 'Transferred through the bot', 'Transferred', null],
          ['R-3', 'Accepted through the bot', 'Accepted', null],
          ['R-4', 'Closed long ago', 'Closed', '01/01/2026'],
        ],
      ),
      audit: rawTab(
        'audit',
        ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'],
        [
          ['2026-11-20T10:00:00Z', 'U1', 'R-2', 'status', 'Open', 'Transferred', 'command', ''],
          ['2026-11-20T10:00:00Z', 'U1', 'R-3', 'status', 'Open', 'Accepted', 'command', ''],
        ],
      ),
    }),
    settings,
    today,
  );

  it('when a status turned to a closed word, or a date closed fell in the week, then the item closed', () => {
    const changes = weekChanges(
      register,
      '2026-11-16',
      today,
      { risks: settings.tabs.risks.headers, actions: settings.tabs.actions.headers },
      (when) => when.slice(0, 10),
    );
    expect(changes.closed.map((item) => item.id)).toEqual(['R-1', 'R-2']);
  });
});
