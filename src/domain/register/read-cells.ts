import { cellText, type IsoDate, isBlank } from '../cell.js';
import { dateCellText, type InvalidDate, readSingleDate, readTimescale } from '../dates/timescale.js';
import { canonicalId } from '../item-id.js';
import type { Problem } from './problem.js';
import { cellProblem, type FieldRow, type FieldTab } from './read-tab.js';
import type { TargetDates } from './register.js';

/** The milestone that drives reminders: the next not yet passed, else the last (now overdue). */
export function nextMilestone(milestones: readonly string[], today: IsoDate): IsoDate | null {
  const sorted = [...milestones].sort();
  return sorted.find((date) => date >= today) ?? sorted[sorted.length - 1] ?? null;
}

// A date without its year is the register's to fix, or the settings' to place: the problem says both.
const PLAN_YEAR_HINT =
  ', or set "planYear" in the settings to the year the plan is for (a calendar year like "2027" or a financial year like "2026/27")';

/** A problem about a date cell, quoting a date serial as the date a person sees, not the number underneath. */
function dateProblem<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  code: 'date_invalid' | 'date_in_future',
  message: string,
): Problem {
  return { ...cellProblem(tab, row, field, code, 'error', message), value: dateCellText(row.values[field]) };
}

function invalidDateProblem<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  reading: InvalidDate,
): Problem {
  return dateProblem(
    tab,
    row,
    field,
    'date_invalid',
    reading.noYear ? `${reading.message}${PLAN_YEAR_HINT}` : reading.message,
  );
}

/** A cell holding one date; an invalid one is reported and read as no date. */
export function readDateCell<F extends string>(
  tab: FieldTab<F>,
  row: FieldRow<F>,
  field: F,
  problems: Problem[],
): IsoDate | null {
  const reading = readSingleDate(row.values[field], { planYear: tab.planYear });
  if (reading.kind === 'date') return reading.date;
  if (reading.kind === 'invalid') problems.push(invalidDateProblem(tab, row, field, reading));
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
  const text = dateCellText(row.values[field]);
  const reading = readTimescale(row.values[field], { planYear: tab.planYear });
  if (reading.kind === 'invalid') {
    problems.push(invalidDateProblem(tab, row, field, reading));
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
      dateProblem(
        tab,
        row,
        field,
        'date_in_future',
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
