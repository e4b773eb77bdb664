import { cellText, type IsoDate } from '../cell.js';
import type { ItemStatus } from './item-status.js';
import type { Problem } from './problem.js';
import { type Rag, readRag } from './rag.js';
import { readDateCell } from './read-cells.js';
import { cellProblem, type FieldRow, type FieldTab } from './read-tab.js';
import { lookupStatus, type StatusVocabulary } from './status-vocabulary.js';
import { STATUS_STATES } from './status-words.js';
import { readTrend } from './vocabulary.js';

type StatusField = 'status' | 'rag' | 'dateClosed';

function readRagCell(tab: FieldTab<StatusField>, row: FieldRow<StatusField>, problems: Problem[]): Rag | null {
  const reading = readRag(row.values.rag);
  if (reading.kind === 'unknown')
    problems.push(
      cellProblem(
        tab,
        row,
        'rag',
        'value_unknown',
        'warning',
        `RAG is Red, Amber, Green or Blue, not "${reading.text}"`,
      ),
    );
  return reading.kind === 'rag' ? reading.rag : null;
}

function readDateClosed(
  tab: FieldTab<StatusField>,
  row: FieldRow<StatusField>,
  today: IsoDate,
  problems: Problem[],
): IsoDate | null {
  const date = readDateCell(tab, row, 'dateClosed', problems);
  if (date === null || date <= today) return date;
  // A closing date ahead is a plan, not a fact: some templates keep planned completion under such a header.
  problems.push(
    cellProblem(
      tab,
      row,
      'dateClosed',
      'date_in_future',
      'warning',
      `${tab.headerOf('dateClosed')} ${date} is after today (${today}), so it does not close the item; if this column holds planned dates, map it to the target date in settings`,
    ),
  );
  return null;
}

function unknownWord(text: string, kind: 'risks' | 'actions'): string {
  const trend =
    kind === 'risks' && readTrend(text).kind === 'value'
      ? ' It looks like a trend: add a Trend column, or map this column to trend in settings.'
      : '';
  return `"${text}" is not a status the bot knows, so it is read as open; to say what it means, add "${text}": "open" (or ${STATUS_STATES.slice(
    1,
  )
    .map((s) => `"${s}"`)
    .join(' or ')}) under tabs.${kind}.statuses in settings.${trend}`;
}

/**
 * Reads an item's status, RAG and Date closed into one state. A date closed
 * (today or earlier) closes the item whatever the word says; otherwise the
 * word decides; a blank status falls back on a Blue RAG or 100% progress, and
 * else the item is open. Unknown words are reported with the settings line
 * that would map them, and read as open, so nothing drops out of reminders.
 */
export function readItemStatus(
  tab: FieldTab<StatusField>,
  row: FieldRow<StatusField>,
  kind: 'risks' | 'actions',
  vocabulary: StatusVocabulary,
  today: IsoDate,
  progress: number | null,
  problems: Problem[],
): ItemStatus {
  const text = cellText(row.values.status);
  const known = text === '' ? undefined : lookupStatus(vocabulary, text);
  // A Status column holding traffic-light colours is a RAG column by another name.
  const statusRag = text !== '' && known === undefined ? readRag(text) : ({ kind: 'none' } as const);
  const rag = readRagCell(tab, row, problems) ?? (statusRag.kind === 'rag' ? statusRag.rag : null);
  const dateClosed = readDateClosed(tab, row, today, problems);
  const status = known?.word ?? (statusRag.kind === 'rag' ? '' : text);
  const base = { status, rag, dateClosed };
  if (dateClosed !== null) return { ...base, state: 'closed', stateFrom: 'date-closed' };
  if (known !== undefined) return { ...base, state: known.state, stateFrom: 'word' };
  if (status !== '') {
    problems.push(cellProblem(tab, row, 'status', 'value_unknown', 'warning', unknownWord(text, kind)));
    return { ...base, state: 'open', stateFrom: 'unknown' };
  }
  if (rag === 'Blue') return { ...base, state: 'closed', stateFrom: 'rag' };
  if (progress === 100) return { ...base, state: 'closed', stateFrom: 'progress' };
  return { ...base, state: 'open', stateFrom: 'none' };
}
