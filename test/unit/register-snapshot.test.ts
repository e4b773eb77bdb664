import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import {
  type ActionSnapshot,
  KEPT_TEXT_LENGTH,
  keptText,
  type RegisterSnapshot,
  type RiskSnapshot,
  snapshotOf,
} from '../../src/domain/register/register-snapshot.js';
import { readSnapshot, SNAPSHOT_HEADERS, snapshotRows } from '../../src/domain/register/snapshot-tab.js';
import { dropColumn, editedSample } from '../helpers/sample-edits.js';

const today = '2026-11-23';
const takenAt = '2026-11-23T09:00:00+00:00';

/** A register snapshot of `risks` risks and `actions` actions, with text as people write it (quotes, lines, accents, long). */
function bigSnapshot(risks: number, actions: number): RegisterSnapshot {
  const risk = (n: number): [string, RiskSnapshot] => [
    `R-${n}`,
    {
      kind: 'risk',
      id: `R - ${n}`,
      description:
        n % 1000 === 0 ? keptText('x'.repeat(20_000)) : `Provider "failure" #${n},\nrésumé: ${'é'.repeat(n % 50)}`,
      owner: 'Lead Commissioner',
      impact: (n % 3) + 1,
      probability: n % 4 === 0 ? null : (n % 3) + 1,
      rating: n % 4 === 0 ? null : ((n % 3) + 1) ** 2,
      band: n % 4 === 0 ? '' : 'Medium',
      status: 'Open',
      state: 'open',
      targetDate: n % 5 === 0 ? null : '2027-03-31',
      trend: 'No Change',
    },
  ];
  const action = (n: number): [string, ActionSnapshot] => [
    `A-${n}`,
    {
      kind: 'action',
      id: `A-${n}`,
      action: `Redesign crisis intervention > step ${n}`,
      lead: 'Planning officer & ASC lead',
      status: 'In progress',
      state: n % 7 === 0 ? 'closed' : 'open',
      progress: n % 101,
      targetDate: '2027-06-30',
      timescale: 'Mar – June 27',
    },
  ];
  return {
    takenAt: null,
    holds: { risks: true, actions: true },
    unread: new Set(['action.progress']),
    risks: new Map(Array.from({ length: risks }, (_, i) => risk(i + 1))),
    actions: new Map(Array.from({ length: actions }, (_, i) => action(i + 1))),
  };
}

describe('a snapshot of the register', () => {
  it('when the sample is taken, then each item keeps the fields a board cares about, dates ISO', () => {
    const snapshot = snapshotOf(editedSample(today));
    expect(snapshot.risks.get('R-6')).toEqual({
      kind: 'risk',
      id: 'R - 6',
      description: 'resitance to change from exisitgn providers, service users, staff, carers, clinicians',
      owner: 'Lead Commissioner',
      impact: 2,
      probability: 2,
      rating: 4,
      band: 'Medium',
      status: 'Open',
      state: 'open',
      targetDate: null,
      trend: 'Decreasing',
    });
    expect(snapshot.actions.get('A-2')).toMatchObject({
      lead: 'Lead commissioner',
      targetDate: '2027-03-31',
      timescale: '2026/27',
      progress: 30,
    });
    expect(snapshot.unread).toEqual(new Set());
  });

  it('when the register has no Trend column, then the snapshot says the field is not read', () => {
    expect(snapshotOf(editedSample(today, dropColumn('risks', 'Trend'))).unread).toEqual(new Set(['risk.trend']));
  });

  it('when a text is longer than kept whole, then its start and a fingerprint of the whole are kept', () => {
    const long = 'a'.repeat(5_000);
    expect(keptText(long).startsWith('a'.repeat(KEPT_TEXT_LENGTH))).toBe(true);
    expect(keptText(long)).toMatch(/… \(5000 characters, #[0-9a-f]{8}\)$/);
    expect(keptText(`${long}b`)).not.toBe(keptText(`${long}c`));
    expect(keptText('short')).toBe('short');
  });

  it('when 10,000 risks and 10,000 actions are written to the tab and read back, then they round-trip with every cell small', () => {
    const snapshot = bigSnapshot(10_000, 10_000);
    const rows = snapshotRows(snapshot, takenAt);
    expect(rows).toHaveLength(20_001);
    const longest = Math.max(...rows.flatMap((row) => row.map((cell) => String(cell ?? '').length)));
    expect(longest).toBeLessThan(5_000);
    expect(readSnapshot(rows)).toEqual({ snapshot: { ...snapshot, takenAt }, takenAt });
  });
});

describe('reading the snapshot tab back', () => {
  const good = snapshotRows(snapshotOf(editedSample(today)), takenAt);
  const header = good[0]!;
  const r6 = good.find((row) => row[0] === 'R-6')!;
  const r7 = good.find((row) => row[0] === 'R-7')!;
  const tab = (...rows: CellValue[][]) => rows;

  it('when the tab is as written, then its header says when it was taken and what it held', () => {
    expect(header.slice(0, 4)).toEqual([...SNAPSHOT_HEADERS]);
    expect(readSnapshot(good)).toMatchObject({ takenAt, snapshot: { takenAt, holds: { risks: true, actions: true } } });
  });

  const damaged: Array<{
    when: string;
    rows: CellValue[][];
    risks: Record<string, 'read' | 'unreadable'> | null;
    takenAt?: string | null;
  }> = [
    { when: 'the tab is empty', rows: [], risks: null },
    { when: 'the tab holds only notes a person typed', rows: tab(['see the Risks tab'], [null, 'hello']), risks: null },
    { when: 'the tab has its header alone', rows: tab(header), risks: {} },
    {
      when: "a line's fields are not JSON",
      rows: tab(header, [r6[0]!, r6[1]!, r6[2]!, '{"description": broken'], r7),
      risks: { 'R-6': 'unreadable', 'R-7': 'read' },
    },
    {
      when: "a line's impact is text",
      rows: tab(header, [r6[0]!, r6[1]!, r6[2]!, String(r6[3]).replace('"impact":2', '"impact":"two"')], r7),
      risks: { 'R-6': 'unreadable', 'R-7': 'read' },
    },
    {
      when: "a line's kind is unknown or its key blank",
      rows: tab(header, [r6[0]!, 'hazard', r6[2]!, r6[3]!], [null, 'risk', 'R - 9', r7[3]!], r7),
      risks: { 'R-7': 'read' },
    },
    { when: 'a line is there twice', rows: tab(header, r7, [r7[0]!, r7[1]!, r7[2]!, '{}']), risks: { 'R-7': 'read' } },
    { when: 'the header was deleted', rows: tab(r6, r7), risks: { 'R-6': 'read', 'R-7': 'read' }, takenAt: null },
    {
      when: "the header's time was overwritten",
      rows: tab([...header.slice(0, 5), 'yesterday', ...header.slice(6)], r7),
      risks: { 'R-7': 'read' },
      takenAt: null,
    },
  ];

  it.each(damaged)('when $when, then what can be read is read', ({ rows, risks, takenAt: expectedAt }) => {
    const read = readSnapshot(rows);
    if (risks === null) return expect(read).toBeNull();
    expect(read).not.toBeNull();
    const found = Object.fromEntries(
      [...read!.snapshot.risks].map(([key, item]) => [key, item === null ? 'unreadable' : 'read']),
    );
    expect(found).toEqual(risks);
    expect(read!.takenAt).toBe(expectedAt === undefined ? takenAt : expectedAt);
  });
});
