import { type CellValue, cellText, isBlank } from '../../domain/cell.js';
import { dateCellText } from '../../domain/dates/timescale.js';
import { DomainError } from '../../domain/domain-error.js';
import type { NumberFormat } from '../../domain/register/cell-look.js';
import { DATE_FIELDS, ON_DEMAND_FIELDS, TAB_FIELDS } from '../../domain/register/fields.js';
import { rowsWithId } from '../../domain/register/find-by-id.js';
import { columnLetter } from '../../domain/register/header-map.js';
import type { MappedTab } from '../../domain/register/mapped-tab.js';
import type { AuditRecord, RawTab, TabKey } from '../../domain/register/raw-register.js';
import type { RowInsert, RowUpdate, WriteRequest } from '../../ports/register-store.js';
import { type LevelWords, planCell, planNewCell, shownBefore } from './keep-conventions.js';
import { lastUsedRow, locateRow, requireColumn, requireGivenColumns, requireTab, sameAsSeen } from './locate-row.js';

/** One cell to set: 1-based row, 0-based column, and the field its column holds. */
export interface CellWrite {
  tab: TabKey;
  row: number;
  column: number;
  field: string;
  value: CellValue;
  isDate: boolean;
  /** The number format to give the cell (the column's own), or none to leave its format as it is. */
  numberFormat?: NumberFormat;
  /** A formula to write instead of the value: a new row's copy of the row above's, filled down. */
  formula?: string;
  /** The cell is the field's new header (an Audit log column added). */
  header?: boolean;
  /** For a change to an item's cell: the item's ID as asked, and the value the change expects to replace. */
  item?: string;
  expected?: CellValue;
}

/** Everything a write request changes, worked out and checked before anything is touched. */
export interface WritePlan {
  /** Cells of updated and inserted items. */
  cells: CellWrite[];
  /** Rows added by inserts, each with the data row whose look it copies (0 when there is none). */
  insertedRows: Array<{ tab: TabKey; row: number; styleFrom: number }>;
  /** The audit tab's new header cells (if any) and appended rows. */
  audit: CellWrite[];
  createAuditTab: boolean;
  auditRowsAppended: number;
  /** The request's Audit log lines as written: new values as the cells now show them. */
  auditRecords: AuditRecord[];
}

/** The field that names a row of each tab an insert can target. */
const KEY_FIELD: Record<RowInsert['tab'], string> = { risks: 'id', actions: 'id', people: 'name' };

/** A cell's value as a person sees it: a date column's serial as its date, not the number stored. */
function shown(field: string, value: CellValue): string {
  return DATE_FIELDS.has(field) ? dateCellText(value) : cellText(value);
}

