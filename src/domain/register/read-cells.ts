import { cellText, type IsoDate, isBlank } from '../cell.js';
import { readSingleDate, readTimescale } from '../dates/timescale.js';
import { canonicalId } from '../item-id.js';
import type { Problem } from './problem.js';
import { cellProblem, type FieldRow, type FieldTab } from './read-tab.js';
import type { TargetDates } from './register.js';

/** The milestone that drives reminders: the next not yet passed, else the last (now overdue). */
export function nextMilestone(milestones: readonly string[], today: IsoDate): IsoDate | null {
  const sorted = [...milestones].sort();
  return sorted.find((date) => date >= today) ?? sorted[sorted.length - 1] ?? null;
}

/** A cell holding one date; an invalid one is reported and read as no date. */
export function readDateCell<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  problems: Problem[],
): IsoDate | null {
  const reading = readSingleDate(row.values[field]);
  if (reading.kind === 'date') return reading.date;
  if (reading.kind === 'invalid') problems.push(cellProblem(tab, row, field, 'date_invalid', 'error', reading.message));
  return null;
}

/** A free-text timescale cell; one that looks like a date but is not valid is reported, never guessed. */
export function readTimescaleCell<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  today: IsoDate,
  problems: Problem[],
): TargetDates {
  const text = cellText(row.values[field]);
  const reading = readTimescale(row.values[field]);
  if (reading.kind === 'invalid') {
    problems.push(cellProblem(tab, row, field, 'date_invalid', 'error', reading.message));
    return { text, milestones: [], targetDate: null };
  }
  const milestones = reading.kind === 'dates' ? reading.milestones : [];
  return { text, milestones, targetDate: nextMilestone(milestones, today) };
}

/** A date in the past or today; a later one is reported (a typo like "21.9.20" for "21.9.10"). */
export function readPastDateCell<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  today: IsoDate,
  problems: Problem[],
): IsoDate | null {
  const date = readDateCell(tab, row, field, problems);
  if (date !== null && date > today) {
    problems.push(
      cellProblem(
        tab,
        row,
        field,
        'date_in_future',
        'error',
        `${tab.headerOf(field)} ${date} is after today (${today}); is the year mistyped?`,
      ),
    );
  }
  return date;
}

/**
 * A risk's or action's ID as shown (spaces kept single) and as matched,
 * with its sheet row; null, with an error reported, when the row has none:
 * the bot could neither show nor update it.
 */
export function readRowId<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F | 'id'>,
  kind: 'risk' | 'action',
  problems: Problem[],
): { id: string; key: string; row: number } | null {
  const text = cellText(row.values.id);
  if (isBlank(row.values.id)) {
    const example = kind === 'risk' ? 'R-14' : 'A-20';
    const message = `this ${kind} has no ID, so the bot cannot show or update it; give it one like "${example}"`;
    problems.push(cellProblem(tab, row, 'id' as F, 'id_missing', 'error', message));
    return null;
  }
  return { id: text.replace(/\s+/g, ' '), key: canonicalId(text), row: row.row };
}
