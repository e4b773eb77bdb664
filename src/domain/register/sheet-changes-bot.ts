import { readSingleDate } from '../dates/timescale.js';
import { canonicalId } from '../item-id.js';
import { fieldWords } from './field-words.js';
import { type AuditRecord, BOT_WHO } from './raw-register.js';
import type { AuditEntry } from './register.js';

/** The bot's own writes since a snapshot, by item and field, to tell them from a person's edits in the sheet. */
export interface BotWrites {
  /** Whether the bot wrote `field` of item `key` to a value that reads as `value`. */
  set(key: string, field: string, value: string): boolean;
  /** Whether the bot wrote `field` of item `key` at all. */
  touched(key: string, field: string): boolean;
}

/**
 * The ways the bot writes on someone's behalf: their lines are by the person
 * (a Slack user ID), so `who` alone does not tell them from lines a person
 * typed into the Audit log; the via word does.
 */
const BOT_VIA: ReadonlySet<string> = new Set<AuditRecord['via']>([
  'command',
  'button',
  'modal',
  'console',
  'bot',
  'import',
]);

const normal = (text: string) => text.trim().toLowerCase();

/** A field as lines name it: the bot writes keys ("targetResolution"), older lines headers or words ("Probability (P)"). */
const fieldName = (text: string) => normal(text.replace(/\([^)]*\)/g, '')).replace(/[^a-z0-9]/g, '');
const namesOf = (field: string) => [fieldName(field), fieldName(fieldWords(field))];

/**
 * Whether a value the bot's Audit line shows is the value read now. The
 * line says what the cell shows ("4 - Likely", "01/12/2026"), the snapshot
 * keeps the level and the ISO date: the same text, the same date, or the one
 * number in the text all match. A level written as a bare word ("Likely")
 * does not: the caller recording a snapshot after each of its own writes is
 * what keeps those from being reported.
 */
function sameValue(shown: string, value: string): boolean {
  if (normal(shown) === normal(value)) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = readSingleDate(shown);
    return date.kind === 'date' && date.date === value;
  }
  const numbers = shown.match(/\d+(\.\d+)?/g);
  return numbers?.length === 1 && numbers[0] === value;
}

/**
 * The bot's Audit lines after `takenAt` (all of them when it is null, the
 * snapshot's time being unknown): lines by BOT_WHO or made through one of
 * the bot's own ways in (command, button, form, console, import).
 */
export function botWritesSince(audit: readonly AuditEntry[], takenAt: string | null): BotWrites {
  const since = takenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(takenAt);
  const values = new Map<string, string[]>();
  for (const entry of audit) {
    if (entry.who !== BOT_WHO && !BOT_VIA.has(normal(entry.via))) continue;
    if (!(Date.parse(entry.when) > since)) continue;
    const at = `${canonicalId(entry.item)}|${fieldName(entry.field)}`;
    const list = values.get(at);
    if (list === undefined) values.set(at, [entry.newValue]);
    else list.push(entry.newValue);
  }
  return {
    set: (key, field, value) =>
      namesOf(field).some((name) => values.get(`${key}|${name}`)?.some((shown) => sameValue(shown, value))),
    touched: (key, field) => namesOf(field).some((name) => values.has(`${key}|${name}`)),
  };
}
