import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { weekChanges } from '../../src/domain/digest/week-changes.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import type { Register } from '../../src/domain/register/register.js';
import { type RegisterSnapshot, snapshotOf } from '../../src/domain/register/register-snapshot.js';
import { SHEET_WHO, sheetChanges } from '../../src/domain/register/sheet-changes.js';
import { readSnapshot, snapshotRows } from '../../src/domain/register/snapshot-tab.js';
import { changeParts } from '../../src/messages/digest-message.js';
import {
  addRow,
  deleteRow,
  dropColumn,
  dropTab,
  editedSample,
  type SampleEdit,
  sampleTabs,
  setCell,
} from '../helpers/sample-edits.js';

const settings = loadSettings();
const today = '2026-11-23';
const takenAt = '2026-11-23T09:00:00+00:00';
const now = '2026-11-30T09:00:00+00:00';
const synonyms = { risks: settings.tabs.risks.headers, actions: settings.tabs.actions.headers };

/** The snapshot the bot recorded of `register` at takenAt, read back from its tab. */
function recorded(register: Register): RegisterSnapshot {
  return readSnapshot(snapshotRows(snapshotOf(register), takenAt))!.snapshot;
}

/** What sheetChanges reports after `edits` to the sample (shaped by `base`) recorded as it was. */
function changesAfter(...edits: SampleEdit[]) {
  return changesFrom([], edits);
}

function changesFrom(base: SampleEdit[], edits: SampleEdit[]) {
  return sheetChanges(recorded(editedSample(today, ...base)), editedSample(today, ...base, ...edits), now);
}

const lines = (audit: AuditRecord[]) => audit.map((a) => [a.item, a.field, a.oldValue, a.newValue]);
const cells = (changes: ReturnType<typeof sheetChanges>) =>
  changes.cells.map((c) => [c.id, c.field, c.expected, c.value]);

/** An Audit log line the bot wrote on someone's behalf, as the Audit tab holds it. */
const botLine = (when: string, item: string, field: string, oldValue: string, newValue: string) =>
  addRow('audit', {
    When: when,
    Who: 'U0SAMPLE03',
    Item: item,
    Field: field,
    'Old value': oldValue,
    'New value': newValue,
    Via: 'command',
  });

