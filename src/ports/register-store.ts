import type { CellValue } from '../domain/cell.js';

/** The tabs of a register, by the role they play (their titles come from config). */
export type TabKey = 'risks' | 'actions' | 'people' | 'audit';
export const TAB_KEYS: readonly TabKey[] = ['risks', 'actions', 'people', 'audit'];

/** One data row as read: its 1-based sheet row number and its cells in column order. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

/** One tab as read, headers untouched; `found` is false when the workbook lacks the tab. */
export interface RawTab {
  key: TabKey;
  title: string;
  found: boolean;
  /** 1-based row of the header line (the first non-blank row). */
  headerRow: number;
  headers: string[];
  rows: RawRow[];
}

/** The whole register as one read returns it. */
export interface RawRegister {
  /** Where it came from, for messages and links: a file path or the sheet's URL. */
  source: string;
  tabs: Record<TabKey, RawTab>;
}

/**
 * A change to one cell of an item, with the value the user saw. The store
 * refuses the whole write when the sheet no longer holds `expected`, so a
 * human's edit is never overwritten by a stale copy.
 */
export interface CellChange {
  field: string;
  expected: CellValue;
  value: CellValue;
}

export interface RowUpdate {
  tab: 'risks' | 'actions';
  /** The item's ID as the user gave it; matched by canonical ID, never by row number. */
  id: string;
  changes: CellChange[];
}

/** A new item; `values` are by field key. The store refuses it if the ID exists already. */
export interface RowInsert {
  tab: 'risks' | 'actions' | 'people';
  values: Record<string, CellValue>;
}

/** One line of the Audit log tab. */
export interface AuditRecord {
  /** ISO timestamp with offset. */
  when: string;
  who: string;
  item: string;
  field: string;
  oldValue: string;
  newValue: string;
  via: 'command' | 'button' | 'modal' | 'console' | 'bot' | 'import';
  note: string;
  /** The request that made the change (see WriteRequest.changeId); the store fills it in. */
  change?: string;
}

/** Everything one user action writes; a store applies all of it or nothing. */
export interface WriteRequest {
  updates: RowUpdate[];
  inserts: RowInsert[];
  audit: AuditRecord[];
  /**
   * Names the request behind the write (a Slack delivery), for exactly once:
   * written in each of its Audit log lines, and a write whose ID the Audit
   * log already holds is refused as `already_applied`, nothing written.
   */
  changeId?: string;
}

export interface WriteResult {
  /** Cells written, as `tab!A1` references, for logs and tests. */
  cellsWritten: string[];
  auditRowsAppended: number;
}

/**
 * Where the register lives: a local .xlsx workbook or a Google Sheet.
 * Writes fail with a DomainError: `item_not_found`, `item_duplicated`,
 * `item_exists`, `conflict`, `sheet_schema_invalid`, `rate_limited`,
 * `unavailable`, `store_failed` or `already_applied`; in every case nothing was written.
 */
export interface RegisterStore {
  load(): Promise<RawRegister>;
  write(request: WriteRequest): Promise<WriteResult>;
}
