import { columnLetters, titleInRange } from './a1.js';
import type { GridRange, Spreadsheet, Tab } from './types.js';

export function tabById(book: Spreadsheet, sheetId: unknown, fail: (m: string) => Error): Tab {
  const id = typeof sheetId === 'number' ? sheetId : 0; // proto3: a missing sheetId is 0
  const tab = book.sheets.find((t) => t.sheetId === id);
  if (!tab) throw fail(`No grid with id: ${id}`);
  return tab;
}

/** A GridRange checked against the grid, with open ends closed at its edge. */
export function bounded(tab: Tab, range: GridRange, fail: (m: string) => Error): Required<GridRange> {
  const r = {
    sheetId: tab.sheetId,
    startRowIndex: range.startRowIndex ?? 0,
    endRowIndex: range.endRowIndex ?? tab.grid.rowCount,
    startColumnIndex: range.startColumnIndex ?? 0,
    endColumnIndex: range.endColumnIndex ?? tab.grid.columnCount,
  };
  if (
    r.endRowIndex > tab.grid.rowCount ||
    r.endColumnIndex > tab.grid.columnCount ||
    r.startRowIndex > r.endRowIndex ||
    r.startColumnIndex > r.endColumnIndex
  ) {
    const a1 = `${titleInRange(tab.title)}!${columnLetters(r.startColumnIndex)}${r.startRowIndex + 1}:${columnLetters(Math.max(r.endColumnIndex - 1, 0))}${r.endRowIndex}`;
    throw fail(
      `Range (${a1}) exceeds grid limits. Max rows: ${tab.grid.rowCount}, max columns: ${tab.grid.columnCount}`,
    );
  }
  return r;
}

export function rangeIn(
  book: Spreadsheet,
  range: unknown,
  fail: (m: string) => Error,
): { tab: Tab; range: Required<GridRange> } {
  const r = (range ?? {}) as GridRange;
  const tab = tabById(book, r.sheetId, fail);
  return { tab, range: bounded(tab, r, fail) };
}
