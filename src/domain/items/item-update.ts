import { type IsoDate, isBlank } from '../cell.js';
import { isoDateToSerial, readSingleDate } from '../dates/timescale.js';
import { DomainError } from '../domain-error.js';
import type { AuditRecord, CellChange } from '../register/raw-register.js';
import type { Action, Item, Register, Risk } from '../register/register.js';
import { lookupStatus, type StatusWord } from '../register/status-vocabulary.js';
import { readActionStatus, readRiskStatus, readTrend } from '../register/vocabulary.js';
import { ChangeSet } from './change-set.js';
import { bandFor, ratingOf, readLevel, topBand } from './rating.js';
import type { Band, Scale } from './scale.js';
import { slipCells, trendBetween } from './slip-and-trend.js';

/** A change as the user asked for it: a field and the value as typed. */
export interface RequestedChange {
  field: 'impact' | 'probability' | 'status' | 'trend' | 'progress' | 'targetDate' | 'owner';
  value: string;
}

export interface ItemUpdateInput {
  item: Item;
  register: Pick<Register, 'columns' | 'statuses'>;
  changes: readonly RequestedChange[];
  note: string | null;
  scale: Scale;
  today: IsoDate;
  /** ISO timestamp of the change, for the Audit log. */
  now: string;
  who: string;
  via: AuditRecord['via'];
}

/** What an update writes, and what it means for the rating. */
export interface ItemUpdate {
  changes: CellChange[];
  audit: AuditRecord[];
  rating: { before: number | null; after: number | null; band: Band | null; enteredTopBand: boolean };
}

/** The fields a rating is worked out from. */
const LEVELS: readonly string[] = ['impact', 'probability'];

/** Longest note kept: Sheets holds 50,000 characters a cell, and a digest line should stay readable. */
export const MAX_NOTE_LENGTH = 10_000;

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('invalid_value', message, details);

/** Text as typed, safe to store: control characters (which corrupt the sheet's text and Slack messages) become spaces; tabs and newlines stay. */
export const cleanText = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trim();

/** An owner or lead as typed: a name or a role, never a paragraph. */
export const MAX_OWNER_LENGTH = 200;
function ownerName(value: string): string {
  const name = cleanText(value);
  if (name.length > MAX_OWNER_LENGTH)
    throw invalid(`an owner is a name or a role, under ${MAX_OWNER_LENGTH} characters (this one is ${name.length})`, {
      field: 'owner',
    });
  return name;
}

function level(value: string, axis: 'impact' | 'probability', scale: Scale): number {
  const reading = readLevel(value, axis, scale);
  if (reading.kind !== 'level')
    throw invalid(reading.kind === 'invalid' ? reading.message : `give ${axis} a value from 1 to ${scale[axis].max}`, {
      field: axis,
    });
  return reading.level;
}

function targetDate(value: string): IsoDate {
  const reading = readSingleDate(value);
  if (reading.kind === 'date') return reading.date;
  throw invalid(
    reading.kind === 'invalid'
      ? reading.message
      : `"${value}" is not a date; write it like 31/03/2027, 31 March 2027 or Mar 2027`,
    { field: 'targetDate' },
  );
}

/**
 * The status word to write for what the user typed. The bot's own words stay
 * what it writes ("closed" is Closed for a risk and Done for an action);
 * any other word the register's vocabulary knows ("accepted", "on hold") is
 * written as the vocabulary spells it.
 */
function statusWord(item: Item, value: string, input: ItemUpdateInput): StatusWord {
  const own = item.kind === 'risk' ? readRiskStatus(value) : readActionStatus(value);
  const vocabulary = item.kind === 'risk' ? input.register.statuses.risks : input.register.statuses.actions;
  const found = lookupStatus(vocabulary, own.kind === 'value' ? own.value : value);
  if (found !== undefined) return found;
  throw invalid(
    item.kind === 'risk'
      ? `a risk's status is Open or Closed, or a word like Accepted, Monitoring or Transferred (tabs.risks.statuses in settings adds the register's own), not "${value}"`
      : `an action's status is Not started, In progress, Blocked or Done, or a word like On hold, Cancelled or Deferred (tabs.actions.statuses in settings adds the register's own), not "${value}"`,
    { field: 'status' },
  );
}

/**
 * Sets the status, keeping Date closed in step where the tab has one: a date
 * there closes the item whatever the word says, so closing fills it in with
 * today and reopening clears it.
 */
function setStatus(item: Item, word: StatusWord, input: ItemUpdateInput, set: ChangeSet): void {
  set.set('status', word.word, true);
  if (word.state === 'closed' && item.dateClosed === null)
    set.set('dateClosed', isoDateToSerial(input.today), true, input.today, ['status']);
  else if (word.state !== 'closed' && item.dateClosed !== null) set.set('dateClosed', null, true, '', ['status']);
}

