import { covers, fieldPaths } from './fields.js';
import { getCell, growGrid, setCell } from './grid.js';
import type { CellValue, Stored, Tab } from './types.js';

export interface NumberFormat {
  type: string;
  pattern?: string;
}

/** A cell as a person set it up in the sheet: a formula with the result Sheets shows for it, a number format. */
export interface DressedCell {
  /** 1-based sheet row and 0-based column. */
  row: number;
  column: number;
  value?: CellValue;
  formula?: string;
  /** What the formula shows (the fake never evaluates formulas). */
  result?: string | number | boolean;
  numberFormat?: NumberFormat;
}

/** Sets cells up as a person would in Sheets: values, formulas and number formats. */
export function dressCells(tab: Tab, cells: readonly DressedCell[]): void {
  for (const cell of cells) {
    const r = cell.row - 1;
    if (cell.formula !== undefined)
      setCell(tab, r, cell.column, {
        formula: cell.formula,
        ...(cell.result === undefined ? {} : { result: cell.result }),
      });
    else if (cell.value !== undefined) setCell(tab, r, cell.column, cell.value === null ? undefined : cell.value);
    if (cell.numberFormat !== undefined) {
      const range = {
        sheetId: tab.sheetId,
        startRowIndex: r,
        endRowIndex: r + 1,
        startColumnIndex: cell.column,
        endColumnIndex: cell.column + 1,
      };
      tab.formats.push({
        range,
        fields: 'userEnteredFormat.numberFormat',
        format: { numberFormat: cell.numberFormat },
      });
    }
    growGrid(tab, cell.row, cell.column + 1);
  }
}

/** The number format last set on a cell (by repeatCell, updateCells, appendCells or dressCells), if any. */
export function numberFormatAt(tab: Tab, r: number, c: number): NumberFormat | undefined {
  let found: NumberFormat | undefined;
  for (const { range, fields, format } of tab.formats) {
    const inside =
      r >= (range.startRowIndex ?? 0) &&
      r < (range.endRowIndex ?? Number.POSITIVE_INFINITY) &&
      c >= (range.startColumnIndex ?? 0) &&
      c < (range.endColumnIndex ?? Number.POSITIVE_INFINITY);
    if (!inside) continue;
    const paths = fieldPaths(fields).map((path) => path.replace(/^userEnteredFormat\.?/, ''));
    if (!fields.includes('userEnteredFormat') || !(paths.includes('') || covers(paths, 'numberFormat'))) continue;
    const given = (format as { numberFormat?: NumberFormat } | null)?.numberFormat;
    found = given ?? undefined;
  }
  return found;
}

/** A cell as a person inspects it: its value (a formula's result), its formula, its number format. */
export function inspectCell(
  tab: Tab,
  row: number,
  column: number,
): { value: CellValue; formula?: string; numberFormat?: NumberFormat } {
  const stored: Stored | undefined = getCell(tab, row - 1, column);
  const numberFormat = numberFormatAt(tab, row - 1, column);
  const format = numberFormat ? { numberFormat } : {};
  if (stored === undefined) return { value: null, ...format };
  if (typeof stored === 'object') return { value: stored.result ?? null, formula: stored.formula, ...format };
  return { value: stored, ...format };
}
