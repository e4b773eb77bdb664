import type ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/cell.js';
import {
  type HeaderSynonyms,
  type RawRow,
  type RawTab,
  TAB_KEYS,
  type TabKey,
  type TabLayout,
} from '../../domain/register/raw-register.js';
import { missingTab, tabFromGrid, tabTitled } from '../../domain/register/tab-from-grid.js';
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

/**
 * Reads one tab. Only rows the file holds are visited, so thousands of
 * formatted but empty rows at the end cost nothing per cell.
 */
export function readTab(
  key: TabKey,
  title: string,
  sheet: ExcelJS.Worksheet | undefined,
  synonyms: HeaderSynonyms,
): RawTab {
  if (!sheet) return missingTab(key, title);
  const grid: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    grid.push({ row: rowNumber, cells: rowValues(row) });
  });
  return tabFromGrid(key, sheet.name, grid, synonyms);
}

/** Every tab of the register, each found by its configured title (a missing one reads as not found). */
export function readTabs(workbook: ExcelJS.Workbook, tabs: Record<TabKey, TabLayout>): Record<TabKey, RawTab> {
  const entries = TAB_KEYS.map((key) => {
    const { title, headers } = tabs[key];
    return [key, readTab(key, title, findWorksheet(workbook, title), headers)] as const;
  });
  return Object.fromEntries(entries) as Record<TabKey, RawTab>;
}