function updateRisk(risk: Risk, input: ItemUpdateInput, set: ChangeSet): ItemUpdate['rating'] {
  let { impact, probability } = risk;
  for (const { field, value } of input.changes) {
    if (field === 'impact') impact = level(value, 'impact', input.scale);
    else if (field === 'probability') probability = level(value, 'probability', input.scale);
    else if (field === 'status') setStatus(risk, statusWord(risk, value, input), input, set);
    else if (field === 'trend') {
      const trend = readTrend(value);
      if (trend.kind !== 'value')
        throw invalid(`trend is Increasing, Decreasing or No Change, not "${value}"`, { field });
      set.set('trend', trend.value, true);
    } else if (field === 'targetDate') {
      const date = targetDate(value);
      set.set('targetResolution', isoDateToSerial(date), true, date);
    } else if (field === 'owner') set.set('owner', ownerName(value), true);
    else
      throw invalid(
        `a risk has no ${field}; a risk's fields are impact, probability, status, trend, target date and owner`,
        { field },
      );
  }
  if (impact !== risk.impact) set.set('impact', impact, true);
  if (probability !== risk.probability) set.set('probability', probability, true);
  const after = impact !== null && probability !== null ? ratingOf(impact, probability) : null;
  const band = after === null ? null : bandFor(after, input.scale);
  if (after !== null && band !== null) {
    set.set('rating', after, true, undefined, LEVELS);
    set.set('band', band.label, false, undefined, ['rating', ...LEVELS]);
    const trend = trendBetween(risk.rating, after);
    if (trend !== null && (impact !== risk.impact || probability !== risk.probability))
      set.set('trend', trend, false, undefined, LEVELS);
  }
  const top = topBand(input.scale).label;
  return { before: risk.rating, after, band, enteredTopBand: band?.label === top && risk.band?.label !== top };
}

function updateAction(action: Action, input: ItemUpdateInput, set: ChangeSet): void {
  for (const { field, value } of input.changes) {
    if (field === 'status') {
      const word = statusWord(action, value, input);
      setStatus(action, word, input, set);
      // Done means all of it done; a cancelled action is closed but its progress stays as it was.
      if (word.word === 'Done' && !input.changes.some((c) => c.field === 'progress'))
        set.set('progress', 100, false, undefined, ['status']);
    } else if (field === 'progress') {
      const digits = value.replace(/%$/, '').trim();
      const percent = /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
      if (!Number.isFinite(percent) || percent < 0 || percent > 100)
        throw invalid(`progress is a percentage from 0 to 100, not "${value}"`, { field });
      set.set('progress', Math.round(percent), true);
    } else if (field === 'targetDate') {
      moveTargetDate(action, targetDate(value), set);
    } else if (field === 'owner') set.set('lead', ownerName(value), true);
    else
      throw invalid(
        `an action has no ${field}; an action's fields are status, progress, target date and owner (its lead)`,
        { field },
      );
  }
  // A note replaces the tab's latest note (its Comments): the Audit log keeps the text it replaced.
  if (input.note) set.set('latestNote', input.note, !isBlank(action.cells.latestNote), undefined, []);
}

/** A later target date is a slip: the first target is kept as the original, and the slip counted. */
function moveTargetDate(action: Action, date: IsoDate, set: ChangeSet): void {
  const before = action.target.targetDate;
  set.set('targetDate', isoDateToSerial(date), true, date);
  for (const cell of slipCells(action, before, date)) set.set(cell.field, cell.value, false, cell.shown, []);
}

/**
 * Works out the cells an update changes, from what the user typed and the
 * item as read: values checked against the scale, rating, band and trend
 * recomputed, a slip counted, the date of last update set, and one Audit log
 * line per field the user changed. Throws `invalid_value` naming what was wrong.
 */
export function planItemUpdate(input: ItemUpdateInput): ItemUpdate {
  const note = input.note === null ? null : cleanText(input.note);
  if (note !== null && note.length > MAX_NOTE_LENGTH)
    throw invalid(`the note is ${note.length} characters; keep it under ${MAX_NOTE_LENGTH}`, { field: 'note' });
  const normalized = { ...input, note };
  const { item } = input;
  const set = new ChangeSet(
    normalized,
    item.kind === 'risk' ? input.register.columns.risks : input.register.columns.actions,
  );
  let rating: ItemUpdate['rating'] = {
    before: item.kind === 'risk' ? item.rating : null,
    after: item.kind === 'risk' ? item.rating : null,
    band: item.kind === 'risk' ? item.band : null,
    enteredTopBand: false,
  };
  if (item.kind === 'risk') rating = updateRisk(item, normalized, set);
  else updateAction(item, normalized, set);
  if (set.changes.length === 0 && note === null)
    throw invalid(`nothing to change: ${item.id} already has those values`);
  set.set('dateLastUpdated', isoDateToSerial(input.today), false, input.today, []);
  if (set.audit.length === 0) set.log('note', '', note ?? '');
  return { changes: set.changes, audit: set.audit, rating };
}
