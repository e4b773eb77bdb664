import { lookUp, normaliseCommandText } from '../text.js';
import {
  type CommandContext as Context,
  FIELD_LIST,
  readChanges,
  readValue,
  shown,
  slash,
  tooLong,
} from './command-changes.js';
import { matchField, readId, readListFilter, tokenise } from './command-tokens.js';
import type { Command, CommandParse, CommandTarget } from './command-types.js';

type Verb = Exclude<Command['kind'], 'modal'>;

const VERBS: Record<string, Verb> = {
  show: 'show',
  view: 'show',
  get: 'show',
  list: 'list',
  ls: 'list',
  update: 'update',
  set: 'update',
  edit: 'update',
  done: 'done',
  complete: 'done',
  finish: 'done',
  close: 'close',
  closed: 'close',
  new: 'new',
  add: 'new',
  create: 'new',
  help: 'help',
  '?': 'help',
  digest: 'digest',
};

const exampleId = (target: CommandTarget) => (target === 'risk' ? 'R-3' : 'A-4');
const ok = (command: Command): CommandParse => ({ ok: true, command });
const fail = (problem: string, usage: string): CommandParse => ({ ok: false, problem, usage });

function usageLines(target: CommandTarget): Record<Verb | 'modal', string> {
  const [s, id, risk] = [slash(target), exampleId(target), target === 'risk'];
  const update = risk
    ? 'impact 3 probability 2 note "funding cut"'
    : 'status in progress progress 40 note "waiting on LPT"';
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

/** Asks for an item's ID, quoting back what was given instead, if anything. */
function whichItem(target: CommandTarget, typed: string | undefined): string {
  const question = `Which ${target}? Give an ID like ${exampleId(target)}`;
  return typed === undefined ? question : `"${shown(typed)}" isn't an ID. ${question}`;
}

function parseShow(ctx: Context, at: number): CommandParse {
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx.target, ctx.tokens[at]?.text), usageLine(ctx.target, 'show'));
  const usage = `${slash(ctx.target)} ${ctx.word} ${exampleId(ctx.target)}`;
  if (reading.next < ctx.tokens.length)
    return fail(`"${ctx.word}" takes one ID, like ${usage}`, usageLine(ctx.target, 'show'));
  return ok({ kind: 'show', id: reading.id });
}

function parseUpdate(ctx: Context, at: number): CommandParse {
  const usage = usageLine(ctx.target, 'update');
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx.target, ctx.tokens[at]?.text), usage);
  const changes = readChanges(ctx, reading.next, reading.id);
  return changes.ok
    ? ok({ kind: 'update', id: reading.id, changes: changes.changes, note: changes.note })
    : fail(changes.problem, usage);
}

/** `done` and `close`: an ID, then nothing, a quoted note, or `note …`. */
function parseFinish(ctx: Context, kind: 'done' | 'close', at: number): CommandParse {
  const usage = usageLine(ctx.target, kind);
  const reading = readId(ctx.tokens, at, ctx.target);
  if (reading === null) return fail(whichItem(ctx.target, ctx.tokens[at]?.text), usage);
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
  return fail(
    `After the ID, "${ctx.word}" takes only a note, like ${slash(ctx.target)} ${ctx.word} ${id} note "…"`,
    usage,
  );
}

function parseBare(ctx: Context, verb: 'new' | 'digest', at: number): CommandParse {
  if (at === ctx.tokens.length) return ok({ kind: verb });
  const what = verb === 'new' ? 'it opens a form' : 'it shows the whole digest';
  return fail(
    `"${ctx.word}" takes nothing after it; ${what}: ${slash(ctx.target)} ${ctx.word}`,
    usageLine(ctx.target, verb),
  );
}

function parseVerb(ctx: Context, verb: Verb): CommandParse {
  switch (verb) {
    case 'help':
      return ok({ kind: 'help' });
    case 'new':
    case 'digest':
      return parseBare(ctx, verb, 1);
    case 'show':
      return parseShow(ctx, 1);
    case 'list': {
      const filter = readListFilter(ctx.target, ctx.text, ctx.tokens.slice(1));
      return filter.ok
        ? ok({ kind: 'list', filter: filter.filter })
        : fail(filter.problem, usageLine(ctx.target, 'list'));
    }
    case 'update':
      return parseUpdate(ctx, 1);
    case 'done':
    case 'close':
      return parseFinish(ctx, verb, 1);
  }
}

/**
 * Reads the text Slack sends after /risk or /action into a command: the
 * sub-command (any case, with synonyms), an ID in any common spelling, and
 * field values as raw strings for the update use case to check. Never throws:
 * text it cannot read comes back with the problem in plain words and the usage.
 */
export function parseCommand(target: CommandTarget, text: string): CommandParse {
  const long = tooLong(text);
  if (long !== null) return fail(long, usageFor(target));
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

/** An item ID as the update form's ID box holds it: any spelling a command takes, and nothing else. Never throws. */
export function parseItemId(
  target: CommandTarget,
  text: string,
): { ok: true; id: string } | { ok: false; problem: string } {
  const normalised = normaliseCommandText(text);
  const tokens = tokenise(normalised);
  const reading = readId(tokens, 0, target);
  if (reading !== null && reading.next === tokens.length) return { ok: true, id: reading.id };
  return { ok: false, problem: whichItem(target, reading === null ? tokens[0]?.text : normalised) };
}
