import { compareText } from './item-id.js';
/**
 * A data-quality problem, naming where it is so a person can fix the sheet:
 * the tab's title, the 1-based row, the column's header text and the cell's text.
 */
export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  tab: string;
  row: number | null;
  column: string | null;
  value: string;
  message: string;
}

export type ProblemCode =
  | 'tab_missing'
  | 'column_missing'
  | 'column_duplicated'
  | 'id_missing'
  | 'id_duplicated'
  | 'date_invalid'
  | 'date_in_future'
  | 'level_invalid'
  | 'rating_mismatch'
  | 'band_mismatch'
  | 'owner_missing'
  | 'owner_unknown'
  | 'value_unknown'
  | 'number_invalid';

/** Problems in the order a person would fix them: by tab, then row. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareText(a.tab, b.tab) || (a.row ?? 0) - (b.row ?? 0));
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
