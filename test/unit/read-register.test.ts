import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import type { Problem } from '../../src/domain/register/problem.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { itemMessage } from '../../src/messages/item-message.js';
import { rawRegister, rawTab, SEED_RISK_HEADERS } from '../helpers/raw-register.js';
import { SEED_RISK_ROWS } from '../helpers/seed-risk-log.js';

const settings = loadSettings();
const today = '2026-11-23';
const ACTION_HEADERS = [
  'Action ID',
  'Action',
  'Lead',
  'Timescale',
  'Target date',
  'Status',
  'Progress %',
  'Times slipped',
  'Linked risks',
];
const PEOPLE = rawTab(
  'people',
  ['Name', 'Slack user'],
  [
    ['Dir of Commissioning', 'U01'],
    ['Director of commissioning', 'U01'],
    ['Paul Absolon', 'paul.absolon@example.org'],
  ],
);

function seedRegister() {
  return readRegister(rawRegister({ risks: rawTab('risks', SEED_RISK_HEADERS, SEED_RISK_ROWS) }), settings, today);
}

function where(problems: Problem[], code: string) {
  return problems.filter((p) => p.code === code).map((p) => [p.row, p.column, p.value]);
}

describe('reading the seed risk log', () => {
  it('when the seed risk log is read, then all 13 risks come through with I x P and band', () => {
    const { risks } = seedRegister();
    expect(risks).toHaveLength(13);
    expect(risks.map((r) => r.key)).toEqual(Array.from({ length: 13 }, (_, i) => `R-${i + 1}`));
    expect(risks[6]).toMatchObject({ id: 'R - 7', impact: 3, probability: 3, rating: 9, row: 8 });
    expect(risks[6]!.band?.label).toBe('High');
    expect(risks[3]!.band?.label).toBe('Medium');
    expect(risks[0]).toMatchObject({
      dateRaised: '2010-09-15',
      dateLastUpdated: '2010-09-21',
      owner: 'Director of commission ing',
    });
  });

  it('when a target resolution date has a five-digit year, then it is reported with tab, row, column and text', () => {
    const { problems, risks } = seedRegister();
    expect(where(problems, 'date_invalid')).toEqual([
      [2, 'Target Resolution Date', '31st Dec 20101'],
      [7, 'Target Resolution Date', '31st Dec 20101'],
      [9, 'Target Resolution Date', '31st Dec 20101'],
    ]);
    expect(problems.find((p) => p.code === 'date_invalid')).toMatchObject({ tab: 'Risks', severity: 'error' });
    expect(risks[0]!.target.targetDate).toBeNull();
    expect(risks[1]!.target.targetDate).toBe('2010-10-31');
  });

  it('when the band is misspelt ("Modium"), then the disagreement with I x P is reported', () => {
    expect(where(seedRegister().problems, 'band_mismatch')).toEqual([[14, 'Risk Rating', 'Modium']]);
  });

  it('when the seed\'s "Status" column holds trends, then each is reported with a hint to add a Trend column', () => {
    const statusProblems = seedRegister().problems.filter((p) => p.code === 'value_unknown');
    expect(statusProblems).toHaveLength(13);
    expect(statusProblems[0]!.message).toContain('looks like a trend');
  });

  it("when config maps the seed's Status column to trend, then trends are read", () => {
    const mapped = {
      ...settings,
      tabs: {
        ...settings.tabs,
        risks: {
          ...settings.tabs.risks,
          headers: { ...settings.tabs.risks.headers, trend: ['Status'], status: ['Open or closed'] },
        },
      },
    };
    const { risks, problems } = readRegister(
      rawRegister({ risks: rawTab('risks', SEED_RISK_HEADERS, SEED_RISK_ROWS) }),
      mapped,
      today,
    );
    expect(risks.map((r) => r.trend)).toContain('Increasing');
    // With no status column, every risk is open, and no word is made up for it.
    expect(risks.every((r) => r.status === '' && r.state === 'open' && r.stateFrom === 'none')).toBe(true);
    expect(where(problems, 'value_unknown')).toEqual([]);
  });

  it('when a sheet rating disagrees with I x P, then it is reported and the computed one is used', () => {
    const rows = SEED_RISK_ROWS.map((row) => [...row]);
    rows[3]![7] = 6;
    const { risks, problems } = readRegister(
      rawRegister({ risks: rawTab('risks', SEED_RISK_HEADERS, rows) }),
      settings,
      today,
    );
    expect(risks[3]!.rating).toBe(3);
    expect(problems.filter((p) => p.code === 'rating_mismatch')).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'Rating (I x P)',
        value: '6',
        message: 'the sheet says 6 but impact x probability is 3',
      }),
    ]);
  });

  it('when owners are not in People, then each missing name is reported once per cell', () => {
    const { problems } = readRegister(
      rawRegister({ risks: rawTab('risks', SEED_RISK_HEADERS, SEED_RISK_ROWS), people: PEOPLE }),
      settings,
      today,
    );
    const unknown = problems.filter((p) => p.code === 'owner_unknown');
    expect(unknown.map((p) => p.value)).toContain('head of contracts');
    expect(unknown.map((p) => p.value)).not.toContain('Dir of Commissioning');
    expect(unknown.find((p) => p.value === 'head of contracts')!.message).toContain('People');
  });
});

