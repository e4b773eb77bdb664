import ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/cell.js';

/** The number format the bot gives a date it writes: "5 Mar 2011", unambiguous in any locale. */
export const DATE_FORMAT = 'd mmm yyyy';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of the 1900 date system that .xlsx and Sheets serial numbers count from. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A Date as a spreadsheet serial number. exceljs hands dates over as UTC
 * midnight, so the UTC parts are the calendar date the sheet shows; a time
 * of day becomes the fractional part and a plain date stays a whole number.
 */
export function dateToSerial(date: Date): number {
  const days = Math.round(
    (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - SERIAL_EPOCH_MS) / MS_PER_DAY,
  );
  const msOfDay = date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return msOfDay === 0 ? days : days + msOfDay / MS_PER_DAY;
}

/** A serial number as the UTC Date exceljs writes back as that same serial. */
export function serialToDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richTextOf(value: unknown): string | undefined {
  if (!isObject(value) || !Array.isArray(value.richText)) return undefined;
  return value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

/**
 * An exceljs cell value as the core sees it: dates become serial numbers,
 * formulas their cached result (null when the file holds none), rich text and
 * hyperlinks their text, errors their text ("#REF!"), blanks null.
 */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (!isObject(value)) return null;
  if ('formula' in value || 'sharedFormula' in value) return fromExcelValue(value.result);
  if (typeof value.error === 'string') return value.error;
  const rich = richTextOf(value);
  if (rich !== undefined) return rich;
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : (richTextOf(value.text) ?? null);
  return typeof value.text === 'string' ? value.text : null;
}

/**
 * The value to give an exceljs cell. A string is always a plain string, so
 * "=IMPORTXML(…)" typed by a user stays text: exceljs only makes a formula
 * from a `{ formula }` object, never from a string.
 */
export function toExcelValue(value: CellValue, isDate: boolean): ExcelJS.CellValue {
  if (typeof value === 'number' && isDate) return serialToDate(value);
  return value;
}

/** Whether a number format shows a date, so a human's own date format is kept. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const code = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /d/.test(code) && /y/.test(code);
}

/**
 * Sets a cell from a CellValue; a number gets `numFmt` (the column's own
 * format) when given, and a number in a date column otherwise a date format
 * unless it has one. The style is replaced, not edited: exceljs shares one
 * style object among all cells loaded with the same style, so setting
 * `cell.numFmt` would reformat every one of them.
 */
export function writeCell(cell: ExcelJS.Cell, value: CellValue, isDate: boolean, numFmt?: string): void {
  cell.value = toExcelValue(value, isDate);
  if (numFmt !== undefined && typeof value === 'number') {
    if (cell.style.numFmt !== numFmt) cell.style = { ...cell.style, numFmt };
  } else if (typeof value === 'number' && isDate && !isDateFormat(cell.style.numFmt)) {
    cell.style = { ...cell.style, numFmt: DATE_FORMAT };
  }
}

/** A cell's value as the core sees it; the hidden cells of a merged range read as blank, as in Sheets. */
export function readCell(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return fromExcelValue(cell.value);
}
