import ExcelJS from 'exceljs';
import { type CellValue, cellText } from '../../domain/cell.js';
import { writeWorkbookFile } from './atomic-write.js';
import { DATE_FORMAT, toExcelValue } from './cell-values.js';
import { fileErrorWords, workbookFailure } from './file-error.js';

/** One tab of a new workbook: its header line, then its rows, all in column order. */
export interface NewTab {
  title: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly CellValue[]>;
  /** 0-based columns whose numbers are serial dates, shown as "5 Mar 2011". */
  dateColumns?: readonly number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Room for "30 Sep 2011" in a date column. */
const DATE_WIDTH = 12;

/** A width that fits the longest line of the column without one long note making it huge; wrapping does the rest. */
function columnWidth(tab: NewTab, column: number, isDate: boolean): number {
  const texts = [
    tab.headers[column] ?? '',
    ...tab.rows.map((row) => (isDate && typeof row[column] === 'number' ? '' : cellText(row[column]))),
  ];
  const longest = Math.max(
    isDate ? DATE_WIDTH : 0,
    ...texts.flatMap((text) => text.split('\n').map((line) => line.length)),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

function addTab(workbook: ExcelJS.Workbook, tab: NewTab): void {
  const sheet = workbook.addWorksheet(tab.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const dates = new Set(tab.dateColumns ?? []);
  const width = Math.max(tab.headers.length, ...tab.rows.map((row) => row.length));
  sheet.columns = Array.from({ length: width }, (_, column) => ({
    width: columnWidth(tab, column, dates.has(column)),
  }));
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  tab.headers.forEach((header, column) => {
    const cell = sheet.getCell(1, column + 1);
    cell.value = header;
    cell.style = { font: { bold: true }, alignment: wrap };
  });
  tab.rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value === null) return;
      const isDate = dates.has(column) && typeof value === 'number';
      const cell = sheet.getCell(index + 2, column + 1);
      cell.value = toExcelValue(value, isDate);
      // Each cell gets its own style object: exceljs shares them otherwise (see writeCell).
      cell.style = isDate ? { alignment: wrap, numFmt: DATE_FORMAT } : { alignment: wrap };
    });
  });
  if (tab.headers.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.headers.length } };
}

/**
 * Writes a new .xlsx workbook, one worksheet per tab: a bold, frozen header
 * line with filters, wrapped text, widths that fit the content, and date
 * columns formatted as dates. Text is always stored as text, never as a
 * formula. The file appears whole or not at all (temporary file + rename).
 */
export async function createWorkbook(path: string, tabs: readonly NewTab[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'risk-register-bot';
  try {
    for (const tab of tabs) addTab(workbook, tab);
    await writeWorkbookFile(workbook, path);
  } catch (error) {
    // Said at the terminal (local mode, export), where the edge adds details.path; worded without it like every store failure.
    throw workbookFailure(
      'store_failed',
      `The workbook could not be created (${fileErrorWords(error)}); nothing was written.`,
      path,
      error,
      undefined,
    );
  }
}
