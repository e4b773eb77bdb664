import type { CellValue } from '../cell.js';
import type { PlanYear } from '../dates/plan-year.js';
import type { Scale } from '../items/scale.js';
import type { CellLook } from './cell-look.js';
import type { StatusWords } from './status-words.js';

/** The tabs of a register, by the role they play (their titles come from config). */
export type TabKey = 'risks' | 'actions' | 'people' | 'audit';
export const TAB_KEYS: readonly TabKey[] = ['risks', 'actions', 'people', 'audit'];

/** The two halves a register may keep: a risk log, a plan, or both. */
export type RegisterHalf = 'risks' | 'actions';
export const REGISTER_HALVES: readonly RegisterHalf[] = ['risks', 'actions'];

/** One data row as read: its 1-based sheet row number and its cells in column order. */
export interface RawRow {
  row: number;
  cells: CellValue[];
  /**
   * What the cells hold besides their values (formulas, number formats), by
   * column, where the store read them: a store reads them for a write, to
   * keep the sheet's own ways (cell-look.ts).
   */
  looks?: Array<CellLook | undefined>;
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
  /**
   * The bot's hidden snapshot tab as read with the register (snapshot-tab.ts):
   * what the register held at its last look, to see what people changed since.
   * Absent or null when the store keeps none yet.
   */
  snapshot?: CellValue[][] | null;
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
  /**
   * Present when the bot works the value out from other fields (a rating
   * from impact and probability), naming them: where the sheet works it out
   * itself with a formula, the formula is left to do it (see column-style.ts).
   */
  follows?: readonly string[];
}

/** Who the bot's own Audit log lines are by. */
export const BOT_WHO = 'risk-bot';

/** One line the bot writes to the Audit log tab. */
export interface AuditRecord {
  /** ISO timestamp with offset. */
  when: string;
  who: string;
  item: string;
  field: string;
  oldValue: string;
  newValue: string;
  /** 'sheet': a change a person made in the sheet itself, seen by comparing with the recorded snapshot (sheet-changes.ts). */
  via: 'command' | 'button' | 'modal' | 'console' | 'bot' | 'import' | 'sheet';
  note: string;
  /** The request that made the change (see WriteRequest.changeId); the store fills it in. */
  change?: string;
}

/** Header texts per field, first one being the header the bot writes; from config. */
export type HeaderSynonyms = Record<string, readonly string[]>;

/** Where a tab is and how its columns are named: its title, and the header words for each field. */
export interface TabLayout {
  title: string;
  headers: HeaderSynonyms;
  /** Status words of this register and what each means, over the built-in ones (risks and actions only). */
  statuses?: StatusWords;
}

/** What reading a register needs to know besides its cells: each tab's layout, and the board's scale. */
export interface RegisterLayout {
  tabs: Record<TabKey, TabLayout>;
  scale: Scale;
  /** The year dates written without one ("12 Jan", "Q4") fall in; null or absent, such dates are reported. */
  planYear?: PlanYear | null;
  /** The halves the register keeps (default both): a half it does not keep is neither looked for nor reported missing. */
  keeps?: readonly RegisterHalf[];
}
