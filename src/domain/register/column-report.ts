import { ON_DEMAND_FIELDS, TAB_FIELDS } from './fields.js';
import { columnLetter, type UnusedColumn } from './header-map.js';
import type { MappedTab } from './mapped-tab.js';
import type { TabKey } from './raw-register.js';

/** A column of a tab that no field reads, by its letter and header as the sheet has them. */
export interface ColumnNotUsed {
  letter: string;
  header: string;
  /** The field this header is another name for, when that field is read from another column. */
  alsoNames?: string;
}

/** A field looked for on a tab and not found, with the header names tried, first the one the bot writes. */
export interface FieldNotFound {
  field: string;
  triedNames: readonly string[];
}

/**
 * What `check` says of one tab's columns: the ones the bot leaves alone and
 * the fields it looked for and did not find, so that a person can map one to
 * the other in settings.
 */
export interface TabColumnReport {
  key: TabKey;
  title: string;
  headerRow: number;
  notUsed: ColumnNotUsed[];
  notFound: FieldNotFound[];
}

const notUsed = (column: UnusedColumn): ColumnNotUsed => ({
  letter: columnLetter(column.column),
  header: column.header.replace(/\s+/g, ' ').trim(),
  ...(column.alsoNames === undefined ? {} : { alsoNames: column.alsoNames }),
});

/** The column report of a tab that was found; the Audit log is the bot's own and is not reported. */
export function tabColumnReport(mapped: MappedTab): TabColumnReport | null {
  const { tab } = mapped;
  if (!tab.found || tab.key === 'audit') return null;
  const fields: readonly string[] = TAB_FIELDS[tab.key];
  return {
    key: tab.key,
    title: tab.title,
    headerRow: tab.headerRow,
    notUsed: mapped.unused.map(notUsed),
    notFound: fields
      .filter((field) => mapped.columns[field] === undefined && !ON_DEMAND_FIELDS.has(field))
      .map((field) => ({ field, triedNames: mapped.synonyms[field] ?? [] })),
  };
}
