import { cellText, type IsoDate } from '../cell.js';
import { canonicalId } from '../item-id.js';
import type { ActionField } from './fields.js';
import type { Problem } from './problem.js';
import { readDateCell, readPastDateCell, readRowId, readTimescaleCell } from './read-cells.js';
import { readItemStatus } from './read-status.js';
import { cellProblem, type FieldRow, type FieldTab } from './read-tab.js';
import type { Action, TargetDates } from './register.js';
import type { StatusVocabulary } from './status-vocabulary.js';

function readCount(
  tab: FieldTab<ActionField>,
  row: FieldRow<ActionField>,
  field: ActionField,
  problems: Problem[],
): number | null {
  const text = cellText(row.values[field]).replace(/%$/, '').trim();
  if (text === '') return null;
  const number = Number(text);
  if (Number.isFinite(number) && number >= 0) return number;
  problems.push(
    cellProblem(
      tab,
      row,
      field,
      'number_invalid',
      'warning',
      `${tab.headerOf(field)} must be a number, not "${cellText(row.values[field])}"`,
    ),
  );
  return null;
}

function readProgress(tab: FieldTab<ActionField>, row: FieldRow<ActionField>, problems: Problem[]): number | null {
  const raw = readCount(tab, row, 'progress', problems);
  if (raw === null) return null;
  // A cell formatted as a percentage holds 0.45 for 45%.
  const percent =
    raw > 0 && raw <= 1 && !cellText(row.values.progress).endsWith('%') && typeof row.values.progress === 'number'
      ? raw * 100
      : raw;
  if (percent > 100) {
    problems.push(
      cellProblem(
        tab,
        row,
        'progress',
        'number_invalid',
        'warning',
        `progress must be 0 to 100%, not ${cellText(row.values.progress)}`,
      ),
    );
    return null;
  }
  return Math.round(percent);
}

/** An explicit Target date (set when a date was moved) wins over the timescale text. */
function readTarget(
  tab: FieldTab<ActionField>,
  row: FieldRow<ActionField>,
  today: IsoDate,
  problems: Problem[],
): TargetDates {
  const fromTimescale = readTimescaleCell(tab, row, 'timescale', today, problems);
  const explicit = readDateCell(tab, row, 'targetDate', problems);
  return explicit === null ? fromTimescale : { ...fromTimescale, targetDate: explicit };
}

/** Splits "R-1, R 3; r4" into canonical risk IDs. */
export function readLinkedRisks(text: string): string[] {
  return text
    .split(/[,;/\n]+|\s+and\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(canonicalId);
}

/**
 * Reads one Actions row into an Action, its status words read with
 * `statuses`, reporting what is wrong with it; null when it has no ID.
 */
export function readActionRow(
  tab: FieldTab<ActionField>,
  row: FieldRow<ActionField>,
  statuses: StatusVocabulary,
  today: IsoDate,
  problems: Problem[],
): Action | null {
  const v = row.values;
  const identity = readRowId(tab, row, 'action', problems);
  if (identity === null) return null;
  const progress = readProgress(tab, row, problems);
  return {
    kind: 'action',
    ...identity,
    action: cellText(v.action),
    lead: cellText(v.lead),
    coDependencies: cellText(v.coDependencies),
    resources: cellText(v.resources),
    successCriteria: cellText(v.successCriteria),
    target: readTarget(tab, row, today, problems),
    originalTargetDate: readDateCell(tab, row, 'originalTargetDate', problems),
    timesSlipped: readCount(tab, row, 'timesSlipped', problems) ?? 0,
    progress,
    ...readItemStatus(tab, row, 'actions', statuses, today, progress, problems),
    latestNote: cellText(v.latestNote),
    dateLastUpdated: readPastDateCell(tab, row, 'dateLastUpdated', today, problems),
    linkedRisks: readLinkedRisks(cellText(v.linkedRisks)),
    cells: v,
  };
}
