import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import { type ColumnCell, styleValue, type ValueKind } from '../../src/domain/register/column-style.js';
import { columnsInRow, fillDown, formulaFollows } from '../../src/domain/register/formulas.js';

const LIKELIHOOD: ValueKind = { type: 'level', words: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] };
const LMH: ValueKind = { type: 'level', words: ['Low', 'Medium', 'High'] };
const cells = (...values: CellValue[]): ColumnCell[] => values.map((value) => ({ value }));
const dmy = { type: 'DATE', pattern: 'dd/mm/yyyy' };
// 15 Jan 2027 and 1 Dec 2026 as serials.
const JAN_15 = 46402;
const DEC_1 = 46357;

describe('a value written the way its column writes the others', () => {
  it.each([
    ['words', cells('Unlikely', 'Likely'), LIKELIHOOD, 3, 'Possible'],
    ['numbers', cells(2, 4), LIKELIHOOD, 3, 3],
    ['"4 - Likely"', cells('2 - Unlikely', '4 - Likely'), LIKELIHOOD, 5, '5 - Almost certain'],
    ['"Likely (4)"', cells('Unlikely (2)', 'Rare (1)'), LIKELIHOOD, 3, 'Possible (3)'],
    ['lower case, hyphenated', cells('almost-certain', 'rare'), LIKELIHOOD, 5, 'almost-certain'],
    ['capitals', cells('UNLIKELY', 'LIKELY'), LIKELIHOOD, 3, 'POSSIBLE'],
    ['initials', cells('L', 'H', 'M'), LMH, 2, 'M'],
    ['"Unlikely" before "Likely"', cells('Unlikely', 'Unlikely'), LIKELIHOOD, 4, 'Likely'],
  ])('when the column holds %s, then a level is written like them', (_, column, kind, value, written) => {
    expect(styleValue(value, kind, column, undefined).value).toBe(written);
  });

  it('when the cells are mixed, then the most common way wins, and the cell’s own way on a tie', () => {
    expect(styleValue(3, LIKELIHOOD, cells('Rare', 'Likely', 4), undefined).value).toBe('Possible');
    expect(styleValue(3, LIKELIHOOD, cells('Rare'), { value: 4 }).value).toBe(3);
  });

  it.each([
    ['ISO text', cells('2026-12-01'), '2027-01-15'],
    ['UK text', cells('01/12/2026', '31/03/2027'), '15/01/2027'],
    ['unpadded UK text', cells('1/12/2026'), '15/1/2027'],
    ['dotted two-digit years', cells('01.12.26'), '15.01.27'],
    ['day, month word and year', cells('1 Dec 2026'), '15 Jan 2027'],
    ['day, month name and year', cells('01 December 2026'), '15 January 2027'],
  ])('when a date column holds %s, then the date is text in that style', (_, column, written) => {
    expect(styleValue(JAN_15, { type: 'date' }, column, undefined)).toEqual({ value: written, shown: written });
  });

  it('when a date column holds date cells, then the date is a date cell in the cell’s own format, else the column’s, else d mmm yyyy', () => {
    const dated = [{ value: DEC_1, look: { numberFormat: dmy } }];
    expect(styleValue(JAN_15, { type: 'date' }, dated, { value: null })).toMatchObject({
      value: JAN_15,
      numberFormat: dmy,
    });
    const own = { value: DEC_1, look: { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } } };
    expect(styleValue(JAN_15, { type: 'date' }, dated, own).numberFormat?.pattern).toBe('yyyy-mm-dd');
    expect(styleValue(JAN_15, { type: 'date' }, cells('Dec 2026'), undefined)).toEqual({
      value: JAN_15,
      numberFormat: { type: 'DATE', pattern: 'd mmm yyyy' },
      shown: '2027-01-15',
    });
  });

  it('when a percent column is formatted 0%, holds fractions, holds "50%" text or plain numbers, then progress is written the same way', () => {
    const percent = { type: 'PERCENT', pattern: '0%' };
    const formatted = [{ value: 0.5, look: { numberFormat: percent } }];
    expect(styleValue(90, { type: 'percent' }, formatted, undefined)).toEqual({
      value: 0.9,
      numberFormat: percent,
      shown: '90',
    });
    expect(styleValue(90, { type: 'percent' }, cells(0.5, 0.25), undefined).value).toBe(0.9);
    expect(styleValue(90, { type: 'percent' }, cells('50%'), undefined).value).toBe('90%');
    expect(styleValue(90, { type: 'percent' }, cells(50, 0), undefined).value).toBe(90);
  });

  it('when a formula cell is in the column, then it shows no way of writing', () => {
    const column = [{ value: 'Likely', look: { formula: '=B2' } }, { value: 2 }];
    expect(styleValue(3, LIKELIHOOD, column, undefined).value).toBe(3);
  });
});

describe('formulas', () => {
  it('finds the columns a formula uses in its own row, ranges and anchors included, not text or names', () => {
    expect([...columnsInRow('=D4*E4', 4)]).toEqual([3, 4]);
    expect([...columnsInRow('=SUM($B4:D4)+LOG10(F5)', 4)]).toEqual([1, 2, 3]);
    expect([...columnsInRow('=IF(E4>=15,"High C4","Low")', 4)]).toEqual([4]);
    expect([...columnsInRow('=C4*Lookup!D4', 4)]).toEqual([2]);
  });

  it('follows inputs through other formula cells of the row', () => {
    const row: Record<number, string> = { 4: '=C2*D2', 5: '=IF(E2>=15,"High","Low")' };
    const at = (column: number) => row[column];
    expect(formulaFollows(at, 5, 2, new Set([2]))).toBe(true);
    expect(formulaFollows(at, 5, 2, new Set([7]))).toBe(false);
  });

  it('fills a formula down as a spreadsheet does: relative rows move, anchored rows stay', () => {
    expect(fillDown('=C3*D3', 1)).toBe('=C4*D4');
    expect(fillDown('=IF(E3>=$B$1,"High C3","Low")', 2)).toBe('=IF(E5>=$B$1,"High C3","Low")');
    expect(fillDown('=SUM(B3:D3)', 1)).toBe('=SUM(B4:D4)');
    expect(fillDown("='Q1 2026'!B3+C3", 1)).toBe("='Q1 2026'!B4+C4");
    expect(fillDown("=VLOOKUP(C3,'Score table'!A2:B6,2)*Lookup!B3", 1)).toBe(
      "=VLOOKUP(C4,'Score table'!A3:B7,2)*Lookup!B4",
    );
  });
});
