import { type CellValue, cellText } from '../cell.js';
import type { PlanYear } from '../dates/plan-year.js';
import { REQUIRED_FIELDS } from './fields.js';
import type { MappedTab } from './mapped-tab.js';
import type { Problem, ProblemCode } from './problem.js';

/** One data row, with its cells by field. */
export interface FieldRow<F extends string> {
  row: number;
  values: Record<F, CellValue>;
}

/** A tab read by header text: its rows by field and what was wrong with its shape. */
export interface FieldTab<F extends string> {
  title: string;
  /** False when the tab is missing or lacks a column it cannot be read without. */
  usable: boolean;
  /** The header text as written in the sheet, for messages; the config's header for absent columns. */
  headerOf: (field: F) => string;
  has: (field: F) => boolean;
  rows: FieldRow<F>[];
  problems: Problem[];
  /** The year that dates written without one ("12 Jan", "Q4") fall in: the settings' planYear, when set. */
  planYear?: PlanYear | null;
}

/** Reads a mapped tab's rows into fields; columns it does not know stay untouched. */
export function readFieldTab<F extends string>(mapped: MappedTab, fields: readonly F[]): FieldTab<F> {
  const { tab: raw, synonyms, columns: byField } = mapped;
  const problems: Problem[] = [];
  for (const p of mapped.duplicates) {
    problems.push({
      code: 'column_duplicated',
      severity: 'warning',
      tab: raw.title,
      row: raw.headerRow,
      column: p.header,
      value: p.header,
      message: p.message,
    });
  }
  const headerOf = (field: F): string => {
    const column = byField[field];
    return column === undefined
      ? (synonyms[field]?.[0] ?? field)
      : (raw.headers[column] ?? field).replace(/\s+/g, ' ').trim();
  };
  const has = (field: F): boolean => byField[field] !== undefined;
  const severity = raw.key === 'risks' || raw.key === 'actions' ? 'error' : 'warning';
  if (!raw.found) {
    problems.push({
      code: 'tab_missing',
      severity,
      tab: raw.title,
      row: null,
      column: null,
      value: '',
      message: `the workbook has no "${raw.title}" tab`,
    });
    return { title: raw.title, usable: false, headerOf, has, rows: [], problems };
  }
  const missing = REQUIRED_FIELDS[raw.key].filter((field) => byField[field] === undefined);
  for (const field of missing) {
    const names = (synonyms[field] ?? [])
      .slice(0, 3)
      .map((s) => `"${s}"`)
      .join(' or ');
    problems.push({
      code: 'column_missing',
      severity,
      tab: raw.title,
      row: raw.headerRow,
      column: null,
      value: '',
      message: `no ${names} column in the header row, so the tab cannot be read`,
    });
  }
  if (missing.length > 0) return { title: raw.title, usable: false, headerOf, has, rows: [], problems };
  const rows = raw.rows.map((rawRow) => {
    const values = {} as Record<F, CellValue>;
    for (const field of fields) {
      const column = byField[field];
      values[field] = column === undefined ? null : (rawRow.cells[column] ?? null);
    }
    return { row: rawRow.row, values };
  });
  return { title: raw.title, usable: true, headerOf, has, rows, problems };
}

/** A problem located at one cell of a field tab. */
export function cellProblem<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  code: ProblemCode,
  severity: Problem['severity'],
  message: string,
): Problem {
  return {
    code,
    severity,
    tab: tab.title,
    row: row.row,
    column: tab.headerOf(field),
    value: cellText(row.values[field]),
    message,
  };
}
