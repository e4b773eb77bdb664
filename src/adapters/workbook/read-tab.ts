import ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/cell.js';
import { type CellLook, formatTypeOf } from '../../domain/register/cell-look.js';
import { findTabs, titlesToRead } from '../../domain/register/find-tabs.js';
import type { RawRow, RawTab, TabKey, TabLayout } from '../../domain/register/raw-register.js';
import { SNAPSHOT_TAB_TITLE } from '../../domain/register/snapshot-tab.js';
import { tabTitled } from '../../domain/register/tab-from-grid.js';
import { readCell } from './cell-values.js';

/** The worksheet a configured tab title names. */
export function findWorksheet(workbook: ExcelJS.Workbook, title: string): ExcelJS.Worksheet | undefined {
  return tabTitled(workbook.worksheets, (sheet) => sheet.name, title);
}

/** The row's cells from column A, as the core reads them. */
function rowValues(row: ExcelJS.Row): CellValue[] {
  const values: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    values[column - 1] = readCell(cell);
  });
  return Array.from(values, (value) => value ?? null);
}

/** A worksheet's rows as the core reads them. Only rows the file holds are visited, so thousands of formatted but empty rows at the end cost nothing per cell. */
function gridOf(sheet: ExcelJS.Worksheet): RawRow[] {
  const grid: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    grid.push({ row: rowNumber, cells: rowValues(row) });
  });
  return grid;
}

/**
 * Every tab of the register: each found by its configured title, or, where
 * none has it, by what its headers hold (findTabs). Only the worksheets
 * that could be one of them are read.
 */
export function readTabs(workbook: ExcelJS.Workbook, tabs: Record<TabKey, TabLayout>): Record<TabKey, RawTab> {
  const titles = titlesToRead(
    // The bot's hidden snapshot is never one of the register's tabs.
    workbook.worksheets.map((sheet) => sheet.name).filter((name) => name !== SNAPSHOT_TAB_TITLE),
    tabs,
  );
  const sources = titles.map((title) => ({ title, grid: gridOf(findWorksheet(workbook, title)!) }));
  return findTabs(sources, tabs);
}

/** A cell's formula ("=D4*E4") and number format, where it has either; a shared formula's copy gives its own formula. */
function lookOf(cell: ExcelJS.Cell): CellLook | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  const pattern = cell.numFmt;
  const look: CellLook = {
    ...(formula ? { formula: `=${formula}` } : {}),
    ...(pattern && pattern !== 'General' ? { numberFormat: { type: formatTypeOf(pattern), pattern } } : {}),
  };
  return Object.keys(look).length > 0 ? look : undefined;
}

/**
 * Gives each row of the tabs read its cells' formulas and number formats,
 * for a write to keep the sheet's own ways (keep-conventions.ts).
 */
export function addLooks(workbook: ExcelJS.Workbook, tabs: Record<TabKey, RawTab>): void {
  for (const tab of Object.values(tabs)) {
    const sheet = tab.found ? findWorksheet(workbook, tab.title) : undefined;
    if (sheet === undefined) continue;
    for (const row of tab.rows) {
      const looks: Array<CellLook | undefined> = [];
      sheet.getRow(row.row).eachCell({ includeEmpty: false }, (cell, column) => {
        const look = lookOf(cell);
        if (look !== undefined) looks[column - 1] = look;
      });
      if (looks.length > 0) row.looks = looks;
    }
  }
}

/** The bot's hidden snapshot tab, row by row from row 1; null when the workbook has none. */
export function readSnapshotSheet(workbook: ExcelJS.Workbook): CellValue[][] | null {
  const sheet = workbook.getWorksheet(SNAPSHOT_TAB_TITLE);
  if (sheet === undefined) return null;
  const rows: CellValue[][] = [];
  for (const { row, cells } of gridOf(sheet)) rows[row - 1] = cells;
  return Array.from(rows, (cells) => cells ?? []);
}

/** Puts `rows` in the hidden snapshot tab in place of what it held, making the tab (hidden) when missing. */
export function writeSnapshotSheet(workbook: ExcelJS.Workbook, rows: readonly (readonly CellValue[])[]): void {
  const existing = workbook.getWorksheet(SNAPSHOT_TAB_TITLE);
  if (existing !== undefined) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(SNAPSHOT_TAB_TITLE, { state: 'hidden' });
  // Text as text: an ID like "2.1" must come back as it went in.
  for (const row of rows)
    sheet.addRow(row.map((cell) => (cell === null ? null : typeof cell === 'number' ? cell : String(cell))));
}
