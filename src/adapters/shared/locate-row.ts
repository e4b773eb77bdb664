import { type CellValue, cellText, isBlank } from '../../domain/cell.js';
import { DomainError } from '../../domain/domain-error.js';
import { OPTIONAL_FIELDS } from '../../domain/register/fields.js';
import { findById } from '../../domain/register/find-by-id.js';
import type { MappedTab } from '../../domain/register/mapped-tab.js';
import type { RawRow, RawTab } from '../../domain/register/raw-register.js';
import type { RowInsert } from '../../ports/register-store.js';

/** A tab a write needs, refused when the workbook lacks it. */
export function requireTab(mapped: MappedTab): MappedTab {
  if (mapped.tab.found) return mapped;
  throw new DomainError(
    'sheet_schema_invalid',
    `The register has no "${mapped.tab.title}" tab: add a tab with that name and a header row`,
    { tab: mapped.tab.title },
  );
}

/** The 0-based column of a field, or sheet_schema_invalid naming the header to add. */
export function requireColumn(mapped: MappedTab, field: string): number {
  const column = mapped.columns[field];
  if (column !== undefined) return column;
  const header = mapped.synonyms[field]?.[0] ?? field;
  const where = mapped.tab.headerRow > 0 ? ` (row ${mapped.tab.headerRow})` : '';
  // setup-sheet adds every column the bot keeps up but those a register may do without (RAG, Date closed).
  const setup = OPTIONAL_FIELDS.has(field) ? '' : ' (for a Google Sheet, risk-bot setup-sheet adds it)';
  throw new DomainError(
    'sheet_schema_invalid',
    `The "${mapped.tab.title}" tab has no "${header}" column, so nothing was changed: add a "${header}" header to its header row${where}${setup}, then try again`,
    { tab: mapped.tab.title, field, header, row: mapped.tab.headerRow },
  );
}

/**
 * The one row that holds the item now. Rows are found by ID on every write,
 * never by a row number remembered from an earlier read, because people sort
 * and insert rows while the bot works.
 */
export function locateRow(mapped: MappedTab, id: string): RawRow {
  const idColumn = requireColumn(mapped, 'id');
  return findById(mapped.tab.rows, (row) => cellText(row.cells[idColumn]), id, mapped.tab.title);
}

/** Whether a cell still shows what the user saw: compared as text, so 3 equals "3" and empty equals "". */
export function sameAsSeen(actual: CellValue | undefined, expected: CellValue): boolean {
  return cellText(actual) === cellText(expected);
}

/** The last row holding any text (the header line included); 0 for a blank tab. */
export function lastUsedRow(tab: RawTab): number {
  return tab.rows.at(-1)?.row ?? tab.headerRow;
}

/** A new row's fields the person gave, each with a column to land in (any one of alternatives), or sheet_schema_invalid naming it. */
export function requireGivenColumns(mapped: MappedTab, insert: Pick<RowInsert, 'values' | 'required'>): void {
  for (const need of insert.required ?? []) {
    const fields = typeof need === 'string' ? [need] : need;
    const given = fields.some((field) => !isBlank(insert.values[field] ?? null));
    if (given && fields.every((field) => mapped.columns[field] === undefined)) requireColumn(mapped, fields[0]!);
  }
}
