import { expect, it } from 'vitest';
import { type CellValue, cellText } from '../../src/domain/cell.js';
import { DomainError } from '../../src/domain/domain-error.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import type { WriteRequest } from '../../src/ports/register-store.js';

/** A store fixture that can also let a person edit a tab while the store's next write is in flight. */
export interface EditingFixture {
  store: { write(request: WriteRequest): Promise<unknown> };
  snapshot(): Promise<Record<string, CellValue[][]>>;
  /**
   * `edit` lands after the store has read the register for its next write and
   * before that write is applied: the moment a person's sort or insert can
   * send a write to the wrong row.
   */
  duringNextWrite(title: string, edit: (rows: CellValue[][]) => CellValue[][]): void;
}

// The contract's register (register-store-contract.ts): Risks has a header, R-1, R-2, a blank row, R-3, R-4.
const ID = 0;
const DESCRIPTION = 3;
const PROBABILITY = 6;
const RATING = 7;

const audit = (oldValue: string, newValue: string): AuditRecord => ({
  when: '2011-03-01T10:15:00+00:00',
  who: 'U0LEADCOMM',
  item: 'R - 3',
  field: 'probability',
  oldValue,
  newValue,
  via: 'command',
  note: '',
});

/** `/risk update R-3 probability 1`, as the use case sends it: R-3's probability was 2 when the user looked. */
const lowerR3 = (): WriteRequest => ({
  updates: [{ tab: 'risks', id: 'R-3', changes: [{ field: 'probability', expected: 2, value: 1 }] }],
  inserts: [],
  audit: [audit('2', '1')],
  changeId: 'slack:trigger:during-write',
});

const normalise = (rows: CellValue[][]): CellValue[][] =>
  rows.map((row) => row.map((cell) => (cell === '' || cell === undefined ? null : cell)));
const key = (row: CellValue[] | undefined) => cellText(row?.[ID]).replace(/\s+/g, '');
const byId = (rows: CellValue[][]) =>
  new Map(
    rows
      .slice(1)
      .filter((row) => key(row) !== '')
      .map((row): [string, CellValue[]] => [key(row), row]),
  );

/** Every risk row but R-3 as it was after the person's edit, and R-3's probability as given. */
function expectOnlyR3Changed(before: CellValue[][], after: CellValue[][], column: number, value: CellValue): void {
  const old = byId(normalise(before));
  const now = byId(normalise(after));
  expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
  for (const [id, row] of now) {
    const expected = id === 'R-3' ? old.get(id)!.map((cell, i) => (i === column ? value : cell)) : old.get(id)!;
    const width = Math.max(row.length, expected.length);
    expect(
      Array.from({ length: width }, (_, i) => row[i] ?? null),
      `row ${id}`,
    ).toEqual(Array.from({ length: width }, (_, i) => expected[i] ?? null));
  }
}

/** What the Audit log says about an item, after any lines the store added to put things right. */
function auditOfR(after: Record<string, CellValue[][]>, id: string): CellValue[][] {
  return (after['Audit log'] ?? []).slice(1).filter((row) => key([row[2] ?? null]) === id);
}
const auditOfR3 = (after: Record<string, CellValue[][]>) => auditOfR(after, 'R-3');

type Edit = (rows: CellValue[][]) => CellValue[][];
const withoutHeader =
  (edit: (rows: CellValue[][]) => CellValue[][]): Edit =>
  ([header = [], ...rows]) => [header, ...edit(rows)];
const byColumn = (column: number, descending: boolean): Edit =>
  withoutHeader((rows) =>
    [...rows].sort((a, b) => {
      const [x, y] = [a[column] ?? '', b[column] ?? ''];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : cellText(x).localeCompare(cellText(y));
      return descending ? -order : order;
    }),
  );

/**
 * A person edits the Risks tab while the bot's `update R-3 probability 1` is
 * in flight (issue 14's table): the change lands on R-3's Probability cell
 * and nowhere else, or is refused with nothing changed; and the Audit log
 * says what really happened.
 */
