import type { CellValue, IsoDate } from '../cell.js';
import { isoDateToSerial, readSingleDate } from '../dates/timescale.js';
import { DomainError } from '../domain-error.js';
import type { AuditRecord } from '../register/raw-register.js';
import type { Register } from '../register/register.js';
import { cleanText, MAX_NOTE_LENGTH } from './item-update.js';
import { bandFor, ratingOf, readLevel } from './rating.js';
import type { Scale } from './scale.js';

export interface NewItemFields {
  kind: 'risk' | 'action';
  /** A risk's description, an action's text. */
  title: string;
  /** A risk's owner, an action's lead, as the register writes it. */
  owner: string;
  impact?: string;
  probability?: string;
  /** As typed: "31/03/2027", "Mar 2027", "2026/27". */
  targetDate?: string;
  note?: string;
}

export interface NewItem {
  id: string;
  values: Record<string, CellValue>;
  audit: AuditRecord[];
}

const invalid = (message: string, field: string) => new DomainError('invalid_value', message, { field });

/**
 * The next free ID of a kind, in the register's own style: one above the
 * highest number in use, with the prefix and zero padding its IDs have
 * ("RISK-012" → "RISK-013", "R003" → "R004", "LD 02" → "LD 03", "7" → "8");
 * the bot's own form where the register writes R or A and a plain number
 * ("R - 13" → "R-14"), or has no items yet.
 */
export function nextId(register: Pick<Register, 'risks' | 'actions'>, kind: 'risk' | 'action'): string {
  const items = kind === 'risk' ? register.risks : register.actions;
  const style = commonestStyle(items.map((item) => item.id));
  const ours = kind === 'risk' ? 'R' : 'A';
  if (style === null || (style.width === 0 && style.prefix.replace(/[\s-]/g, '').toUpperCase() === ours))
    return nextFreeId(
      items.map((item) => item.key),
      kind,
    );
  return `${style.prefix}${String(style.highest + 1).padStart(style.width, '0')}`;
}

/** The prefix most of the IDs share before their number, the zero padding they use (0 for none), and the highest number. */
function commonestStyle(ids: readonly string[]): { prefix: string; width: number; highest: number } | null {
  const styles = new Map<string, { count: number; width: number; highest: number }>();
  for (const id of ids) {
    const match = /^(.*?)(\d+)$/.exec(id.trim());
    if (match === null) continue;
    const [, prefix = '', digits = ''] = match;
    const style = styles.get(prefix) ?? { count: 0, width: 0, highest: 0 };
    style.count += 1;
    if (digits.length > 1 && digits.startsWith('0')) style.width = Math.max(style.width, digits.length);
    style.highest = Math.max(style.highest, Number(digits));
    styles.set(prefix, style);
  }
  const [best] = [...styles.entries()].sort((a, b) => b[1].count - a[1].count);
  return best === undefined ? null : { prefix: best[0], width: best[1].width, highest: best[1].highest };
}

/** One above the highest number among canonical IDs (`R-13`) of a kind. */
export function nextFreeId(keys: readonly string[], kind: 'risk' | 'action'): string {
  const prefix = kind === 'risk' ? 'R' : 'A';
  const numbers = keys
    .map((key) => /^([A-Z]+)-(\d+)$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null && match[1] === prefix)
    .map((match) => Number(match[2]));
  return `${prefix}-${Math.max(0, ...numbers) + 1}`;
}

function level(text: string | undefined, axis: 'impact' | 'probability', scale: Scale): number {
  const reading = readLevel(text ?? '', axis, scale);
  if (reading.kind === 'level') return reading.level;
  throw invalid(
    reading.kind === 'invalid' ? reading.message : `a new risk needs its ${axis} (1 to ${scale[axis].max})`,
    axis,
  );
}

/** The target date as typed, checked; null when none was given. */
export function readTargetDate(text: string | undefined): IsoDate | null {
  if (!text?.trim()) return null;
  const reading = readSingleDate(text);
  if (reading.kind === 'date') return reading.date;
  throw invalid(
    reading.kind === 'invalid' ? reading.message : `"${text}" is not a date; write it like 31/03/2027 or Mar 2027`,
    'targetDate',
  );
}

/**
 * A new risk or action as the row to add: the next ID, rating and band for
 * a risk, dates raised and last updated today, and its Audit log line.
 */
export function planNewItem(
  register: Pick<Register, 'risks' | 'actions'>,
  fields: NewItemFields,
  scale: Scale,
  today: IsoDate,
  now: string,
  who: string,
  via: AuditRecord['via'],
): NewItem {
  const title = cleanText(fields.title);
  const owner = cleanText(fields.owner);
  const note = cleanText(fields.note ?? '');
  if (title.length > MAX_NOTE_LENGTH || note.length > MAX_NOTE_LENGTH)
    throw invalid(
      `keep the ${title.length > MAX_NOTE_LENGTH ? 'description' : 'note'} under ${MAX_NOTE_LENGTH} characters`,
      title.length > MAX_NOTE_LENGTH ? 'title' : 'note',
    );
  if (owner.length > 200) throw invalid('an owner is a name or a role, under 200 characters', 'owner');
  if (title.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim() === '')
    throw invalid(
      `a new ${fields.kind} needs a ${fields.kind === 'risk' ? 'description' : 'description of the action'}`,
      'title',
    );
  if (owner.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim() === '')
    throw invalid(`a new ${fields.kind} needs ${fields.kind === 'risk' ? 'an owner' : 'a lead'}`, 'owner');
  const target = readTargetDate(fields.targetDate);
  const id = nextId(register, fields.kind);
  const stamp = isoDateToSerial(today);
  let values: Record<string, CellValue>;
  if (fields.kind === 'risk') {
    const impact = level(fields.impact, 'impact', scale);
    const probability = level(fields.probability, 'probability', scale);
    const rating = ratingOf(impact, probability);
    values = {
      id,
      description: title,
      owner,
      impact,
      probability,
      rating,
      band: bandFor(rating, scale).label,
      targetResolution: target === null ? null : isoDateToSerial(target),
      dateRaised: stamp,
      dateLastUpdated: stamp,
      status: 'Open',
    };
  } else {
    values = {
      id,
      action: title,
      lead: owner,
      timescale: fields.targetDate?.trim() || null,
      targetDate: target === null ? null : isoDateToSerial(target),
      status: 'Not started',
      progress: 0,
      latestNote: note || null,
      dateLastUpdated: stamp,
    };
  }
  const audit: AuditRecord[] = [
    { when: now, who, item: id, field: 'created', oldValue: '', newValue: title.slice(0, 200), via, note },
  ];
  return { id, values, audit };
}

/**
 * What is wrong with a new item's fields, checked without the register (so a
 * form can be answered within Slack's three seconds); null when nothing is.
 */
export function newItemProblem(fields: NewItemFields, scale: Scale): { field: string; message: string } | null {
  try {
    planNewItem({ risks: [], actions: [] }, fields, scale, '2000-01-01', '', '', 'modal');
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_value')
      return { field: String(error.details.field), message: error.message };
    throw error;
  }
}
