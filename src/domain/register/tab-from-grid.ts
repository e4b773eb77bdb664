import { type CellValue, cellText, isBlank } from '../cell.js';
import { REQUIRED_FIELDS } from './fields.js';
import { mapHeaders } from './header-map.js';
import type { HeaderSynonyms, RawRow, RawTab, TabKey } from './raw-register.js';

/** How far down a tab to look for its header line, past titles like "Risk Log". */
const HEADER_SCAN_LINES = 10;

/**
 * Which of a tab's first non-blank lines is its header line: the first in
 * which every field the tab cannot do without is found (real registers often
 * put a title such as "Appendix B – Risk Log" above the headers), else the
 * one naming most fields (a register without an ID column still has its
 * headers found, so `check` can say the ID column is missing), else the
 * first line. Returns an index into `lines`.
 */
function findHeaderLine(
  lines: ReadonlyArray<readonly string[]>,
  required: readonly string[],
  synonyms: HeaderSynonyms,
  tab: TabKey,
): number {
  const mapped = lines.slice(0, HEADER_SCAN_LINES).map((headers) => mapHeaders(tab, headers, synonyms).byField);
  const found = mapped.findIndex((byField) => required.every((field) => byField[field] !== undefined));
  if (found >= 0) return found;
  const counts = mapped.map((byField) => Object.keys(byField).length);
  return Math.max(counts.indexOf(Math.max(0, ...counts)), 0);
}

/** The cells up to the last one holding any text; none for a row of blanks. */
function withoutTrailingBlanks(cells: readonly CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end -= 1;
  return cells.slice(0, end);
}

/** A grid's rows that hold any text, each without its trailing blank cells. */
export function nonBlankLines(grid: readonly RawRow[]): RawRow[] {
  return grid
    .map(({ row, cells }) => ({ row, cells: withoutTrailingBlanks(cells) }))
    .filter((line) => line.cells.length > 0);
}

/**
 * One tab from the grid a store holds: its rows with their 1-based sheet row
 * numbers, each row's cells from column A. Rows with no text are skipped
 * (real row numbers kept), the header line is found by header text, and
 * data rows are padded with empty cells to the header's width. A tab with no
 * text at all has `headerRow` 0.
 */
export function tabFromGrid(key: TabKey, title: string, grid: readonly RawRow[], synonyms: HeaderSynonyms): RawTab {
  const lines = nonBlankLines(grid);
  const at = findHeaderLine(
    lines.map((line) => line.cells.map(cellText)),
    REQUIRED_FIELDS[key],
    synonyms,
    key,
  );
  const header = lines[at];
  if (!header) return { key, title, found: true, headerRow: 0, headers: [], rows: [] };
  const headers = header.cells.map(cellText);
  const width = headers.length;
  const rows = lines.slice(at + 1).map(({ row, cells }) => ({
    row,
    cells: cells.length >= width ? cells : [...cells, ...Array<null>(width - cells.length).fill(null)],
  }));
  return { key, title, found: true, headerRow: header.row, headers, rows };
}

/** A tab title as people tell tabs apart: "Audit log", "audit Log" and "AuditLog" are one tab. */
const titleKey = (title: string) => title.toLowerCase().replace(/\s+/g, '');

/** Of a store's tabs, the one a configured title names, case and spaces ignored. */
export function tabTitled<T>(tabs: readonly T[], titleOf: (tab: T) => string, title: string): T | undefined {
  const wanted = titleKey(title);
  return tabs.find((tab) => titleKey(titleOf(tab)) === wanted);
}

/** A tab the register lacks, under the title config gives it. */
export function missingTab(key: TabKey, title: string): RawTab {
  return { key, title, found: false, headerRow: 0, headers: [], rows: [] };
}
