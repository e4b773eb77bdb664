import type { CellValue } from '../domain/cell.js';
import type { MappedTab } from '../domain/register/mapped-tab.js';
import type { AuditRecord, CellChange, RawRegister, TabKey } from '../domain/register/raw-register.js';

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
  /**
   * Fields the person gave that must land, each a field or fields any one of
   * which will do (a target date goes in Timescale or Target date): one with
   * a value and no column refuses the row, naming the column to add, rather
   * than dropping what they said. Fields the bot works out are left out of it.
   */
  required?: ReadonlyArray<string | readonly string[]>;
}

/** Everything one user action writes; a store applies all of it or nothing. */
export interface WriteRequest {
  updates: RowUpdate[];
  inserts: RowInsert[];
  audit: AuditRecord[];
  /**
   * The scale's words for each level of a field (impact, probability), 1
   * first: where the column holds words ("Possible", "4 - Likely"), a level
   * is written in the column's way, not as its number.
   */
  levelWords?: Partial<Record<string, readonly string[]>>;
  /**
   * Names the request behind the write (a Slack delivery), for exactly once:
   * written in each of its Audit log lines, and a write whose ID the Audit
   * log already holds is refused as `already_applied`, nothing written.
   */
  changeId?: string;
  /**
   * A check made on the very read the write is planned against (e.g. that
   * the person may still change the item, as People says now); it throws a
   * DomainError to refuse the write, nothing written.
   */
  precondition?: (tabs: Record<TabKey, MappedTab>) => void;
  /**
   * The updates and Audit lines worked out again on the write's own read,
   * in place of `updates` and `audit`: a command states the value a person
   * wants ("probability 2"), so it applies to what the sheet holds when the
   * write is made (the Audit log's old value is that value; a rating is
   * worked out from the impact there then), and is not refused because
   * someone changed the item after the bot's last read. Forms leave it out:
   * the person saw the values they changed, so a change since is a conflict.
   */
  replan?: (tabs: Record<TabKey, MappedTab>) => Pick<WriteRequest, 'updates' | 'audit'>;
  /**
   * Rows to put in the bot's hidden snapshot tab in place of what it holds
   * (made, hidden, when missing), with the rest of this write: what the
   * register holds as of this write, to see later what people changed.
   */
  snapshot?: CellValue[][];
}

export interface WriteResult {
  /** Cells written, as `tab!A1` references, for logs and tests. */
  cellsWritten: string[];
  auditRowsAppended: number;
  /**
   * The request's Audit log lines as written: each new value as the cell
   * now shows it ("Possible", not 3; "01/12/2026" in a column of such text),
   * so a reply can say exactly what was written.
   */
  audit?: AuditRecord[];
  /** New items that had to take another ID (someone added theirs at the same moment): the ID asked for → the ID given. */
  renamed?: Record<string, string>;
}

/**
 * Where the register lives: a local .xlsx workbook or a Google Sheet.
 * Writes fail with a DomainError: `item_not_found`, `item_duplicated`,
 * `item_exists`, `conflict`, `sheet_schema_invalid`, `rate_limited`,
 * `unavailable`, `store_failed`, `already_applied` or `read_only` (a CSV register); in every case nothing was written.
 */
export interface RegisterStore {
  load(): Promise<RawRegister>;
  write(request: WriteRequest): Promise<WriteResult>;
  /**
   * The bot's hidden snapshot tab read on its own (null when there is none),
   * for a store whose load may come without it (`RawRegister.snapshot`
   * undefined); a store that keeps no snapshot (a CSV register) has none.
   */
  snapshotTab?(): Promise<CellValue[][] | null>;
}
