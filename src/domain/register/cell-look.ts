/**
 * A number format as the sheet holds it: Sheets' type ("DATE", "PERCENT",
 * "NUMBER"…) and pattern ("dd/mm/yyyy", "0%"); for a workbook the type is
 * worked out from the pattern.
 */
export interface NumberFormat {
  type: string;
  pattern: string;
}

/** What a cell holds besides its value, where the store can tell. */
export interface CellLook {
  /** The formula the cell holds ("=D4*E4"); its value is the formula's result. */
  formula?: string;
  numberFormat?: NumberFormat;
}

/** The number format type a pattern shows: a date, a percentage or a number. */
export function formatTypeOf(pattern: string): string {
  const code = pattern.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  if (code.includes('%')) return 'PERCENT';
  if (/d/.test(code) && /y/.test(code)) return 'DATE';
  if (/[dmy]/.test(code) && !/[#0]/.test(code)) return 'DATE';
  return 'NUMBER';
}

export const isDateFormat = (format: NumberFormat | undefined): boolean =>
  format !== undefined && (format.type === 'DATE' || format.type === 'DATE_TIME');

export const isPercentFormat = (format: NumberFormat | undefined): boolean =>
  format !== undefined && (format.type === 'PERCENT' || format.pattern.includes('%'));
