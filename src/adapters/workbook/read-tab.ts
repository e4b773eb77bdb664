import type ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/cell.js';
import { findTabs, titlesToRead } from '../../domain/register/find-tabs.js';
import type { RawRow, RawTab, TabKey, TabLayout } from '../../domain/register/raw-register.js';
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
    workbook.worksheets.map((sheet) => sheet.name),
    tabs,
  );
  const sources = titles.map((title) => ({ title, grid: gridOf(findWorksheet(workbook, title)!) }));
  return findTabs(sources, tabs);
}