describe('changes people made in the sheet', () => {
  const cases: Array<{
    when: string;
    base?: SampleEdit[];
    edits: SampleEdit[];
    audit: string[][];
    cells?: unknown[][];
  }> = [
    {
      when: "R-6's impact is lowered (rating 4 to 2, Medium to Low, the Trend already Decreasing)",
      edits: [setCell('risks', 'R - 6', 'Impact (I)', 1)],
      audit: [
        ['R - 6', 'impact', '2', '1'],
        ['R - 6', 'rating', '4', '2'],
        ['R - 6', 'band', 'Medium', 'Low'],
      ],
      cells: [],
    },
    {
      when: "R-3's impact is raised with a Trend column, the Trend says Increasing",
      edits: [setCell('risks', 'R - 3', 'Impact (I)', 3)],
      audit: [
        ['R - 3', 'impact', '2', '3'],
        ['R - 3', 'rating', '4', '6'],
        ['R - 3', 'band', 'Medium', 'High'],
      ],
      cells: [['R - 3', 'trend', 'No Change', 'Increasing']],
    },
    {
      when: "R-3's impact is raised on a register without a Trend column, no cell is written",
      base: [dropColumn('risks', 'Trend')],
      edits: [setCell('risks', 'R - 3', 'Impact (I)', 3)],
      audit: [
        ['R - 3', 'impact', '2', '3'],
        ['R - 3', 'rating', '4', '6'],
        ['R - 3', 'band', 'Medium', 'High'],
      ],
      cells: [],
    },
    {
      when: 'a rating moves and the person sets the Trend too, their Trend stands',
      edits: [setCell('risks', 'R - 3', 'Impact (I)', 3), setCell('risks', 'R - 3', 'Trend', 'Decreasing')],
      audit: [
        ['R - 3', 'impact', '2', '3'],
        ['R - 3', 'rating', '4', '6'],
        ['R - 3', 'band', 'Medium', 'High'],
        ['R - 3', 'trend', 'No Change', 'Decreasing'],
      ],
      cells: [],
    },
    {
      when: 'a risk is closed by hand',
      edits: [setCell('risks', 'R - 3', 'Status', 'Closed')],
      audit: [['R - 3', 'status', 'Open', 'Closed']],
    },
    {
      when: 'a risk is added by hand',
      edits: [
        addRow('risks', {
          'Risk ID': 'R - 14',
          'Risk owner': 'Lead Commissioner',
          'Description of risk': 'care home closures',
          'Impact (I)': 3,
          'Probability (P)': 2,
          'Rating (I x P)': 6,
          'Risk rating': 'High',
          Status: 'Open',
        }),
      ],
      audit: [['R - 14', 'created', '', 'care home closures']],
    },
    {
      when: 'a risk row is deleted',
      edits: [deleteRow('risks', 'R - 5')],
      audit: [
        [
          'R - 5',
          'deleted',
          'components of personalisation, ASC transformation, JCS and efficiancy plans not joined up',
          '',
        ],
      ],
    },
    {
      when: "an action's target date moves later, the slip is counted and the first date kept",
      edits: [setCell('actions', 'A-2', 'Target date', isoDateToSerial('2027-06-30'))],
      audit: [['A-2', 'targetDate', '2027-03-31', '2027-06-30']],
      cells: [
        ['A-2', 'originalTargetDate', null, isoDateToSerial('2027-03-31')],
        ['A-2', 'timesSlipped', null, 1],
      ],
    },
    {
      when: "an action's target date moves earlier, no slip",
      edits: [setCell('actions', 'A-2', 'Target date', '2027-01-31')],
      audit: [['A-2', 'targetDate', '2027-03-31', '2027-01-31']],
      cells: [],
    },
    {
      when: "an action's timescale is rewritten to end later, the slip is counted",
      edits: [setCell('actions', 'A-2', 'Timescale', '2027/28')],
      audit: [
        ['A-2', 'targetDate', '2027-03-31', '2028-03-31'],
        ['A-2', 'timescale', '2026/27', '2027/28'],
      ],
      cells: [
        ['A-2', 'originalTargetDate', null, isoDateToSerial('2027-03-31')],
        ['A-2', 'timesSlipped', null, 1],
      ],
    },
    {
      when: "a risk's owner is changed",
      edits: [setCell('risks', 'R - 7', 'Risk owner', 'Lead Commissioner')],
      audit: [['R - 7', 'owner', 'Director of commissioning', 'Lead Commissioner']],
    },
    {
      when: "an action's lead and progress are changed",
      edits: [setCell('actions', 'A-3', 'Lead', 'Planning officer'), setCell('actions', 'A-3', 'Progress %', 40)],
      audit: [
        ['A-3', 'lead', 'Planning officer & ASC lead', 'Planning officer'],
        ['A-3', 'progress', '15', '40'],
      ],
    },
    {
      when: 'the Trend column is taken away, no row is changed',
      edits: [dropColumn('risks', 'Trend')],
      audit: [],
      cells: [],
    },
    {
      when: 'a Trend column is added, no row is changed',
      base: [dropColumn('risks', 'Trend')],
      edits: [(tabs) => Object.assign(tabs, { risks: sampleTabs(today).risks })],
      audit: [],
      cells: [],
    },
    { when: 'nothing is edited', edits: [], audit: [], cells: [] },
  ];

  it.each(cases)('when $when, then the Audit log and cells say so', ({ base, edits, audit, cells: expected }) => {
    const changes = changesFrom(base ?? [], edits);
    expect(lines(changes.audit)).toEqual(audit);
    if (expected !== undefined) expect(cells(changes)).toEqual(expected);
    for (const line of changes.audit)
      expect(line).toMatchObject({ when: now, who: SHEET_WHO, via: 'sheet', note: expect.any(String) });
  });

  it('when nothing changed, then the recorded snapshot needs no write', () => {
    expect(changesAfter().unchanged).toBe(true);
    expect(changesAfter(setCell('risks', 'R - 7', 'Risk owner', 'someone')).unchanged).toBe(false);
  });

  it('when the Trend is written after a rating moved by hand, then the snapshot to record holds it', () => {
    const changes = changesAfter(setCell('risks', 'R - 3', 'Impact (I)', 3));
    expect(changes.snapshot.risks.get('R-3')).toMatchObject({ rating: 6, trend: 'Increasing' });
    expect(changes.snapshot.takenAt).toBe(now);
  });

  it('when the edited register is compared with the snapshot recorded after it, then nothing is reported twice', () => {
    const edited = editedSample(today, setCell('risks', 'R - 6', 'Impact (I)', 1));
    const first = sheetChanges(recorded(editedSample(today)), edited, now);
    const again = sheetChanges(readSnapshot(snapshotRows(first.snapshot, now))!.snapshot, edited, now);
    expect(first.audit).toHaveLength(3);
    expect(again.audit).toEqual([]);
  });

  it('when there is no recorded state, then nothing is reported and the register is recorded afresh', () => {
    const changes = sheetChanges(null, editedSample(today), now);
    expect(changes).toMatchObject({ audit: [], cells: [], unchanged: false });
    expect(changes.snapshot.risks.size).toBe(13);
    expect(changes.snapshot.takenAt).toBe(now);
  });

  it('when the Actions tab is not found this time, then no action is reported deleted and the recorded actions are kept', () => {
    const before = recorded(editedSample(today));
    const changes = sheetChanges(before, editedSample(today, dropTab('actions')), now);
    expect(changes.audit).toEqual([]);
    expect(changes.snapshot.actions).toBe(before.actions);
  });

  it('when a half is read for the first time, then its items are recorded, not reported as new', () => {
    const before = recorded(editedSample(today, dropTab('actions')));
    const changes = sheetChanges(before, editedSample(today), now);
    expect(changes.audit).toEqual([]);
    expect(changes.snapshot.actions.size).toBeGreaterThan(10);
    expect(changes.snapshot.holds.actions).toBe(true);
  });
});

