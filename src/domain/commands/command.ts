import { isUnitName, isWeakName, matchField, readId, readListFilter, tokenise, type FieldMatch, type Token } from './command-tokens.js';
import { clip, MAX_COMMAND_LENGTH, lookUp, normaliseCommandText } from '../text.js';
import { UPDATE_FIELDS, type Command, type CommandParse, type CommandTarget, type UpdateField } from './command-types.js';

type Verb = Exclude<Command['kind'], 'modal'>;

const VERBS: Record<string, Verb> = {
  show: 'show', view: 'show', get: 'show', list: 'list', ls: 'list', update: 'update', set: 'update', edit: 'update',
  done: 'done', complete: 'done', finish: 'done', close: 'close', closed: 'close', new: 'new', add: 'new', create: 'new',
  help: 'help', '?': 'help', digest: 'digest',
};

const FIELD_LIST = 'impact, probability, status, trend, progress, target date, owner, note';
const display = (field: UpdateField) => (field === 'targetDate' ? 'target date' : field);

/** What the parse of one command needs to hand round: the target, the text and its tokens, the verb as typed. */
interface Context { target: CommandTarget; text: string; tokens: Token[]; word: string }

const slash = (target: CommandTarget) => `/${target}`;
const exampleId = (target: CommandTarget) => (target === 'risk' ? 'R-3' : 'A-4');
const ok = (command: Command): CommandParse => ({ ok: true, command });
const fail = (problem: string, usage: string): CommandParse => ({ ok: false, problem, usage });
// What the user typed, quoted back in a problem: 40 characters and the ellipsis, so 10,000 characters never come back.
const shown = (text: string) => clip(text, 41);

function usageLines(target: CommandTarget): Record<Verb | 'modal', string> {
  const [s, id, risk] = [slash(target), exampleId(target), target === 'risk'];
  const update = risk ? 'impact 3 probability 2 note "funding cut"' : 'status in progress progress 40 note "waiting on LPT"';
  return {
    modal: `${s} on its own — opens a form`,
    show: `${s} show ${id} — one ${target} in full`,
    list: `${s} list [mine | overdue | due 14 | @person | owner name] — e.g. ${s} list due in 7 days`,
    update: `${s} update ${id} field value … [note "…"] — e.g. ${s} update ${id} ${update}`,
    done: `${s} done ${id} [note "…"] — marks it done, e.g. ${s} done ${id} note "signed off by the board"`,
    close: `${s} close ${id} [note "…"] — closes it, e.g. ${s} close ${id} note "${risk ? 'no longer a risk' : 'superseded'}"`,
    new: `${s} new — adds ${risk ? 'a risk' : 'an action'} through a form`,
    digest: `${s} digest — the board's digest, now`,
    help: `${s} help — this list`,
  };
}

/** The usage text for /risk or /action: every sub-command, one line each, with an example, then the fields. */
export function usageFor(target: CommandTarget): string {
  const lines = usageLines(target);
  const order: Array<Verb | 'modal'> = ['show', 'list', 'update', 'done', 'close', 'new', 'digest', 'help', 'modal'];
  return [...order.map((verb) => lines[verb]), `Fields: ${FIELD_LIST}`].join('\n');
}

/** The one usage line for a sub-command; update's comes with the list of fields. */
export function usageLine(target: CommandTarget, verb: Verb): string {
  const line = usageLines(target)[verb];
  return verb === 'update' ? `${line}\nFields: ${FIELD_LIST}` : line;
}

function whichItem(ctx: Context, at: number): string {
  const question = `Which ${ctx.target}? Give an ID like ${exampleId(ctx.target)}`;
  const token = ctx.tokens[at];
  return token === undefined ? question : `"${shown(token.text)}" isn't an ID. ${question}`;
}

function parseShow(ctx: Context, at: number): CommandParse {
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx, at), usageLine(ctx.target, 'show'));
  const usage = `${slash(ctx.target)} ${ctx.word} ${exampleId(ctx.target)}`;
  if (reading.next < ctx.tokens.length) return fail(`"${ctx.word}" takes one ID, like ${usage}`, usageLine(ctx.target, 'show'));
  return ok({ kind: 'show', id: reading.id });
}

type ValueReading = { ok: true; value: string; next: number } | { ok: false; problem: string };
const FIELD_EXAMPLE: Record<UpdateField, (target: CommandTarget) => string> = {
  impact: () => '3', probability: () => '2', status: (t) => (t === 'risk' ? 'closed' : 'blocked'), trend: () => 'increasing',
  progress: () => '40', targetDate: () => '31/03/2027', owner: () => '"Dir of Commissioning"', note: () => '"waiting on LPT"',
};

