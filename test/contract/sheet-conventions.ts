import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { serialToIsoDate } from '../../src/domain/dates/timescale.js';
import { DomainError } from '../../src/domain/domain-error.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import type { RegisterStore, WriteRequest } from '../../src/ports/register-store.js';
import { createItem } from '../../src/use-cases/create-item.js';
import { updateItem } from '../../src/use-cases/update-item.js';

/** A cell as the sheet's owner set it up: a formula with the result it shows, a number format. */
export interface OwnersCell {
  /** 1-based row, 0-based column. */
  row: number;
  column: number;
  value?: CellValue;
  formula?: string;
  result?: string | number | boolean;
  numberFormat?: { type: string; pattern: string };
}

/** A cell as a person inspects it after the write. */
export interface InspectedCell {
  value: CellValue;
  formula?: string;
  /** Its number format's pattern, where it has one. */
  pattern?: string;
}

export interface ConventionsFixture {
  store: RegisterStore;
  snapshot(): Promise<Record<string, CellValue[][]>>;
  /** Formulas and number formats, where the store holds them (not in memory). */
  dress?: (title: string, cells: readonly OwnersCell[]) => Promise<void>;
  inspect?: (title: string, row: number, column: number) => Promise<InspectedCell>;
  close(): Promise<void>;
}

export type MakeConventionsFixture = (initial: Record<string, CellValue[][]>) => Promise<ConventionsFixture>;

const AUDIT = ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'];
const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'];
const WHEN = '2026-11-30T10:00:00Z';
// 1 Dec 2026, 15 Jan 2027, 31 Mar 2027 as serials.
const DEC_1 = 46357;
const JAN_15 = 46402;
const MAR_31 = 46477;
const dmy = { type: 'DATE', pattern: 'dd/mm/yyyy' };
const percent = { type: 'PERCENT', pattern: '0%' };

function line(item: string, field: string, oldValue: string, newValue: string): AuditRecord {
  return { when: WHEN, who: 'U1', item, field, oldValue, newValue, via: 'command', note: '' };
}

function risks(rows: CellValue[][]): Record<string, CellValue[][]> {
  return {
    Risks: [['Risk ID', 'Description', 'Impact', 'Likelihood', 'Score', 'Priority', 'Target date'], ...rows],
    'Audit log': [AUDIT],
  };
}

function actions(rows: CellValue[][]): Record<string, CellValue[][]> {
  return {
    Actions: [['Action ID', 'Action', 'Lead', 'Target date', 'Progress %', 'Comments'], ...rows],
    'Audit log': [AUDIT],
  };
}