describe("the bot's own changes", () => {
  it('when the bot changed a field after the snapshot, then it is not reported again, and a person’s edit still is', () => {
    const changes = changesAfter(
      setCell('risks', 'R - 7', 'Impact (I)', 2),
      botLine('2026-11-24T10:00:00+00:00', 'R - 7', 'impact', '3', '2'),
      setCell('risks', 'R - 7', 'Risk owner', 'Lead Commissioner'),
    );
    expect(lines(changes.audit)).toEqual([['R - 7', 'owner', 'Director of commissioning', 'Lead Commissioner']]);
    expect(changes.cells).toEqual([]);
  });

  it('when the bot added an item after the snapshot, then it is not reported as added by hand', () => {
    const changes = changesAfter(
      addRow('risks', { 'Risk ID': 'R-14', 'Description of risk': 'care home closures', Status: 'Open' }),
      botLine('2026-11-24T10:00:00+00:00', 'R-14', 'created', '', 'care home closures'),
    );
    expect(changes.audit).toEqual([]);
  });

  it('when the bot changed a field before the snapshot, then a later edit by hand is reported', () => {
    const changes = changesAfter(
      setCell('risks', 'R - 7', 'Impact (I)', 2),
      botLine('2026-11-20T10:00:00+00:00', 'R - 7', 'impact', '3', '2'),
    );
    expect(lines(changes.audit)).toContainEqual(['R - 7', 'impact', '3', '2']);
  });

  it('when the bot wrote a different value after the snapshot, then the value now is a person’s and reported', () => {
    const changes = changesAfter(
      setCell('risks', 'R - 7', 'Impact (I)', 1),
      botLine('2026-11-24T10:00:00+00:00', 'R - 7', 'Impact (I)', '3', '2'),
    );
    expect(lines(changes.audit)).toContainEqual(['R - 7', 'impact', '3', '1']);
  });

  it('when the bot wrote a date as the cell shows it (01/06/2027), then it is matched with the ISO date', () => {
    const changes = changesAfter(
      setCell('actions', 'A-2', 'Target date', '2027-06-01'),
      botLine('2026-11-24T10:00:00+00:00', 'A-2', 'Target date', '', '01/06/2027'),
    );
    expect(changes.audit).toEqual([]);
  });
});