/** An A1 reference; a title with anything but letters, digits and _ is quoted, as Sheets does. */
export function a1Ref(title: string, row: number, column: number): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetter(column)}${row}`;
}

/** What each update wrote, by item and field, as the cell shows it; a cell left to its formula is not there. */
type Shown = Map<string, { before: string; after: string }>;
const shownKey = (item: string, field: string) => `${item}\u0000${field}`;

function planUpdate(
  mapped: MappedTab,
  update: RowUpdate,
  levelWords: LevelWords | undefined,
  shownOf: Shown,
): CellWrite[] {
  const row = locateRow(mapped, update.id);
  return update.changes.flatMap((change): CellWrite[] => {
    const column = requireColumn(mapped, change.field);
    const actual = row.cells[column] ?? null;
    if (!sameAsSeen(actual, change.expected)) {
      const { title } = mapped.tab;
      throw new DomainError(
        'conflict',
        `${update.id} ${mapped.synonyms[change.field]?.[0] ?? change.field} in "${title}" row ${row.row} was changed ` +
          `since it was read: expected "${shown(change.field, change.expected)}", now "${shown(change.field, actual)}". Nothing was written: look again and retry.`,
        { tab: title, id: update.id, field: change.field, expected: change.expected, actual },
      );
    }
    const planned = planCell(mapped, row, column, change, update.id, levelWords, update.changes);
    if (planned.kind === 'formula') return [];
    const { styled } = planned;
    shownOf.set(shownKey(update.id, change.field), {
      before: shownBefore(change.field, actual, levelWords),
      after: styled.shown,
    });
    return [
      {
        tab: update.tab,
        row: row.row,
        column,
        field: change.field,
        value: styled.value,
        isDate: DATE_FIELDS.has(change.field),
        ...(styled.numberFormat ? { numberFormat: styled.numberFormat } : {}),
        item: update.id,
        expected: change.expected,
      },
    ];
  });
}

function planInserts(
  mappedOf: (tab: TabKey) => MappedTab,
  inserts: readonly RowInsert[],
  levelWords: LevelWords | undefined,
): Pick<WritePlan, 'cells' | 'insertedRows'> {
  const cells: CellWrite[] = [];
  const insertedRows: WritePlan['insertedRows'] = [];
  const nextRow = new Map<TabKey, number>();
  const added = new Map<TabKey, RawTab['rows']>();
  for (const insert of inserts) {
    const mapped = mappedOf(insert.tab);
    const keyField = KEY_FIELD[insert.tab];
    const keyColumn = requireColumn(mapped, keyField);
    const id = cellText(insert.values[keyField]);
    const { title } = mapped.tab;
    if (id === '') {
      throw new DomainError(
        'invalid_value',
        `A new row for "${title}" needs a ${mapped.synonyms[keyField]?.[0] ?? keyField}`,
        {
          tab: title,
          field: keyField,
        },
      );
    }
    // New rows of this request count too, so one request cannot add the same ID twice.
    const rows = [...mapped.tab.rows, ...(added.get(insert.tab) ?? [])];
    const existing = rowsWithId(rows, (row) => cellText(row.cells[keyColumn]), id)[0];
    if (existing) {
      throw new DomainError('item_exists', `"${title}" already has "${id}" in row ${existing.row}`, {
        tab: title,
        id,
        row: existing.row,
      });
    }
    const last = lastUsedRow(mapped.tab);
    const row = (nextRow.get(insert.tab) ?? last) + 1;
    nextRow.set(insert.tab, row);
    const styleFrom = last > mapped.tab.headerRow ? last : 0;
    insertedRows.push({ tab: insert.tab, row, styleFrom });
    requireGivenColumns(mapped, insert);
    const rowCells: CellValue[] = [];
    for (const [field, value] of Object.entries(insert.values)) {
      const column = mapped.columns[field];
      // Fields the sheet has no column for are left out: the bot never adds columns to a human's table.
      if (column === undefined || isBlank(value)) continue;
      const cell = planNewCell(mapped, row, styleFrom, column, field, value, levelWords);
      rowCells[column] = cell.value;
      cells.push({ tab: insert.tab, row, column, field, isDate: DATE_FIELDS.has(field), ...cell });
    }
    added.set(insert.tab, [...(added.get(insert.tab) ?? []), { row, cells: rowCells }]);
  }
  return { cells, insertedRows };
}

/**
 * Audit rows go after the last row with text. A missing audit tab is created,
 * and audit fields without a column get one at the end of the header line,
 * because an audit trail that silently drops "who" or "old value" is worse
 * than an extra column.
 */
function planAudit(audit: MappedTab, records: readonly AuditRecord[]): CellWrite[] {
  if (records.length === 0) return [];
  const { tab, synonyms } = audit;
  const headerRow = tab.headerRow || 1;
  const headers = [...tab.headers];
  const columns = { ...audit.columns };
  const cells: CellWrite[] = [];
  for (const field of TAB_FIELDS.audit) {
    const header = synonyms[field]?.[0];
    if (columns[field] !== undefined || header === undefined) continue;
    if (ON_DEMAND_FIELDS.has(field) && records.every((record) => (record[field] ?? '') === '')) continue;
    columns[field] = headers.push(header) - 1;
    cells.push({
      tab: 'audit',
      row: headerRow,
      column: columns[field],
      field,
      value: header,
      isDate: false,
      header: true,
    });
  }
  let row = Math.max(lastUsedRow(tab), headerRow);
  for (const record of records) {
    row += 1;
    for (const field of TAB_FIELDS.audit) {
      const column = columns[field];
      const value = record[field] ?? '';
      if (column !== undefined && value !== '') cells.push({ tab: 'audit', row, column, field, value, isDate: false });
    }
  }
  return cells;
}

/** Whether the Audit log holds a line written for the request `changeId` names: that request was applied. */
export function auditHasChange(audit: MappedTab, changeId: string): boolean {
  if (!audit.tab.found) return false;
  const column = audit.columns.change;
  return column !== undefined && audit.tab.rows.some((row) => cellText(row.cells[column]) === changeId);
}

/**
 * Works out every cell a write request sets, against the register as it is
 * now (one fresh read, its tabs mapped once), and checks all of it first: a
 * request applied before (a Slack retry or replay, even after a restart), an
 * unknown or duplicated ID, a missing column, a cell a human changed since
 * the user saw it, or an ID that exists already refuses the whole request
 * before anything is written.
 */
export function planWrite(tabs: Record<TabKey, MappedTab>, asked: WriteRequest): WritePlan {
  const { changeId } = asked;
  if (changeId !== undefined && auditHasChange(tabs.audit, changeId)) {
    throw new DomainError(
      'already_applied',
      'That request was already carried out (the Audit log records it), so it was not made again.',
      { changeId },
    );
  }
  asked.precondition?.(tabs);
  const request = asked.replan ? { ...asked, ...asked.replan(tabs) } : asked;
  const mappedOf = (key: TabKey): MappedTab => requireTab(tabs[key]);
  const shownOf: Shown = new Map();
  const updated = request.updates.flatMap((update) =>
    planUpdate(mappedOf(update.tab), update, request.levelWords, shownOf),
  );
  const inserted = planInserts(mappedOf, request.inserts, request.levelWords);
  // Each line says what the cell showed and shows now, in the column's way ("Possible", "01/12/2026", "90%").
  const records = request.audit.map((record) => {
    const shown = shownOf.get(shownKey(record.item, record.field));
    return shown === undefined
      ? record
      : { ...record, oldValue: shown.before || record.oldValue, newValue: shown.after };
  });
  return {
    cells: [...updated, ...inserted.cells],
    insertedRows: inserted.insertedRows,
    audit: planAudit(
      tabs.audit,
      changeId === undefined ? records : records.map((record) => ({ ...record, change: changeId })),
    ),
    createAuditTab: request.audit.length > 0 && !tabs.audit.tab.found,
    auditRowsAppended: request.audit.length,
    auditRecords: records,
  };
}