describe('reading malformed rows', () => {
  const rows = [
    ['R-1', 'abc', 2, '01/04/2026', 'Open'],
    ['', 2, 2, '01/04/2026', 'Open'],
    ['R-3', 2, 2, '31/02/2027', 'Open'],
    ['R-4', 3, 3, 'March 2027', 'Closed'],
    ['r 4', 1, 1, 'TBC', 'open'],
  ];
  const malformed = { risks: rawTab('risks', ['Risk ID', 'Impact', 'Likelihood', 'Target date', 'Status'], rows) };
  const register = readRegister(rawRegister(malformed), settings, today);

  it('when impact is text, then it is reported and the rest of the row is read', () => {
    expect(where(register.problems, 'level_invalid')).toEqual([[2, 'Impact', 'abc']]);
    expect(register.risks[0]).toMatchObject({ key: 'R-1', impact: null, probability: 2, rating: null, band: null });
    expect(register.risks[0]!.target.targetDate).toBe('2026-04-01');
  });

  it('when a row has no ID, then it is reported and skipped', () => {
    expect(where(register.problems, 'id_missing')).toEqual([[3, 'Risk ID', '']]);
    expect(register.risks.map((r) => r.row)).toEqual([2, 4, 5, 6]);
  });

  it('when a date is 31/02, then it is reported, not guessed', () => {
    expect(where(register.problems, 'date_invalid')).toEqual([[4, 'Target date', '31/02/2027']]);
    expect(register.risks[1]!.target.targetDate).toBeNull();
  });

  it('when two rows hold the same ID written differently, then both are reported', () => {
    expect(where(register.problems, 'id_duplicated')).toEqual([
      [5, 'Risk ID', 'R-4'],
      [6, 'Risk ID', 'r 4'],
    ]);
  });

  it('when the plan is missing beside a risk log, then it is a warning saying how to keep risks alone, and the rest still reads', () => {
    expect(register.problems.find((p) => p.code === 'tab_missing' && p.tab === 'Actions')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('add "keeps": ["risks"] to the settings'),
    });
    expect(register.actions).toEqual([]);
    expect(register.holds).toEqual({ risks: true, actions: false });
  });

  it('when the settings say the register keeps risks alone, then a missing plan is not reported', () => {
    const risksOnly = readRegister(rawRegister(malformed), { ...settings, keeps: ['risks'] }, today);
    expect(risksOnly.problems.filter((p) => p.code === 'tab_missing' && p.tab === 'Actions')).toEqual([]);
    expect(risksOnly.risks.length).toBe(register.risks.length);
  });

  it('when the settings say the register keeps a plan alone, then its risks are neither read nor reported, and a missing plan is an error', () => {
    const planOnly = readRegister(rawRegister(malformed), { ...settings, keeps: ['actions'] }, today);
    expect(planOnly.risks).toEqual([]);
    expect(planOnly.holds).toEqual({ risks: false, actions: false });
    expect(planOnly.problems.filter((p) => p.tab === 'Risks')).toEqual([]);
    expect(planOnly.problems.find((p) => p.code === 'tab_missing' && p.tab === 'Actions')).toMatchObject({
      severity: 'error',
    });
  });

  it('when neither half is there, then each missing tab is an error', () => {
    const empty = readRegister(rawRegister({}), settings, today);
    expect(
      empty.problems
        .filter((p) => p.code === 'tab_missing' && p.severity === 'error')
        .map((p) => p.tab)
        .sort(),
    ).toEqual(['Actions', 'Risks']);
  });

  it('when the ID column is missing, then the tab is reported as unreadable', () => {
    const noIds = readRegister(
      rawRegister({ risks: rawTab('risks', ['Description', 'Impact'], [['x', 1]]) }),
      settings,
      today,
    );
    expect(noIds.risks).toEqual([]);
    const missing = noIds.problems.find((p) => p.code === 'column_missing');
    expect(missing).toMatchObject({ tab: 'Risks', severity: 'error', row: 1 });
    expect(missing!.message).toContain('"Risk ID"');
  });
});