/** The week to `until` as the digest sees it, after `edits` seen in the sheet and written to the Audit log. */
function weekAfter(edits: SampleEdit[], until = '2026-11-30') {
  const changes = changesAfter(...edits);
  const asRows = changes.audit.map((a) =>
    addRow('audit', {
      When: a.when,
      Who: a.who,
      Item: a.item,
      Field: a.field,
      'Old value': a.oldValue,
      'New value': a.newValue,
      Via: a.via,
      Note: a.note,
    }),
  );
  return weekChanges(editedSample(until, ...edits, ...asRows), '2026-11-23', until, synonyms, (when) =>
    when.slice(0, 10),
  );
}

describe("the digest's what changed", () => {
  it("when lines via 'sheet' are in the Audit log, then the week's changes count them", () => {
    const week = weekAfter([
      setCell('risks', 'R - 6', 'Impact (I)', 1),
      setCell('risks', 'R - 3', 'Impact (I)', 3),
      setCell('risks', 'R - 7', 'Status', 'Closed'),
      addRow('risks', { 'Risk ID': 'R - 14', 'Description of risk': 'care home closures', Status: 'Open' }),
      setCell('actions', 'A-2', 'Target date', '2027-06-30'),
    ]);
    // R-14 has no Date raised: the Audit line alone makes it New.
    expect(week.added.map((i) => i.id)).toContain('R - 14');
    expect(week.closed.map((i) => i.id)).toContain('R - 7');
    // The sample's own Audit log has the bot's moves of the week too: the hand edits are among them.
    expect(week.ratingDown.map((m) => [m.item.id, m.from, m.to, m.bandFrom])).toContainEqual(['R - 6', 4, 2, 'Medium']);
    expect(week.ratingUp.map((m) => [m.item.id, m.from, m.to, m.bandFrom])).toContainEqual(['R - 3', 4, 6, 'Medium']);
    expect(week.datesMoved.map((m) => [m.item.id, m.from, m.to])).toContainEqual(['A-2', '2027-03-31', '2027-06-30']);
    expect(week.bandChanged).toEqual([]);
  });

  // The register works a band out from the rating, so a band changes alone only by an Audit line (a scale's bands redrawn).
  const bandLine = botLine('2026-11-25T10:00:00+00:00', 'R - 7', 'Risk rating', 'High', 'Medium');

  it('when the Audit log has a band change with no rating move, then it is a band change', () => {
    const week = weekAfter([bandLine]);
    expect(week.bandChanged.map((m) => [m.item.id, m.from, m.to])).toEqual([['R - 7', 'High', 'Medium']]);
  });

  it('when the digest says what changed, then band changes and dates moved have their lines', () => {
    const week = weekAfter([
      setCell('risks', 'R - 6', 'Impact (I)', 1),
      bandLine,
      setCell('actions', 'A-2', 'Target date', '2027-06-30'),
    ]);
    const text = renderText({ summary: '', parts: changeParts(week) });
    expect(text).toContain('4 \u2192 2, now Low (was Medium)');
    expect(text).toContain('Band changed (1)');
    expect(text).toMatch(/R - 7.*: High \u2192 Medium/);
    expect(text).toMatch(/Target date moved \(\d+\)/);
    expect(text).toMatch(/A-2 .*: Wed, 31 Mar 2027 \u2192 Wed, 30 Jun 2027 \(later\)/);
  });
});
