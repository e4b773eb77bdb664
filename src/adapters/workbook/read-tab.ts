import type ExcelJS from 'exceljs';
import { cellText, isBlank, type CellValue } from '../../domain/cell.js';
import type { RawRow, RawTab, TabKey } from '../../ports/register-store.js';
import { readCell } from './cell-values.js';

/** A tab title as people tell tabs apart: "Audit log", "audit Log" and "AuditLog" are one tab. */
function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, '');
}

/** The worksheet whose title matches, ignoring case and spaces. */
export function findWorksheet(workbook: ExcelJS.Workbook, title: string): ExcelJS.Worksheet | undefined {
  const wanted = titleKey(title);
  return workbook.worksheets.find((sheet) => titleKey(sheet.name) === wanted);
}

/** The row's cells from column A, with trailing blanks dropped; [] for a row with only blanks. */
function rowValues(row: ExcelJS.Row): CellValue[] {
  const values: CellValue[] = [];
  let last = -1;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = readCell(cell);
    values[column - 1] = value;
    if (!isBlank(value)) last = column - 1;
  });
  return Array.from({ length: last + 1 }, (_, i) => values[i] ?? null);
}

/**
 * Reads one tab: the first row with any text is the header line, and every
 * later row with any text is a data row with its real sheet row number.
 * Only rows the file holds are visited, so thousands of formatted but empty
 * rows at the end cost nothing per cell. A tab with no text at all has
 * `headerRow` 0.
 */
export function readTab(key: TabKey, title: string, sheet: ExcelJS.Worksheet | undefined): RawTab {
  if (!sheet) return { key, title, found: false, headerRow: 0, headers: [], rows: [] };
  let headerRow = 0;
  let headers: string[] = [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = rowValues(row);
    if (values.length === 0) return;
    if (headerRow === 0) {
      headerRow = rowNumber;
      headers = values.map((value) => cellText(value));
      return;
    }
    while (values.length < headers.length) values.push(null);
    rows.push({ row: rowNumber, cells: values });
  });
  return { key, title: sheet.name, found: true, headerRow, headers, rows };
}

/** The last row holding any text (the header line included); 0 for a blank tab. */
export function lastUsedRow(tab: RawTab): number {
  return tab.rows.at(-1)?.row ?? tab.headerRow;
}
