/**
 * A cell as every store hands it to the core: text, a number, a boolean or empty.
 * Dates arrive as spreadsheet serial numbers (days since 1899-12-30), the form
 * Sheets returns with UNFORMATTED_VALUE + SERIAL_NUMBER and the form .xlsx stores.
 */
export type CellValue = string | number | boolean | null;

/** A calendar date as `YYYY-MM-DD`; compares correctly as a string. */
export type IsoDate = string;

/** True for text shaped `YYYY-MM-DD`; whether that day exists is `isValidIsoDate`'s question (dates/timescale.ts). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** The text a person sees for a cell, trimmed; empty for an empty cell. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

export function isBlank(value: CellValue | undefined): boolean {
  return cellText(value) === '';
}
