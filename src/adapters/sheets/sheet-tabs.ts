import type { sheets_v4 } from 'googleapis';
import { cellText, isBlank, type CellValue } from '../../domain/cell.js';
import { REQUIRED_FIELDS } from '../../domain/register/fields.js';
import { findHeaderLine } from '../../domain/register/header-map.js';
import type { SheetInfo } from './sheets-api.js';
import type { RawRow, RawTab, TabKey } from '../../domain/register/raw-register.js';
import type { HeaderSynonyms } from '../../domain/register/raw-register.js';

/** A tab title in A1 notation: quoted, with quotes doubled, so "Audit log" and "Bob's" work. */
export function quoteTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** A tab title as people tell tabs apart: case and spaces do not matter. */
export function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, '');
}

export function findSheet<T extends Pick<SheetInfo, 'title'>>(infos: readonly T[], title: string): T | undefined {
  return infos.find((info) => titleKey(info.title) === titleKey(title));
}

function toCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value === '' ? null : value;
  return null;
}

/**
 * A tab from a whole-tab value range (which starts at A1, so list index i is
 * row i + 1). Sheets leaves out trailing blank rows and cells; blank rows in
 * between are skipped here, keeping real row numbers.
 */
export function tabFromValues(key: TabKey, title: string, values: readonly unknown[][] | null | undefined, synonyms: HeaderSynonyms): RawTab {
  const lines: RawRow[] = [];
  (values ?? []).forEach((row, index) => {
    const cells = row.map(toCell);
    if (cells.some((cell) => !isBlank(cell))) lines.push({ row: index + 1, cells });
  });
  const at = findHeaderLine(lines.map((line) => line.cells.map(cellText)), REQUIRED_FIELDS[key], synonyms, key);
  const header = lines[at];
  if (!header) return { key, title, found: true, headerRow: 0, headers: [], rows: [] };
  const headers = header.cells.map(cellText);
  const width = headers.length;
  const rows = lines.slice(at + 1).map(({ row, cells }) => ({ row, cells: cells.length >= width ? cells : [...cells, ...Array<null>(width - cells.length).fill(null)] }));
  return { key, title, found: true, headerRow: header.row, headers, rows };
}

export function missingTab(key: TabKey, title: string): RawTab {
  return { key, title, found: false, headerRow: 0, headers: [], rows: [] };
}

export type ValueRange = sheets_v4.Schema$ValueRange;
