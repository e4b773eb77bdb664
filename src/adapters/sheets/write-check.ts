import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import { type CellValue, cellText } from '../../domain/cell.js';
import { canonicalId } from '../../domain/item-id.js';
import { mapHeaders } from '../../domain/register/header-map.js';
import type { HeaderSynonyms, TabKey } from '../../domain/register/raw-register.js';
import { sameAsSeen } from '../shared/locate-row.js';

type CellData = sheets_v4.Schema$CellData;

/**
 * The hidden tab where a write's batch first copies each cell it is about
 * to change, at the same row and column (so a formula copies unchanged):
 * what the batch hands back from there is exactly what each cell held the
 * moment before the write, whoever had changed it since the bot's read.
 */
export const SCRATCH_TITLE = 'risk-bot scratch';

/** A cell a write changes in place: where it was planned, for which item and field, and what it expects to replace. */
export interface CellTarget {
  /** Which write of the group it belongs to. */
  write: number;
  tab: TabKey;
  title: string;
  /** 1-based row and 0-based column, as planned against the bot's read. */
  row: number;
  column: number;
  field: string;
  item: string;
  expected: CellValue;
  value: CellValue;
  isDate: boolean;
}

/** Cells as a batch left them (or a read found them): tab title → 1-based row → cells by 0-based column. */
export type SheetCells = Map<string, Map<number, CellData[]>>;

/** What became of one target cell. */
export type Verdict =
  | { kind: 'ok'; target: CellTarget; before: CellData }
  /** The write landed in another item's row or another column: people moved rows or columns meanwhile. */
  | { kind: 'misplaced'; target: CellTarget; landedOn: { item: string; field: string }; before: CellData }
  /** Right cell, but someone had changed it since the bot's read: the write replaced their value. */
  | { kind: 'conflict'; target: CellTarget; found: CellValue; before: CellData };

/** The cells of a spreadsheet resource's grid data (a batch's updatedSpreadsheet). */
export function sheetCells(spreadsheet: sheets_v4.Schema$Spreadsheet | undefined): SheetCells {
  const cells: SheetCells = new Map();
  for (const sheet of spreadsheet?.sheets ?? []) {
    const rows = cells.get(sheet.properties?.title ?? '') ?? new Map<number, CellData[]>();
    for (const grid of sheet.data ?? []) {
      // Google leaves zero values out of its JSON: a missing start is 0.
      const top = grid.startRow ?? 0;
      const left = grid.startColumn ?? 0;
      for (const [i, rowData] of (grid.rowData ?? []).entries()) {
        const row = rows.get(top + i + 1) ?? [];
        for (const [j, cell] of (rowData.values ?? []).entries()) row[left + j] = cell;
        rows.set(top + i + 1, row);
      }
    }
    cells.set(sheet.properties?.title ?? '', rows);
  }
  return cells;
}

/** A cell's value as the bot reads values (UNFORMATTED_VALUE): its result, else what was entered. */
export function cellValueOf(cell: CellData | undefined): CellValue {
  const value = cell?.effectiveValue ?? cell?.userEnteredValue;
  if (!value) return null;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (typeof cell?.userEnteredValue?.formulaValue === 'string') return cell.userEnteredValue.formulaValue;
  return null;
}

/** A tab's header line as the batch left it, and the field each of its columns holds. */
function headerLine(
  rows: Map<number, CellData[]> | undefined,
  tab: TabKey,
  headerRow: number,
  synonyms: HeaderSynonyms,
): { headers: string[]; columns: Record<string, number> } {
  const headers = (rows?.get(headerRow) ?? []).map((cell) => cellText(cellValueOf(cell)));
  return { headers, columns: mapHeaders(tab, headers, synonyms).byField };
}

