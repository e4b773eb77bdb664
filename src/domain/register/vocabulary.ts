import { type CellValue, cellText } from '../cell.js';

/**
 * The status words the bot itself writes (and offers in a new sheet's
 * drop-downs). Registers use many more: status-words.ts says what each means.
 */
export const RISK_STATUSES = ['Open', 'Closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const ACTION_STATUSES = ['Not started', 'In progress', 'Blocked', 'Done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const TRENDS = ['Increasing', 'Decreasing', 'No Change'] as const;
export type Trend = (typeof TRENDS)[number];

function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** Words people type for each word the bot writes; the word itself is always accepted too. */
const RISK_STATUS_WORDS: Record<string, RiskStatus> = {
  open: 'Open',
  live: 'Open',
  active: 'Open',
  closed: 'Closed',
  close: 'Closed',
  resolved: 'Closed',
};
const ACTION_STATUS_WORDS: Record<string, ActionStatus> = {
  notstarted: 'Not started',
  todo: 'Not started',
  planned: 'Not started',
  notyetstarted: 'Not started',
  inprogress: 'In progress',
  started: 'In progress',
  ongoing: 'In progress',
  underway: 'In progress',
  wip: 'In progress',
  blocked: 'Blocked',
  stuck: 'Blocked',
  done: 'Done',
  complete: 'Done',
  completed: 'Done',
  finished: 'Done',
  closed: 'Done',
};
const TREND_WORDS: Record<string, Trend> = {
  increasing: 'Increasing',
  up: 'Increasing',
  rising: 'Increasing',
  worse: 'Increasing',
  worsening: 'Increasing',
  decreasing: 'Decreasing',
  down: 'Decreasing',
  falling: 'Decreasing',
  better: 'Decreasing',
  improving: 'Decreasing',
  nochange: 'No Change',
  same: 'No Change',
  stable: 'No Change',
  unchanged: 'No Change',
  static: 'No Change',
};

export type VocabularyReading<T> = { kind: 'value'; value: T } | { kind: 'none' } | { kind: 'unknown'; text: string };

function reader<T extends string>(words: Record<string, T>) {
  return (value: CellValue): VocabularyReading<T> => {
    const text = cellText(value);
    if (text === '') return { kind: 'none' };
    const found = words[key(text)];
    return found === undefined ? { kind: 'unknown', text } : { kind: 'value', value: found };
  };
}

/** The word the bot writes for a risk's typed status (Open or Closed), case- and spacing-insensitive. */
export const readRiskStatus = reader(RISK_STATUS_WORDS);
/** The word the bot writes for an action's typed status: Not started, In progress, Blocked or Done. */
export const readActionStatus = reader(ACTION_STATUS_WORDS);
/** Reads a risk's trend: Increasing, Decreasing or No Change, with common synonyms. */
export const readTrend = reader(TREND_WORDS);
