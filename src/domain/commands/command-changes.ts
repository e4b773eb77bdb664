import type { RequestedChange } from '../items/item-update.js';
import { clip, MAX_COMMAND_LENGTH, normaliseCommandText } from '../text.js';
import { type FieldMatch, isUnitName, isWeakName, matchField, type Token, tokenise } from './command-tokens.js';
import type { CommandTarget, UpdateField } from './command-types.js';

/** What reading one command needs to hand round: the target, the text and its tokens, the verb as typed. */
export interface CommandContext {
  target: CommandTarget;
  text: string;
  tokens: Token[];
  word: string;
}

export const FIELD_LIST = 'impact, probability, status, trend, progress, target date, owner, note';
export const slash = (target: CommandTarget) => `/${target}`;
// What the user typed, quoted back in a problem: 40 characters and the ellipsis, so 10,000 characters never come back.
export const shown = (text: string) => clip(text, 41);
const display = (field: UpdateField) => (field === 'targetDate' ? 'target date' : field);

/** The problem with text too long to read, or null. */
export function tooLong(text: string): string | null {
  if (text.length <= MAX_COMMAND_LENGTH) return null;
  return `That is ${text.length.toLocaleString('en-GB')} characters; keep a command under ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')}`;
}

export type ValueReading = { ok: true; value: string; next: number } | { ok: false; problem: string };
const FIELD_EXAMPLE: Record<UpdateField, (target: CommandTarget) => string> = {
  impact: () => '3',
  probability: () => '2',
  status: (t) => (t === 'risk' ? 'closed' : 'blocked'),
  trend: () => 'increasing',
  progress: () => '40',
  targetDate: () => '31/03/2027',
  owner: () => '"Dir of Commissioning"',
  note: () => '"waiting on LPT"',
};

function needsValue(ctx: CommandContext, match: FieldMatch, id: string): ValueReading {
  const example = `${slash(ctx.target)} ${ctx.word} ${id} ${match.typed} ${FIELD_EXAMPLE[match.field](ctx.target)}`;
  return { ok: false, problem: `"${match.typed}" needs a value, like ${example}` };
}

/** Whether a field name met inside a value ends that value and starts a field of its own. */
function startsField(tokens: readonly Token[], match: FieldMatch, previous: string): boolean {
  // "in progress" is a status, not the start of a progress field.
  if (match.name === 'progress' && !match.explicit && previous.toLowerCase() === 'in') return false;
  if (!isWeakName(match)) return true;
  const after = tokens[match.end];
  return after !== undefined && (after.quoted || matchField(tokens, match.end) === null);
}

/**
 * The value after a field name: one quoted stretch, or words up to the next
 * field name; a note that is not quoted runs to the end of the text, as typed.
 */
export function readValue(ctx: CommandContext, match: FieldMatch, id: string): ValueReading {
  const { tokens } = ctx;
  let at = match.end;
  const words: string[] = [];
  let start: number;
  if (match.inline !== null) {
    words.push(match.inline.text);
    start = match.inline.start;
  } else {
    const separator = tokens[at];
    if (separator !== undefined && !separator.quoted && (separator.text === '=' || separator.text === ':')) at += 1;
    const first = tokens[at];
    if (first === undefined) return needsValue(ctx, match, id);
    if (
      first.quoted &&
      first.text !== '' &&
      match.field === 'note' &&
      at + 1 < tokens.length &&
      matchField(tokens, at + 1) === null
    ) {
      // The quote closed early because the note holds quotes itself (a formula like =HYPERLINK("…","…")): it runs to the last quote.
      const rest = ctx.text.slice(first.start + 1).trimEnd();
      return { ok: true, value: rest.replace(/["\u201c\u201d]$/, '').trim(), next: tokens.length };
    }
    if (first.quoted)
      return first.text === '' ? needsValue(ctx, match, id) : { ok: true, value: first.text, next: at + 1 };
    const other = matchField(tokens, at);
    if (match.field !== 'note' && other !== null && other.field !== match.field && !isWeakName(other))
      return needsValue(ctx, match, id);
    words.push(first.raw);
    start = first.start;
    at += 1;
  }
  if (match.field === 'note') return { ok: true, value: ctx.text.slice(start).trim(), next: tokens.length };
  while (at < tokens.length) {
    const next = matchField(tokens, at);
    const previous = words[words.length - 1]!;
    if (next !== null && isUnitName(next) && /\d$/.test(previous)) {
      words[words.length - 1] = `${previous}%`; // "40 percent" is written as the sheet and the update read it
      at = next.end;
      continue;
    }
    if (next !== null && startsField(tokens, next, previous)) break;
    words.push(tokens[at]!.raw);
    at += 1;
  }
  return { ok: true, value: words.join(' '), next: at };
}

function unknownField(token: Token): string {
  if (token.quoted)
    return `Which field is "${shown(token.text)}" for? Put a field name before it, like status "in progress"`;
  const cut = token.text.search(/[=:]/);
  return `I don't know the field "${shown(cut === -1 ? token.text : token.text.slice(0, cut))}"; fields are ${FIELD_LIST}`;
}

const givenTwice = (field: UpdateField, before: string, typed: string) => {
  const names = before.toLowerCase() === typed.toLowerCase() ? '' : ` ("${before}" and "${typed}")`;
  return `You gave ${display(field)} twice${names}; give each field once`;
};

/** An update's changes as read, or what was wrong with them. */
export type ChangesReading =
  | { ok: true; changes: RequestedChange[]; note: string | null }
  | { ok: false; problem: string };

/**
 * The field names and values of an update from token `from` on, each field
 * once. `noteApart` says a note came apart from this text (a form's note
 * box), so one here is the note given twice, and the note alone is a change.
 */
export function readChanges(ctx: CommandContext, from: number, id: string, noteApart = false): ChangesReading {
  const changes: RequestedChange[] = [];
  const seen = new Map<UpdateField, string>();
  let note: string | null = null;
  for (let next = from; next < ctx.tokens.length; ) {
    const match = matchField(ctx.tokens, next);
    if (match === null) return { ok: false, problem: unknownField(ctx.tokens[next]!) };
    const before = seen.get(match.field);
    if (before !== undefined) return { ok: false, problem: givenTwice(match.field, before, match.typed) };
    seen.set(match.field, match.typed);
    const value = readValue(ctx, match, id);
    if (!value.ok) return value;
    if (match.field === 'note') note = value.value;
    else changes.push({ field: match.field, value: value.value });
    next = value.next;
  }
  if (noteApart && note !== null) return { ok: false, problem: givenTwice('note', seen.get('note')!, 'note') };
  if (changes.length === 0 && note === null && !noteApart) {
    return {
      ok: false,
      problem: `Nothing to change: give a field and a value after ${id}, like ${slash(ctx.target)} ${ctx.word} ${id} status ${FIELD_EXAMPLE.status(ctx.target)}`,
    };
  }
  return { ok: true, changes, note };
}

/**
 * The update form's Changes box for the item `id`, read as the words after
 * `/risk update R-3` are: field names and values, checked the same way, and
 * explained in the same words. Never throws.
 */
export function parseChanges(target: CommandTarget, id: string, text: string, noteApart: boolean): ChangesReading {
  const problem = tooLong(text);
  if (problem !== null) return { ok: false, problem };
  const normalised = normaliseCommandText(text);
  return readChanges({ target, text: normalised, tokens: tokenise(normalised), word: 'update' }, 0, id, noteApart);
}
