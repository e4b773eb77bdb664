import type ExcelJS from 'exceljs';
import { cellText, isBlank, type CellValue } from '../../domain/cell.js';
import { REQUIRED_FIELDS } from '../../domain/register/fields.js';
import { findHeaderLine } from '../../domain/register/header-map.js';
import { readCell } from './cell-values.js';
import type { RawRow, RawTab, TabKey } from '../../domain/register/raw-register.js';
import type { HeaderSynonyms } from '../../domain/register/raw-register.js';

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
 * Reads one tab. Its header line is found by header text (a title line above
 * it is skipped), and every later row with any text is a data row with its
 * real sheet row number. Only rows the file holds are visited, so thousands
 * of formatted but empty rows at the end cost nothing per cell. A tab with
 * no text at all has `headerRow` 0.
 */
export function readTab(key: TabKey, title: string, sheet: ExcelJS.Worksheet | undefined, synonyms: HeaderSynonyms): RawTab {
  if (!sheet) return { key, title, found: false, headerRow: 0, headers: [], rows: [] };
  const lines: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = rowValues(row);
    if (values.length > 0) lines.push({ row: rowNumber, cells: values });
  });
  const at = findHeaderLine(lines.map((line) => line.cells.map(cellText)), REQUIRED_FIELDS[key], synonyms, key);
  const header = lines[at];
  if (!header) return { key, title: sheet.name, found: true, headerRow: 0, headers: [], rows: [] };
  const headers = header.cells.map(cellText);
  const rows = lines.slice(at + 1).map(({ row, cells }) => ({ row, cells: [...cells, ...Array<null>(Math.max(0, headers.length - cells.length)).fill(null)] }));
  return { key, title: sheet.name, found: true, headerRow: header.row, headers, rows };
}