async function refused(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const settings = loadSettings();
const office = { id: 'U1', programmeOffice: true };
const asked = { actor: office, via: 'command' as const, today: '2026-11-30', now: WHEN };

/**
 * How every store writes in the register's own ways: formulas kept, levels
 * as the column's words, dates as the column's dates, percentages as its
 * fractions; changes with no column refused, and what a write replaces kept
 * in the Audit log. Cases needing formulas or formats run where the store
 * holds them (`dress`).
 */
export function describeSheetConventions(name: string, make: MakeConventionsFixture): void {
  describe(`${name} (writing in the sheet's own ways)`, () => {
    let fx: ConventionsFixture;
    const start = async (initial: Record<string, CellValue[][]>) => {
      fx = await make(initial);
      return fx;
    };
    afterEach(async () => {
      await fx?.close();
    });
    const write = (request: Partial<WriteRequest>) =>
      fx.store.write({ updates: [], inserts: [], audit: [], ...request });

    describe('formula columns', () => {
      const scored = () =>
        risks([
          ['R1', 'Flood', 3, 2, null, null],
          ['R2', 'Fire', 1, 1, null, null],
        ]);
      const dressScores = () =>
        fx.dress?.('Risks', [
          { row: 2, column: 4, formula: '=C2*D2', result: 6 },
          { row: 2, column: 5, formula: '=IF(E2>=15,"High",IF(E2>=6,"Medium","Low"))', result: 'Medium' },
          { row: 3, column: 4, formula: '=C3*D3', result: 1 },
          { row: 3, column: 5, formula: '=IF(E3>=15,"High",IF(E3>=6,"Medium","Low"))', result: 'Low' },
        ]);

      it('when Score and Priority are formulas of Impact and Likelihood, then the impact is written and both formulas stay', async () => {
        await start(scored());
        if (!fx.dress) return;
        await dressScores();
        await write({
          updates: [
            {
              tab: 'risks',
              id: 'R1',
              changes: [
                { field: 'impact', expected: 3, value: 5 },
                { field: 'rating', expected: 6, value: 10, follows: ['impact', 'probability'] },
                { field: 'band', expected: 'Medium', value: 'High', follows: ['rating', 'impact', 'probability'] },
              ],
            },
          ],
          audit: [line('R1', 'impact', '3', '5'), line('R1', 'rating', '6', '10')],
        });
        expect(await fx.inspect!('Risks', 2, 2)).toMatchObject({ value: 5 });
        expect(await fx.inspect!('Risks', 2, 4)).toMatchObject({ formula: '=C2*D2' });
        expect(await fx.inspect!('Risks', 2, 5)).toMatchObject({
          formula: '=IF(E2>=15,"High",IF(E2>=6,"Medium","Low"))',
        });
        expect(await fx.inspect!('Risks', 3, 4)).toMatchObject({ formula: '=C3*D3' });
        const audit = (await fx.snapshot())['Audit log']!;
        expect(audit.slice(1).map((row) => row.slice(2, 6))).toEqual([
          ['R1', 'impact', '3', '5'],
          ['R1', 'rating', '6', '10'],
        ]);
      });

      it('when the Score formula does not use Impact or Likelihood, then the change is refused naming tab, row, column and formula, and nothing changes', async () => {
        await start(scored());
        if (!fx.dress) return;
        await fx.dress('Risks', [{ row: 2, column: 4, formula: '=H2*I2', result: 6 }]);
        const before = await fx.snapshot();
        const error = await refused(
          write({
            updates: [
              {
                tab: 'risks',
                id: 'R1',
                changes: [
                  { field: 'impact', expected: 3, value: 5 },
                  { field: 'rating', expected: 6, value: 10, follows: ['impact', 'probability'] },
                ],
              },
            ],
            audit: [line('R1', 'impact', '3', '5')],
          }),
        );
        expect(error.code).toBe('formula_cell');
        expect(error.details).toMatchObject({ tab: 'Risks', row: 2, column: 'E', formula: '=H2*I2' });
        expect(error.message).toContain('Score');
        expect(error.message).toContain('=H2*I2');
        expect(await fx.snapshot()).toEqual(before);
        expect(await fx.inspect!('Risks', 2, 4)).toMatchObject({ formula: '=H2*I2' });
      });

      it('when Priority is a formula of a Score the bot writes, then the Score is written and Priority left to its formula', async () => {
        await start(
          risks([
            ['R1', 'Flood', 3, 2, 6, null],
            ['R2', 'Fire', 1, 1, 1, null],
          ]),
        );
        if (!fx.dress) return;
        await fx.dress('Risks', [{ row: 2, column: 5, formula: '=IF(E2>=6,"High","Low")', result: 'High' }]);
        await write({
          updates: [
            {
              tab: 'risks',
              id: 'R1',
              changes: [
                { field: 'probability', expected: 2, value: 1 },
                { field: 'rating', expected: 6, value: 3, follows: ['impact', 'probability'] },
                { field: 'band', expected: 'High', value: 'Low', follows: ['rating', 'impact', 'probability'] },
              ],
            },
          ],
        });
        expect(await fx.inspect!('Risks', 2, 3)).toMatchObject({ value: 1 });
        expect(await fx.inspect!('Risks', 2, 4)).toMatchObject({ value: 3 });
        expect(await fx.inspect!('Risks', 2, 5)).toMatchObject({ formula: '=IF(E2>=6,"High","Low")' });
      });

      it('when the Score formula uses Impact but not Likelihood, then a new likelihood is refused naming the likelihood', async () => {
        await start(scored());
        if (!fx.dress) return;
        await fx.dress('Risks', [{ row: 2, column: 4, formula: '=C2*2', result: 6 }]);
        const error = await refused(
          write({
            updates: [
              {
                tab: 'risks',
                id: 'R1',
                changes: [
                  { field: 'probability', expected: 2, value: 3 },
                  { field: 'rating', expected: 6, value: 9, follows: ['impact', 'probability'] },
                ],
              },
            ],
          }),
        );
        expect(error.message).toContain('does not use the probability');
        expect(await fx.inspect!('Risks', 2, 3)).toMatchObject({ value: 2 });
      });

      it('when the cell a person asked to change holds a formula, then the change is refused and the formula stays', async () => {
        await start(scored());
        if (!fx.dress) return;
        await fx.dress('Risks', [{ row: 2, column: 2, formula: '=MAX(H2:J2)', result: 3 }]);
        const error = await refused(
          write({
            updates: [{ tab: 'risks', id: 'R1', changes: [{ field: 'impact', expected: 3, value: 5 }] }],
            audit: [line('R1', 'impact', '3', '5')],
          }),
        );
        expect(error).toMatchObject({ code: 'formula_cell', details: { row: 2, column: 'C' } });
        expect(error.message).toContain('Impact');
        expect(await fx.inspect!('Risks', 2, 2)).toMatchObject({ formula: '=MAX(H2:J2)' });
        expect((await fx.snapshot())['Audit log']).toHaveLength(1);
      });

      it('when a risk is added under rows of formulas, then its Score and Priority are the formulas filled down, and what was given is written as given', async () => {
        await start(scored());
        if (!fx.dress) return;
        await dressScores();
        await fx.dress('Risks', [{ row: 3, column: 1, formula: '=A3&" (copy)"', result: 'R2 (copy)' }]);
        await write({
          inserts: [
            {
              tab: 'risks',
              values: { id: 'R3', description: 'Strike', impact: 4, probability: 4, rating: 16, band: 'High' },
            },
          ],
        });
        expect(await fx.inspect!('Risks', 4, 1)).toEqual({ value: 'Strike' });
        expect(await fx.inspect!('Risks', 4, 2)).toMatchObject({ value: 4 });
        expect(await fx.inspect!('Risks', 4, 4)).toMatchObject({ formula: '=C4*D4' });
        expect(await fx.inspect!('Risks', 4, 5)).toMatchObject({
          formula: '=IF(E4>=15,"High",IF(E4>=6,"Medium","Low"))',
        });
      });
    });

    describe('word-scale columns', () => {
      it('when the Likelihood column holds words, then a level is written as its word, and the Audit line says so', async () => {
        await start(
          risks([
            ['R1', 'Flood', 'Major', 'Unlikely'],
            ['R2', 'Fire', 'Minor', 'Likely'],
            ['R3', 'Strike', 'Moderate', 'Rare'],
          ]),
        );
        const result = await write({
          updates: [{ tab: 'risks', id: 'R1', changes: [{ field: 'probability', expected: 'Unlikely', value: 3 }] }],
          audit: [line('R1', 'probability', 'Unlikely', '3')],
          levelWords: { probability: LIKELIHOOD, impact: IMPACT },
        });
        const after = await fx.snapshot();
        expect(after.Risks![1]).toEqual(['R1', 'Flood', 'Major', 'Possible']);
        expect(after['Audit log']![1]!.slice(2, 6)).toEqual(['R1', 'probability', 'Unlikely', 'Possible']);
        expect(result.audit?.[0]).toMatchObject({ oldValue: 'Unlikely', newValue: 'Possible' });
      });

      it('when the column writes "4 - Likely", then a level is written in that style', async () => {
        await start(
          risks([
            ['R1', 'Flood', '4 - Major', '2 - Unlikely'],
            ['R2', 'Fire', '2 - Minor', '4 - Likely'],
          ]),
        );
        await write({
          updates: [
            {
              tab: 'risks',
              id: 'R2',
              changes: [
                { field: 'probability', expected: '4 - Likely', value: 5 },
                { field: 'impact', expected: '2 - Minor', value: 3 },
              ],
            },
          ],
          levelWords: { probability: LIKELIHOOD, impact: IMPACT },
        });
        expect((await fx.snapshot()).Risks![2]).toEqual(['R2', 'Fire', '3 - Moderate', '5 - Almost certain']);
      });

      it('when a risk is added to a register of words, then its levels are words too', async () => {
        await start(risks([['R1', 'Flood', 'Major', 'Unlikely']]));
        await write({
          inserts: [{ tab: 'risks', values: { id: 'R2', description: 'Fire', impact: 2, probability: 4 } }],
          levelWords: { probability: LIKELIHOOD, impact: IMPACT },
        });
        expect((await fx.snapshot()).Risks![2]).toEqual(['R2', 'Fire', 'Minor', 'Likely']);
      });
    });

    describe('date columns', () => {
      const targetMoved = (expected: CellValue) =>
        write({
          updates: [{ tab: 'actions', id: 'A1', changes: [{ field: 'targetDate', expected, value: JAN_15 }] }],
          audit: [line('A1', 'targetDate', '', '2027-01-15')],
        });

      it('when the column holds date cells formatted dd/mm/yyyy, then the new date is a date cell with that format', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', DEC_1],
            ['A2', 'Report', 'Bob', MAR_31],
          ]),
        );
        if (!fx.dress) return;
        await fx.dress('Actions', [
          { row: 2, column: 3, numberFormat: dmy },
          { row: 3, column: 3, numberFormat: dmy },
        ]);
        await targetMoved(DEC_1);
        expect(await fx.inspect!('Actions', 2, 3)).toEqual({ value: JAN_15, pattern: 'dd/mm/yyyy' });
      });

      it('when the cell itself has no format but the column has, then the new date takes the column format, never a bare serial', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', null],
            ['A2', 'Report', 'Bob', MAR_31],
          ]),
        );
        if (!fx.dress) return;
        await fx.dress('Actions', [{ row: 3, column: 3, numberFormat: dmy }]);
        await targetMoved(null);
        expect(await fx.inspect!('Actions', 2, 3)).toEqual({ value: JAN_15, pattern: 'dd/mm/yyyy' });
      });

      it('when the column holds ISO text dates, then the new date is ISO text', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', '2026-12-01'],
            ['A2', 'Report', 'Bob', '2027-03-31'],
          ]),
        );
        const result = await targetMoved('2026-12-01');
        expect((await fx.snapshot()).Actions![1]).toEqual(['A1', 'Survey', 'Ann', '2027-01-15']);
        expect(result.audit?.[0]).toMatchObject({ newValue: '2027-01-15' });
      });

      it('when the column holds UK text dates, then the new date is UK text, and the Audit line shows it as written', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', '01/12/2026'],
            ['A2', 'Report', 'Bob', '31/03/2027'],
          ]),
        );
        await targetMoved('01/12/2026');
        const after = await fx.snapshot();
        expect(after.Actions![1]).toEqual(['A1', 'Survey', 'Ann', '15/01/2027']);
        expect(after['Audit log']![1]![5]).toBe('15/01/2027');
        expect(serialToIsoDate(JAN_15)).toBe('2027-01-15');
      });
    });

    describe('new rows', () => {
      it('when an action is added to a plan of UK text dates and 0% progress, then its date is UK text and its progress a fraction in that format', async () => {
        await start(actions([['A1', 'Survey', 'Ann', '01/12/2026', 0.5]]));
        if (fx.dress) await fx.dress('Actions', [{ row: 2, column: 4, numberFormat: percent }]);
        await createItem(
          { store: fx.store, settings },
          { ...asked, fields: { kind: 'action', title: 'Report', owner: 'Bob', targetDate: '31/03/2027' } },
        );
        const row = (await fx.snapshot()).Actions![2]!;
        expect(row.slice(1, 5)).toEqual(['Report', 'Bob', '31/03/2027', 0]);
        if (fx.inspect) expect(await fx.inspect('Actions', 3, 4)).toEqual({ value: 0, pattern: '0%' });
      });
    });

    describe('percent columns', () => {
      it('when Progress % is formatted 0%, then progress 90 is written as 0.9 in that format', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', null, 0.5],
            ['A2', 'Report', 'Bob', null, 0.25],
          ]),
        );
        if (!fx.dress) return;
        await fx.dress('Actions', [
          { row: 2, column: 4, numberFormat: percent },
          { row: 3, column: 4, numberFormat: percent },
        ]);
        const result = await write({
          updates: [{ tab: 'actions', id: 'A1', changes: [{ field: 'progress', expected: 0.5, value: 90 }] }],
          audit: [line('A1', 'progress', '0.5', '90')],
        });
        expect(await fx.inspect!('Actions', 2, 4)).toEqual({ value: 0.9, pattern: '0%' });
        expect(result.audit?.[0]).toMatchObject({ oldValue: '50', newValue: '90' });
      });

      it('when Progress % holds fractions without a format the store can show, then a fraction is written too', async () => {
        await start(
          actions([
            ['A1', 'Survey', 'Ann', null, 0.5],
            ['A2', 'Report', 'Bob', null, 0.25],
          ]),
        );
        await write({
          updates: [{ tab: 'actions', id: 'A2', changes: [{ field: 'progress', expected: 0.25, value: 40 }] }],
        });
        expect((await fx.snapshot()).Actions![2]![4]).toBe(0.4);
      });
    });

    describe('missing columns', () => {
      const noStatus = () => risks([['R1', 'Flood', 3, 2, 6, 'Medium']]);

      it('when a risk is closed on a register without a Status column, then it is refused naming the Status column, and nothing changes', async () => {
        await start(noStatus());
        const before = await fx.snapshot();
        const error = await refused(
          updateItem(
            { store: fx.store, settings },
            { ...asked, id: 'R1', changes: [{ field: 'status', value: 'closed' }], note: null },
          ),
        );
        expect(error.code).toBe('sheet_schema_invalid');
        expect(error.details).toMatchObject({ tab: 'Risks', header: 'Status' });
        expect(error.message).toContain('"Status" column');
        expect(await fx.snapshot()).toEqual(before);
      });

      it('when a status is set with a note on a register without a Status column, then it is refused, not "note added"', async () => {
        await start(noStatus());
        const before = await fx.snapshot();
        const error = await refused(
          updateItem(
            { store: fx.store, settings },
            { ...asked, id: 'R1', changes: [{ field: 'status', value: 'closed' }], note: 'mitigated' },
          ),
        );
        expect(error.details).toMatchObject({ header: 'Status' });
        expect(await fx.snapshot()).toEqual(before);
      });

      it('when a risk is added to a register without a Status column, then it is added without one', async () => {
        const withOwner = noStatus();
        withOwner.Risks = withOwner.Risks!.map((row, i) => [...row, i === 0 ? 'Owner' : 'Bob']);
        await start(withOwner);
        await createItem(
          { store: fx.store, settings },
          {
            ...asked,
            fields: { kind: 'risk', title: 'Fire', owner: 'Ann', impact: '2', probability: '1' },
          },
        );
        expect((await fx.snapshot()).Risks![2]).toEqual(['R-2', 'Fire', 2, 1, 2, 'Low', null, 'Ann']);
      });

      it('when a risk is added to a register without an Owner column, then it is refused naming the column, not added without its owner', async () => {
        await start(noStatus());
        const before = await fx.snapshot();
        const error = await refused(
          createItem(
            { store: fx.store, settings },
            { ...asked, fields: { kind: 'risk', title: 'Fire', owner: 'Ann', impact: '2', probability: '1' } },
          ),
        );
        expect(error.code).toBe('sheet_schema_invalid');
        expect(error.details).toMatchObject({ tab: 'Risks', header: 'Risk owner' });
        expect(await fx.snapshot()).toEqual(before);
      });
    });

    describe('comments', () => {
      it("when a note replaces an action's Comments, then the Audit log keeps the text it replaced", async () => {
        await start(actions([['A1', 'Survey', 'Ann', null, 10, 'Waiting on the supplier']]));
        const outcome = await updateItem(
          { store: fx.store, settings },
          { ...asked, id: 'A1', changes: [], note: 'Supplier confirmed' },
        );
        const after = await fx.snapshot();
        expect(after.Actions![1]).toEqual(['A1', 'Survey', 'Ann', null, 10, 'Supplier confirmed']);
        const audit = after['Audit log']!.slice(1).map((row) => row.slice(2, 6));
        expect(audit).toEqual([['A1', 'latestNote', 'Waiting on the supplier', 'Supplier confirmed']]);
        expect(outcome.update.audit).toMatchObject([
          { field: 'latestNote', oldValue: 'Waiting on the supplier', newValue: 'Supplier confirmed' },
        ]);
      });
    });
  });
}