describe('reading actions', () => {
  const rows = [
    [
      'A-1',
      'Roll out IAPT',
      'Lead Commissioner (PCT)',
      'IAPT roll out by Sept 2026 service evaluation Feb 2027 Business case implemented 2027/28',
      null,
      'In progress',
      0.45,
      null,
      'R-3, r 6',
    ],
    ['A-2', 'Workforce plan', 'Head of workforce development', '2026/27', '2026-12-18', 'done', '100%', 2, ''],
    ['A-3', 'Data accuracy', '', 'Ongoing', null, 'Half done', 'lots', null, null],
  ];
  const { actions, problems } = readRegister(
    rawRegister({ actions: rawTab('actions', ACTION_HEADERS, rows) }),
    settings,
    today,
  );

  it('when a timescale has several milestones, then each is kept and the next not yet passed is the target', () => {
    expect(actions[0]!.target.milestones).toEqual(['2026-09-30', '2027-02-28', '2028-03-31']);
    expect(actions[0]!.target.targetDate).toBe('2027-02-28');
  });

  it('when a target date is set, then it wins over the timescale', () => {
    expect(actions[1]!.target.targetDate).toBe('2026-12-18');
    expect(actions[1]).toMatchObject({ status: 'Done', progress: 100, timesSlipped: 2 });
  });

  it('reads a percentage cell, linked risks and status synonyms', () => {
    expect(actions[0]).toMatchObject({ progress: 45, linkedRisks: ['R-3', 'R-6'], status: 'In progress' });
  });

  it('when status and progress are not understood, then they are reported', () => {
    expect(where(problems, 'value_unknown')).toEqual([[4, 'Status', 'Half done']]);
    expect(where(problems, 'number_invalid')).toEqual([[4, 'Progress %', 'lots']]);
    expect(actions[2]).toMatchObject({
      status: 'Half done',
      state: 'open',
      stateFrom: 'unknown',
      progress: null,
      target: { text: 'Ongoing', milestones: [], targetDate: null },
    });
  });
});

describe("a register that keeps a score but no impact (the sheet's own rating)", () => {
  const read = (scores: CellValue[]) =>
    readRegister(
      rawRegister({
        risks: rawTab(
          'risks',
          ['Risk ID', 'Description', 'Likelihood', 'Consequences', 'Risk score'],
          scores.map((score, i) => [`R-${i + 1}`, 'Funding gap', 2, 'Service closes', score]),
        ),
      }),
      settings,
      today,
    ).risks;

  it('when the score is a whole number the scale reaches, then it is the rating, banded, and marked as the sheet’s', () => {
    expect(read([6, 2])).toMatchObject([
      { rating: 6, band: { label: 'High' }, ratingFrom: 'sheet', impact: null },
      { rating: 2, band: { label: 'Low' }, ratingFrom: 'sheet' },
    ]);
  });

  it('when such a risk is shown, then its rating says it is the sheet’s score, never "impact null"', () => {
    const text = renderText(itemMessage(read([6])[0]!, today));
    expect(text).toContain("High (6, the sheet's own score; impact or probability missing)");
    expect(text).not.toContain('null');
  });

  it('when the score is text, a fraction or beyond the scale, then the risk is unrated', () => {
    for (const risk of read(['n/a', 2.5, 10, 0])) expect(risk).toMatchObject({ rating: null, band: null });
  });

  it('when impact and probability are both there, then they decide, and the sheet score is only compared', () => {
    const [risk] = readRegister(
      rawRegister({
        risks: rawTab('risks', ['Risk ID', 'Impact', 'Likelihood', 'Risk score'], [['R-1', 3, 2, 4]]),
      }),
      settings,
      today,
    ).risks;
    expect(risk).toMatchObject({ rating: 6 });
    expect(risk!.ratingFrom).toBeUndefined();
  });
});
