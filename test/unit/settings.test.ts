import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { SettingsError } from '../../src/config/settings.js';

function withConfig(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'risk-bot-config-')), 'board.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problemsOf(content: unknown): string[] {
  try {
    loadSettings(withConfig(content));
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('settings', () => {
  it('when config/default.json is loaded, then it is valid with the documented defaults', () => {
    const settings = loadSettings();
    expect(settings.timeZone).toBe('Europe/London');
    expect(settings.scale.name).toBe('3x3');
    expect(settings.reminders.offsetsDays).toEqual([14, 7, 1, 0]);
    expect(settings.digest.schedule).toBe('0 9 * * 1');
    expect(settings.tabs.audit.title).toBe('Audit log');
    expect(settings.scale.bands.map((b) => [b.label, b.reviewDays])).toEqual([
      ['Low', 90],
      ['Medium', 30],
      ['High', 14],
    ]);
  });

  it('when a board file holds only what differs, then it is merged over the defaults', () => {
    const settings = loadSettings(withConfig({ scale: '5x5-nhs', reminders: { offsetsDays: [10, 3] } }));
    expect(settings.scale.bands.map((b) => b.label)).toEqual(['Low', 'Moderate', 'High', 'Extreme']);
    expect(settings.reminders.offsetsDays).toEqual([10, 3]);
    expect(settings.reminders.overdueEveryDays).toBe(7);
  });

  it('when a preset has its review intervals changed, then the rest of the preset stays', () => {
    const bands = [
      { label: 'Low', from: 1, colour: '#00B050', reviewDays: 120 },
      { label: 'Medium', from: 3, colour: '#FFC107', reviewDays: 45 },
      { label: 'High', from: 6, colour: '#F44336', reviewDays: 7 },
    ];
    const settings = loadSettings(withConfig({ scale: { preset: '3x3', bands } }));
    expect(settings.scale.impact.max).toBe(3);
    expect(settings.scale.bands[2]!.reviewDays).toBe(7);
  });

  it.each([
    [{ scale: '4x4' }, 'scale: "4x4" is not a scale preset; allowed: 3x3, 5x5-nhs'],
    [{ timeZone: 'London' }, 'timeZone: "London" is not an IANA time zone'],
    [{ timezone: 'Europe/London' }, '(top level): unknown setting(s) "timezone"'],
    [{ reminders: { offsetsDays: [14, -1] } }, 'reminders.offsetsDays[1]'],
    [{ reminders: { nudgeTime: '9am' } }, 'reminders.nudgeTime: a time as HH:MM'],
    [{ workingDays: { nation: 'wales' } }, 'workingDays.nation'],
    [{ programmeOffice: { users: ['maria'] } }, 'programmeOffice.users[0]: Slack user IDs like "U012ABCDEF"'],
    [
      { tabs: { risks: { headers: { severity: ['Severity'] } } } },
      'tabs.risks.headers.severity: unknown field; allowed: id, dateRaised',
    ],
    [
      {
        scale: {
          preset: '3x3',
          bands: [
            { label: 'Low', from: 2, colour: '#00FF00', reviewDays: 9 },
            { label: 'High', from: 2, colour: '#FF0000', reviewDays: 9 },
          ],
        },
      },
      'scale.bands[0].from: the lowest band must start at 1',
    ],
    [
      {
        scale: {
          preset: '3x3',
          bands: [
            { label: 'Low', from: 1, colour: 'green', reviewDays: 9 },
            { label: 'High', from: 5, colour: '#FF0000', reviewDays: 9 },
          ],
        },
      },
      'a colour like "#F44336"',
    ],
    [{ scale: { name: 'mine', impact: { max: 4 } } }, 'a custom scale needs name, impact, probability and bands'],
  ])('when the config has %j, then start-up stops naming the setting', (content, expected) => {
    expect(problemsOf(content).join('\n')).toContain(expected);
  });

  it.each([
    [
      'a custom scale leaves out a band key',
      {
        scale: {
          name: 'mine',
          impact: { max: 4 },
          probability: { max: 4 },
          bands: [
            { label: 'Low', from: 1, colour: '#00B050', reviewDays: 90 },
            { label: 'High', from: 5, colour: '#F44336' },
          ],
        },
      },
      'scale.bands[1].reviewDays: missing: give a number',
    ],
    [
      'a preset has a band without its review days',
      {
        scale: {
          preset: '3x3',
          bands: [
            { label: 'Low', from: 1, colour: '#00B050' },
            { label: 'High', from: 5, colour: '#F44336', reviewDays: 14 },
          ],
        },
      },
      'scale.bands[0].reviewDays: missing: give a number',
    ],
    [
      "a board's own scale has a colour that is not one",
      {
        boards: [
          {
            id: 'jcb',
            name: 'JCB',
            scale: {
              preset: '3x3',
              bands: [
                { label: 'Low', from: 1, colour: '#00B050', reviewDays: 90 },
                { label: 'High', from: 5, colour: 'red', reviewDays: 14 },
              ],
            },
          },
        ],
      },
      'boards[0].scale.bands[1].colour: a colour like "#F44336"',
    ],
    ['a custom scale lacks an axis', { scale: { name: 'mine', impact: { max: 4 } } }, 'scale.probability: missing'],
    [
      'a number is written as a word',
      { digest: { topRisks: 'five' } },
      'digest.topRisks: must be a number, not "five"',
    ],
    [
      'a number is out of range',
      { reminders: { overdueEveryDays: 900 } },
      'reminders.overdueEveryDays: must be at most 90',
    ],
    ['a board has no ID', { boards: [{ name: 'JCB' }] }, 'boards[0].id: missing: give text in quotes'],
    [
      'two boards share a channel',
      {
        boards: [
          { id: 'jcb', name: 'JCB', sheetId: 'sheet-1', channel: 'C0JCB' },
          { id: 'ld', name: 'LD board', sheetId: 'sheet-2', channel: 'C0JCB' },
        ],
      },
      'boards[1].channel: board "LD board" has "C0JCB", as board "JCB" has, which posts its digest there too',
    ],
    [
      'two boards share a sheet',
      {
        boards: [
          { id: 'jcb', name: 'JCB', sheetId: 'sheet-1', channel: 'C0JCB' },
          { id: 'ld', name: 'LD board', sheetId: 'sheet-1', channel: 'C0LD' },
        ],
      },
      'boards[1].sheetId: board "LD board" has "sheet-1", as board "JCB" has',
    ],
    ['a tab title is blank', { tabs: { risks: { title: ' ' } } }, 'tabs.risks.title: must not be empty'],
    [
      'header names are one text, not a list',
      { tabs: { risks: { headers: { probability: 'Chance' } } } },
      'tabs.risks.headers.probability: a list of header names',
    ],
    [
      'replacing header names says "yes" for true',
      { tabs: { risks: { headers: { probability: { replace: 'yes', names: ['Chance'] } } } } },
      'tabs.risks.headers.probability.replace: must be true or false, not "yes"',
    ],
  ])('when %s, then the message names the key', (_, content, expected) => {
    expect(problemsOf(content).join('\n')).toContain(expected);
  });

  it('when a board file lists header names, then they are read before the built-in names, which still work', () => {
    const settings = loadSettings(
      withConfig({ tabs: { risks: { headers: { probability: ['Chance', 'likelihood'] } } } }),
    );
    const names = settings.tabs.risks.headers.probability!;
    expect(names.slice(0, 2)).toEqual(['Chance', 'likelihood']);
    expect(names).toContain('Probability (P)');
    expect(names.filter((name) => name.toLowerCase() === 'likelihood')).toHaveLength(1);
    expect(settings.tabs.risks.headers.impact).toEqual(loadSettings().tabs.risks.headers.impact);
  });

  it('when a board file replaces header names, then only its names are read', () => {
    const settings = loadSettings(
      withConfig({ tabs: { actions: { headers: { lead: { replace: true, names: ['Accountable officer'] } } } } }),
    );
    expect(settings.tabs.actions.headers.lead).toEqual(['Accountable officer']);
  });

  it('when several settings are wrong, then every problem is listed at once', () => {
    const problems = problemsOf({ timeZone: 'Mars/Olympus', scale: 'huge' });
    expect(problems).toHaveLength(2);
  });

  it('when the file is not JSON, then the message says so and names the file', () => {
    const path = withConfig('{ "scale": ');
    expect(() => loadSettings(path)).toThrow(/not valid JSON/);
    expect(() => loadSettings(path)).toThrow(path);
  });
});
