import { compareText } from '../item-id.js';
import { clip } from '../text.js';
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

/** Longest cell text or message a problem keeps: it says where and what, the sheet holds the rest. */
const MAX_PROBLEM_TEXT = 300;

/** A problem whose quoted text is cut short, so a 100 KB cell gives a readable report, not 100 KB of it. */
export function shortenProblem(problem: Problem): Problem {
  if (problem.value.length <= MAX_PROBLEM_TEXT && problem.message.length <= 3 * MAX_PROBLEM_TEXT) return problem;
  // Messages quote the cell: cut the quote, keep what the message says about it.
  const message =
    problem.value.length > MAX_PROBLEM_TEXT
      ? problem.message.split(problem.value).join(clip(problem.value, MAX_PROBLEM_TEXT))
      : problem.message;
  return { ...problem, value: clip(problem.value, MAX_PROBLEM_TEXT), message: clip(message, 3 * MAX_PROBLEM_TEXT) };
}