function needsValue(ctx: Context, match: FieldMatch, id: string): ValueReading {
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
function readValue(ctx: Context, match: FieldMatch, id: string): ValueReading {
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
    if (first.quoted && first.text !== '' && match.field === 'note' && at + 1 < tokens.length && matchField(tokens, at + 1) === null) {
      // The quote closed early because the note holds quotes itself (a formula like =HYPERLINK("…","…")): it runs to the last quote.
      const rest = ctx.text.slice(first.start + 1).trimEnd();
      return { ok: true, value: rest.replace(/["\u201c\u201d]$/, '').trim(), next: tokens.length };
    }
    if (first.quoted) return first.text === '' ? needsValue(ctx, match, id) : { ok: true, value: first.text, next: at + 1 };
    const other = matchField(tokens, at);
    if (match.field !== 'note' && other !== null && other.field !== match.field && !isWeakName(other)) return needsValue(ctx, match, id);
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
  if (token.quoted) return `Which field is "${shown(token.text)}" for? Put a field name before it, like status "in progress"`;
  const cut = token.text.search(/[=:]/);
  return `I don't know the field "${shown(cut === -1 ? token.text : token.text.slice(0, cut))}"; fields are ${FIELD_LIST}`;
}

function parseUpdate(ctx: Context, at: number): CommandParse {
  const usage = usageLine(ctx.target, 'update');
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx, at), usage);
  const { id } = reading;
  const changes: Array<{ field: UpdateField; value: string }> = [];
  const seen = new Map<UpdateField, string>();
  let note: string | null = null;
  for (let next = reading.next; next < ctx.tokens.length;) {
    const match = matchField(ctx.tokens, next);
    if (match === null) return fail(unknownField(ctx.tokens[next]!), usage);
    const before = seen.get(match.field);
    if (before !== undefined) {
      const names = before.toLowerCase() === match.typed.toLowerCase() ? '' : ` ("${before}" and "${match.typed}")`;
      return fail(`You gave ${display(match.field)} twice${names}; give each field once`, usage);
    }
    seen.set(match.field, match.typed);
    const value = readValue(ctx, match, id);
    if (!value.ok) return fail(value.problem, usage);
    if (match.field === 'note') note = value.value;
    else changes.push({ field: match.field, value: value.value });
    next = value.next;
  }
  if (changes.length === 0 && note === null) {
    return fail(`Nothing to change: give a field and a value after ${id}, like ${slash(ctx.target)} ${ctx.word} ${id} status ${FIELD_EXAMPLE.status(ctx.target)}`, usage);
  }
  return ok({ kind: 'update', id, changes, note });
}

/** `done` and `close`: an ID, then nothing, a quoted note, or `note …`. */
function parseFinish(ctx: Context, kind: 'done' | 'close', at: number): CommandParse {
  const usage = usageLine(ctx.target, kind);
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx, at), usage);
  const { id, next } = reading;
  const rest = ctx.tokens.length - next;
  if (rest === 0) return ok({ kind, id, note: null });
  const first = ctx.tokens[next]!;
  if (first.quoted && rest === 1) return ok({ kind, id, note: first.text === '' ? null : first.text });
  const match = matchField(ctx.tokens, next);
  if (match !== null && match.field === 'note') {
    const value = readValue(ctx, match, id);
    if (!value.ok) return fail(value.problem, usage);
    if (value.next === ctx.tokens.length) return ok({ kind, id, note: value.value });
  }
  return fail(`After the ID, "${ctx.word}" takes only a note, like ${slash(ctx.target)} ${ctx.word} ${id} note "…"`, usage);
}

function parseBare(ctx: Context, verb: 'new' | 'digest', at: number): CommandParse {
  if (at === ctx.tokens.length) return ok({ kind: verb });
  const what = verb === 'new' ? 'it opens a form' : 'it shows the whole digest';
  return fail(`"${ctx.word}" takes nothing after it; ${what}: ${slash(ctx.target)} ${ctx.word}`, usageLine(ctx.target, verb));
}

function parseVerb(ctx: Context, verb: Verb): CommandParse {
  switch (verb) {
    case 'help': return ok({ kind: 'help' });
    case 'new': case 'digest': return parseBare(ctx, verb, 1);
    case 'show': return parseShow(ctx, 1);
    case 'list': {
      const filter = readListFilter(ctx.target, ctx.text, ctx.tokens.slice(1));
      return filter.ok ? ok({ kind: 'list', filter: filter.filter }) : fail(filter.problem, usageLine(ctx.target, 'list'));
    }
    case 'update': return parseUpdate(ctx, 1);
    case 'done': case 'close': return parseFinish(ctx, verb, 1);
  }
}

/**
 * Reads the text Slack sends after /risk or /action into a command: the
 * sub-command (any case, with synonyms), an ID in any common spelling, and
 * field values as raw strings for the update use case to check. Never throws:
 * text it cannot read comes back with the problem in plain words and the usage.
 */
export function parseCommand(target: CommandTarget, text: string): CommandParse {
  if (text.length > MAX_COMMAND_LENGTH) {
    return fail(`That is ${text.length.toLocaleString('en-GB')} characters; keep a command under ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')}`, usageFor(target));
  }
  const normalised = normaliseCommandText(text);
  if (normalised === '') return ok({ kind: 'modal' });
  const tokens = tokenise(normalised);
  const head = tokens[0]!;
  const verb = head.quoted ? undefined : lookUp(VERBS, head.text.toLowerCase());
  const ctx: Context = { target, text: normalised, tokens, word: head.text.toLowerCase() };
  if (verb !== undefined) return parseVerb(ctx, verb);
  // "/risk R-3" on its own is the most natural way to ask for one risk.
  const id = readId(tokens, 0, target);
  if (id !== null && id.next === tokens.length) return ok({ kind: 'show', id: id.id });
  return fail(`Unknown command "${shown(head.text)}"`, usageFor(target));
}