export function describeEditsDuringWrite(make: () => Promise<EditingFixture & { close(): Promise<void> }>): void {
  const moves: Array<[string, Edit, number]> = [
    [
      'inserts a row above R-3',
      withoutHeader((rows) => [
        ...rows.slice(0, 2),
        ['R-9', null, 'Someone new', 'a risk typed in above'],
        ...rows.slice(2),
      ]),
      PROBABILITY,
    ],
    ['deletes a row above R-3 (R-2)', withoutHeader((rows) => rows.filter((row) => key(row) !== 'R-2')), PROBABILITY],
    ['sorts the Risks tab by rating, highest first', byColumn(RATING, true), PROBABILITY],
    ['sorts the Risks tab by description', byColumn(DESCRIPTION, false), PROBABILITY],
    [
      'inserts a column before Probability',
      (rows) =>
        rows.map((row, i) => [
          ...row.slice(0, PROBABILITY),
          i === 0 ? 'Board remarks' : null,
          ...row.slice(PROBABILITY),
        ]),
      PROBABILITY + 1,
    ],
    [
      'moves the Probability column to the end',
      (rows) =>
        rows.map((row) => {
          const width = Math.max(...rows.map((r) => r.length));
          const padded = Array.from({ length: width }, (_, i) => row[i] ?? null);
          return [...padded.slice(0, PROBABILITY), ...padded.slice(PROBABILITY + 1), padded[PROBABILITY] ?? null];
        }),
      -1,
    ],
  ];

  it.each(moves)(
    'when a person %s during the write, then R-3 alone changes, once, and the Audit log says R-3',
    async (_what, edit, column) => {
      const fx = await make();
      try {
        let edited: CellValue[][] = [];
        fx.duringNextWrite('Risks', (rows) => (edited = edit(rows)));
        await fx.store.write(lowerR3());
        const after = await fx.snapshot();
        const at = column >= 0 ? column : Math.max(...edited.map((row) => row.length)) - 1;
        expectOnlyR3Changed(edited, after.Risks!, at, 1);
        const lines = auditOfR3(after);
        expect(
          lines.filter(
            (row) => cellText(row[3]) === 'probability' && cellText(row[4]) === '2' && cellText(row[5]) === '1',
          ),
        ).toHaveLength(1);
      } finally {
        await fx.close();
      }
    },
  );

  it('when a person deletes R-3 during the write, then it is refused saying so, nothing else changes, and the Audit log does not claim the change', async () => {
    const fx = await make();
    try {
      let edited: CellValue[][] = [];
      fx.duringNextWrite('Risks', (rows) => (edited = rows.filter((row) => key(row) !== 'R-3')));
      const refusal = await fx.store.write(lowerR3()).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).code).toBe('item_not_found');
      const after = await fx.snapshot();
      expect(byId(normalise(after.Risks!))).toEqual(byId(normalise(edited)));
      const lines = auditOfR3(after);
      const claimed = lines.filter((row) => cellText(row[5]) === '1').length;
      const withdrawn = lines.filter((row) => /not made/i.test(cellText(row[7]))).length;
      expect(claimed).toBe(withdrawn);
    } finally {
      await fx.close();
    }
  });

  it("when a person adds R-5 by hand while the bot adds R-5, then never two rows hold one ID: the bot's item takes another, or is refused to be added again", async () => {
    const fx = await make();
    try {
      fx.duringNextWrite('Risks', (rows) => [...rows, ['R-5', null, 'A person', 'typed in by hand']]);
      const outcome = await fx.store
        .write({
          updates: [],
          inserts: [
            { tab: 'risks', values: { id: 'R-5', owner: 'Lead Commissioner', description: 'added through the bot' } },
          ],
          audit: [{ ...audit('', 'Open'), item: 'R-5', field: 'created' }],
        })
        .then(
          (result) => result as { renamed?: Record<string, string> },
          (error: unknown) => error,
        );
      const after = byId(normalise((await fx.snapshot()).Risks!));
      expect(cellText(after.get('R-5')?.[3] ?? null)).toBe('typed in by hand');
      const ids = normalise((await fx.snapshot()).Risks!)
        .slice(1)
        .map(key)
        .filter((id) => id !== '');
      expect(new Set(ids).size).toBe(ids.length);
      if (outcome instanceof DomainError) {
        expect(outcome.code).toBe('item_exists');
      } else {
        const given = (outcome as { renamed?: Record<string, string> }).renamed?.['R-5'];
        expect(given).toBe('R-6');
        expect(cellText(after.get('R-6')?.[3] ?? null)).toBe('added through the bot');
        expect(auditOfR(await fx.snapshot(), 'R-6').some((row) => /renamed/.test(cellText(row[7] ?? null)))).toBe(true);
      }
    } finally {
      await fx.close();
    }
  });

  it("when a person changes R-3's probability to 3 during the write, then their 3 stays, the change is refused as a conflict, and the Audit log does not claim 2 to 1", async () => {
    const fx = await make();
    try {
      fx.duringNextWrite('Risks', (rows) =>
        rows.map((row) => (key(row) === 'R-3' ? row.map((cell, i) => (i === PROBABILITY ? 3 : cell)) : row)),
      );
      const refusal = await fx.store.write(lowerR3()).then(
        () => null,
        (error: unknown) => error,
      );
      expect((refusal as DomainError | null)?.code).toBe('conflict');
      const after = await fx.snapshot();
      expect(byId(normalise(after.Risks!)).get('R-3')![PROBABILITY]).toBe(3);
      const lines = auditOfR3(after);
      const claimed = lines.filter((row) => cellText(row[5]) === '1').length;
      const withdrawn = lines.filter((row) => /not made/i.test(cellText(row[7]))).length;
      expect(claimed).toBe(withdrawn);
    } finally {
      await fx.close();
    }
  });
}