/** The A1 ranges a batch asks back: each touched tab's header row and target rows, and the scratch copies. */
export function checkRanges(targets: readonly CellTarget[], headerRowOf: (tab: TabKey) => number): string[] {
  const ranges = new Set<string>();
  for (const target of targets) {
    const header = headerRowOf(target.tab);
    ranges.add(`${quote(target.title)}!${header}:${header}`);
    ranges.add(`${quote(target.title)}!${target.row}:${target.row}`);
    ranges.add(`${quote(SCRATCH_TITLE)}!${target.row}:${target.row}`);
  }
  return [...ranges];
}

const quote = (title: string) => `'${title.replace(/'/g, "''")}'`;

/**
 * Where each target cell's write went and what it replaced, from the sheet
 * as the batch left it: the row's ID and the column's header must still be
 * the item and field planned, and the copy made just before must still hold
 * the value the change expected.
 */
export function judge(
  targets: readonly CellTarget[],
  after: SheetCells,
  headerRowOf: (tab: TabKey) => number,
  synonymsOf: (tab: TabKey) => HeaderSynonyms,
): Verdict[] {
  return targets.map((target) => {
    const rows = after.get(target.title);
    const { headers, columns } = headerLine(rows, target.tab, headerRowOf(target.tab), synonymsOf(target.tab));
    const row = rows?.get(target.row) ?? [];
    const item = columns.id === undefined ? '' : cellText(cellValueOf(row[columns.id]));
    const field =
      Object.entries(columns).find(([, column]) => column === target.column)?.[0] ?? headers[target.column] ?? '';
    const before = after.get(SCRATCH_TITLE)?.get(target.row)?.[target.column] ?? {};
    if (canonicalId(item) !== canonicalId(target.item) || field !== target.field)
      return { kind: 'misplaced', target, landedOn: { item, field }, before };
    const found = cellValueOf(before);
    return sameAsSeen(found, target.expected)
      ? { kind: 'ok', target, before }
      : { kind: 'conflict', target, found, before };
  });
}

/** A new item's row that shares its ID with another row once the batch landed (someone added the same ID meanwhile). */
export interface TakenId {
  write: number;
  tab: TabKey;
  title: string;
  row: number;
  column: number;
  id: string;
  /** Every ID the tab holds after the batch, canonical, to pick a free one. */
  keys: string[];
}

/**
 * New items whose ID another row holds too after the batch: a person (or
 * another bot) added the same next ID at the same moment. Our row is the
 * last one with that ID whose cells are the ones we added.
 */
export function takenIds(
  inserts: ReadonlyArray<{ write: number; tab: TabKey; title: string; values: Record<string, CellValue> }>,
  after: SheetCells,
  headerRowOf: (tab: TabKey) => number,
  synonymsOf: (tab: TabKey) => HeaderSynonyms,
): TakenId[] {
  return inserts.flatMap((insert) => {
    const rows = after.get(insert.title);
    if (!rows) return [];
    const { columns } = headerLine(rows, insert.tab, headerRowOf(insert.tab), synonymsOf(insert.tab));
    const idColumn = columns.id;
    if (idColumn === undefined) return [];
    const id = cellText(insert.values.id ?? null);
    const body = [...rows.entries()].filter(([row]) => row > headerRowOf(insert.tab));
    const same = body.filter(([, cells]) => canonicalId(cellText(cellValueOf(cells[idColumn]))) === canonicalId(id));
    if (same.length < 2) return [];
    const ours = same.filter(([, cells]) =>
      Object.entries(insert.values).every(
        ([field, value]) =>
          columns[field] === undefined || cellText(cellValueOf(cells[columns[field]!])) === cellText(value),
      ),
    );
    const mine = ours.at(-1);
    if (!mine) return [];
    const keys = body
      .map(([, cells]) => canonicalId(cellText(cellValueOf(cells[idColumn]))))
      .filter((key) => key !== '');
    return [{ write: insert.write, tab: insert.tab, title: insert.title, row: mine[0], column: idColumn, id, keys }];
  });
}
