import type { TabRange } from './a1.js';
import type { CellValue, Stored, Tab } from './types.js';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** How a formula cell reads back (except with valueRenderOption=FORMULA): visible in snapshots and assertions. */
export const formulaMarker = (formula: string): string => `#FORMULA(${formula})`;

export function newTab(sheetId: number, title: string, grid: Partial<Tab['grid']> = {}): Tab {
  return {
    sheetId,
    title,
    grid: {
      rowCount: grid.rowCount ?? DEFAULT_ROWS,
      columnCount: grid.columnCount ?? DEFAULT_COLUMNS,
      frozenRowCount: grid.frozenRowCount ?? 0,
    },
    rows: [],
    validations: [],
    conditionalFormats: [],
    protectedRanges: [],
    formats: [],
  };
}

/** Drops trailing empty cells of row `r`, then trailing empty rows, keeping the sparse invariant. */
function trim(tab: Tab, r: number): void {
  const row = tab.rows[r];
  if (row) {
    while (row.length > 0 && row[row.length - 1] === undefined) row.length--;
    if (row.length === 0) tab.rows[r] = undefined;
  }
  while (tab.rows.length > 0 && tab.rows[tab.rows.length - 1] === undefined) tab.rows.length--;
}

export function getCell(tab: Tab, r: number, c: number): Stored | undefined {
  return tab.rows[r]?.[c];
}

/** Sets (or, with undefined, clears) one cell. Grid limits are the caller's business. */
export function setCell(tab: Tab, r: number, c: number, value: Stored | undefined): void {
  if (value === undefined) {
    const row = tab.rows[r];
    if (!row || c >= row.length) return;
    row[c] = undefined;
    trim(tab, r);
    return;
  }
  tab.rows[r] ??= [];
  const row = tab.rows[r];
  row[c] = value;
}

/** Number of rows down to the last one holding a value (0 for an empty tab). */
export function dataHeight(tab: Tab): number {
  return tab.rows.length;
}

export function dataWidth(tab: Tab): number {
  let width = 0;
  for (const row of tab.rows) if (row && row.length > width) width = row.length;
  return width;
}

/** Grows the grid so that (rows x columns) fits, as the values API does when writing past the edge. */
export function growGrid(tab: Tab, rows: number, columns: number): void {
  tab.grid.rowCount = Math.max(tab.grid.rowCount, rows);
  tab.grid.columnCount = Math.max(tab.grid.columnCount, columns);
}

export function insertRows(tab: Tab, at: number, count: number): void {
  if (at < tab.rows.length) tab.rows.splice(at, 0, ...new Array<undefined>(count));
  tab.grid.rowCount += count;
}

export function deleteRows(tab: Tab, at: number, count: number): void {
  tab.rows.splice(at, count);
  if (tab.rows.length > 0) trim(tab, tab.rows.length - 1);
  tab.grid.rowCount -= count;
}

export function insertColumns(tab: Tab, at: number, count: number): void {
  tab.rows.forEach((row) => {
    if (row && at < row.length) row.splice(at, 0, ...new Array<undefined>(count));
  });
  tab.grid.columnCount += count;
}

export function deleteColumns(tab: Tab, at: number, count: number): void {
  tab.rows.forEach((row, r) => {
    if (row) {
      row.splice(at, count);
      trim(tab, r);
    }
  });
  tab.grid.columnCount -= count;
}

export type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

/**
 * A cell as the values API returns it. FORMATTED_VALUE (Google's default) is
 * text: numbers via String() (no locale or date formatting), booleans TRUE/FALSE.
 */
export function render(cell: Stored | undefined, how: ValueRender): string | number | boolean {
  if (cell === undefined) return '';
  // A formula shows the result a test gave it (the fake never evaluates), else a marker.
  if (typeof cell === 'object')
    return how === 'FORMULA'
      ? cell.formula
      : how === 'UNFORMATTED_VALUE' && cell.result !== undefined
        ? cell.result
        : formulaMarker(cell.formula);
  if (how !== 'FORMATTED_VALUE') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/**
 * Values in a range, rows major, as Google gives them: trailing empty rows
 * and trailing empty cells of each row left out, empty cells in between "".
 * Touches only rows that hold data.
 */
export function readRows(r: TabRange, how: ValueRender): Array<Array<string | number | boolean>> {
  const { tab } = r;
  const endRow = Math.min(r.endRow ?? tab.grid.rowCount, tab.rows.length);
  const out: Array<Array<string | number | boolean>> = [];
  let lastNonEmpty = -1;
  for (let i = r.startRow; i < endRow; i++) {
    const row = tab.rows[i] ?? [];
    const endCol = Math.min(r.endCol ?? tab.grid.columnCount, row.length);
    let width = 0;
    for (let c = r.startCol; c < endCol; c++) if (row[c] !== undefined) width = c - r.startCol + 1;
    const cells: Array<string | number | boolean> = [];
    for (let c = 0; c < width; c++) cells.push(render(row[r.startCol + c], how));
    out.push(cells);
    if (width > 0) lastNonEmpty = out.length - 1;
  }
  out.length = lastNonEmpty + 1;
  return out;
}

export function transpose<T>(rows: T[][]): T[][] {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const cols: T[][] = Array.from({ length: width }, () => []);
  for (const [i, row] of rows.entries()) {
    for (const [j, cell] of row.entries()) cols[j]![i] = cell;
  }
  return cols.map((col) => Array.from(col, (cell) => cell ?? ('' as T)));
}

/** What a person sees in the tab: formulas as markers, empty cells null, trailing empties trimmed. */
export function humanRows(tab: Tab): CellValue[][] {
  return Array.from(tab.rows, (row) =>
    Array.from(row ?? [], (cell) =>
      cell === undefined ? null : typeof cell === 'object' ? formulaMarker(cell.formula) : cell,
    ),
  );
}

/** Replaces a tab's cells with rows a person typed; "" and null are empty. The grid grows to fit. */
export function setHumanRows(tab: Tab, rows: readonly CellValue[][]): void {
  tab.rows = [];
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.entries()) if (cell !== null && cell !== '') setCell(tab, r, c, cell);
  }
  growGrid(
    tab,
    rows.length,
    rows.reduce((w, row) => Math.max(w, row.length), 0),
  );
}
