import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../../domain/cell.js';
import type { HeaderSynonyms, RawRow, RawTab, TabKey } from '../../domain/register/raw-register.js';
import { tabFromGrid, tabTitled } from '../../domain/register/tab-from-grid.js';
import type { SheetInfo } from './sheets-api.js';

/** A tab title in A1 notation: quoted, with quotes doubled, so "Audit log" and "Bob's" work. */
export function quoteTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** The sheet a configured tab title names. */
export function findSheet<T extends Pick<SheetInfo, 'title'>>(infos: readonly T[], title: string): T | undefined {
  return tabTitled(infos, (info) => info.title, title);
}

function toCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value === '' ? null : value;
  return null;
}

/**
 * The rows of a whole-tab value range, which starts at A1, so list index i
 * is row i + 1 (Sheets leaves out trailing blank rows and cells).
 */
export function gridFromValues(values: readonly unknown[][] | null | undefined): RawRow[] {
  return (values ?? []).map((row, index) => ({ row: index + 1, cells: row.map(toCell) }));
}

/** A tab from a whole-tab value range, read as the tab `key`. */
export function tabFromValues(
  key: TabKey,
  title: string,
  values: readonly unknown[][] | null | undefined,
  synonyms: HeaderSynonyms,
): RawTab {
  return tabFromGrid(key, title, gridFromValues(values), synonyms);
}

export type ValueRange = sheets_v4.Schema$ValueRange;
