import { canonicalId } from '../item-id.js';
import { lookUp } from '../text.js';
import type { CommandTarget, ListFilter, UpdateField } from './command-types.js';

/**
 * One word of a command, or one quoted stretch: `raw` as typed, quotes included,
 * and `start` its offset in the normalised text, so a note can run to the end as typed.
 */
export interface Token {
  text: string;
  raw: string;
  quoted: boolean;
  start: number;
}

// Which characters may close a stretch opened by each quote. Slack clients turn
// straight quotes into smart ones, and people mix the two, so any of a kind closes.
const DOUBLE_CLOSERS = '"\u201c\u201d';
const SINGLE_CLOSERS = "'\u2018\u2019";
const CLOSERS_FOR: Record<string, string> = {
  '"': DOUBLE_CLOSERS,
  '\u201c': DOUBLE_CLOSERS,
  '\u201d': DOUBLE_CLOSERS,
  '\u201e': DOUBLE_CLOSERS,
  "'": SINGLE_CLOSERS,
  '\u2018': SINGLE_CLOSERS,
};
const AFTER_CLOSE = ' ,.;:!?)';

/** Where a quote opened at `from - 1` closes: a closer followed by a space, punctuation or the end; -1 if none. */
function closingQuote(text: string, from: number, closers: string): number {
  for (let i = from; i < text.length; i += 1) {
    const next = text[i + 1];
    if (closers.includes(text[i]!) && (next === undefined || AFTER_CLOSE.includes(next))) return i;
  }
  return -1;
}

/**
 * Splits normalised text into words and quoted stretches. A quote opens only at
 * the start of a word or straight after `=` or `:` (so "O'Brien" stays one
 * word); one left open runs to the end of the text.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    const closers = CLOSERS_FOR[text[i]!];
    if (closers !== undefined) {
      const close = closingQuote(text, i + 1, closers);
      const end = close === -1 ? text.length : close + 1;
      tokens.push({
        text: text.slice(i + 1, close === -1 ? end : close).trim(),
        raw: text.slice(i, end),
        quoted: true,
        start: i,
      });
      i = end;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ') {
      j += 1;
      const separator = text[j - 1] === '=' || text[j - 1] === ':';
      if (separator && CLOSERS_FOR[text[j] ?? ''] !== undefined) break;
    }
    tokens.push({ text: text.slice(i, j), raw: text.slice(i, j), quoted: false, start: i });
    i = j;
  }
  return tokens;
}

/** An ID read from the tokens, and the index of the first token after it. */
export type IdReading = { id: string; next: number };

const ID_PREFIX: Record<CommandTarget, string> = { risk: 'R', action: 'A' };
const NUMBER = /^\d{1,6}$/;
// Two-token IDs ("R 3") take a short prefix only, so a field name typed without an ID ("impact 3") is not read as one.
const LETTERS = /^[a-z]{1,3}-?$/i;
const DASHED_NUMBER = /^-?\d{1,6}$/;
// Letters, digits and . _ / - with at least one digit: "R-3", "r3", "IP-2.1", "2.1".
const ONE_TOKEN_ID = /^[a-z0-9][a-z0-9._/-]*$/i;

/** A token as an ID word: trailing punctuation ("R-3:") and a leading "#" dropped. */
function idWord(token: Token | undefined): string {
  if (token === undefined) return '';
  let word = token.text;
  while (word.length > 0 && ',.;:'.includes(word[word.length - 1]!)) word = word.slice(0, -1);
  return word.startsWith('#') ? word.slice(1) : word;
}

/**
 * Reads an item ID at `at`, as forgiving as people are: "R-3", "r3", "R 3",
 * "r - 3" (up to three tokens joined) and, for a bare number, the command's own
 * prefix ("4" is A-4 for /action, R-3 for /risk). Null when the token is no ID.
 */
export function readId(tokens: readonly Token[], at: number, target: CommandTarget): IdReading | null {
  const first = idWord(tokens[at]);
  if (NUMBER.test(first)) return { id: canonicalId(`${ID_PREFIX[target]}-${first}`), next: at + 1 };
  if (LETTERS.test(first) && lookUp(FIELD_NAMES, wordKey(first)) === undefined) {
    const dash = tokens[at + 1]?.text === '-' ? 1 : 0;
    const number = idWord(tokens[at + 1 + dash]);
    if (DASHED_NUMBER.test(number))
      return { id: canonicalId(`${first}${number}`.replace(/-+/g, '-')), next: at + 2 + dash };
    return null;
  }
  if (ONE_TOKEN_ID.test(first) && /\d/.test(first)) return { id: canonicalId(first), next: at + 1 };
  return null;
}

// Field names and their synonyms, as lower-case words; "-" and "_" are ignored inside words.
const FIELD_NAMES: Record<string, UpdateField> = {
  impact: 'impact',
  i: 'impact',
  consequence: 'impact',
  severity: 'impact',
  probability: 'probability',
  p: 'probability',
  likelihood: 'probability',
  status: 'status',
  trend: 'trend',
  progress: 'progress',
  'progress%': 'progress',
  '%': 'progress',
  percent: 'progress',
  'per cent': 'progress',
  'target date': 'targetDate',
  targetdate: 'targetDate',
  target: 'targetDate',
  due: 'targetDate',
  'due date': 'targetDate',
  duedate: 'targetDate',
  deadline: 'targetDate',
  date: 'targetDate',
  timescale: 'targetDate',
  'target resolution date': 'targetDate',
  'resolution date': 'targetDate',
  owner: 'owner',
  lead: 'owner',
  assignee: 'owner',
  note: 'note',
  comment: 'note',
  reason: 'note',
};

// Field words that also turn up inside values ("housing lead", "40 percent",
// "waiting on a date"): they start a field only when a plain value follows them.
const WEAK_NAMES: ReadonlySet<string> = new Set([
  'i',
  'p',
  '%',
  'percent',
  'per cent',
  'lead',
  'date',
  'due',
  'target',
]);
const UNIT_NAMES: ReadonlySet<string> = new Set(['%', 'percent', 'per cent']);

/**
 * A field name found in the tokens: the name as `typed` (for messages) and as
 * its vocabulary key, the index of the token after it, a value written onto it
 * ("status=open", "p:3") if any, and whether "=" or ":" made it `explicit`.
 */
export interface FieldMatch {
  field: UpdateField;
  typed: string;
  name: string;
  end: number;
  inline: { text: string; start: number } | null;
  explicit: boolean;
}

const wordKey = (word: string) => word.toLowerCase().replace(/[-_]/g, '');

/** Where "=" or ":" first falls in a word, -1 if nowhere. */
function separatorAt(word: string): number {
  for (let i = 0; i < word.length; i += 1) if (word[i] === '=' || word[i] === ':') return i;
  return -1;
}

/** The field name starting at token `at` (longest first: "target date" before "target"), or null. */
export function matchField(tokens: readonly Token[], at: number): FieldMatch | null {
  for (let length = 3; length >= 1; length -= 1) {
    const words = tokens.slice(at, at + length);
    if (words.length < length || words.some((t) => t.quoted)) continue;
    if (words.slice(0, -1).some((t) => separatorAt(t.text) !== -1)) continue;
    const last = words[length - 1]!;
    const cut = separatorAt(last.text);
    const lastName = cut === -1 ? last.text : last.text.slice(0, cut);
    const typedWords = [...words.slice(0, -1).map((t) => t.text), lastName];
    const name = typedWords.map(wordKey).join(' ');
    const field = lookUp(FIELD_NAMES, name);
    if (field === undefined) continue;
    const inlineText = cut === -1 ? '' : last.text.slice(cut + 1);
    const inline = inlineText === '' ? null : { text: inlineText, start: last.start + cut + 1 };
    return { field, typed: typedWords.join(' '), name, end: at + length, inline, explicit: cut !== -1 };
  }
  return null;
}

/** Whether a field name is one that also appears inside values, so needs a value after it to count. */
export function isWeakName(match: FieldMatch): boolean {
  return !match.explicit && WEAK_NAMES.has(match.name);
}

/** Whether a field name is a percent sign or word, written after a number as its unit ("40 percent"). */
export function isUnitName(match: FieldMatch): boolean {
  return !match.explicit && UNIT_NAMES.has(match.name);
}

/** A list filter read from the words after `list`, or what could not be read. */
export type ListFilterReading = { ok: true; filter: ListFilter } | { ok: false; problem: string };

const LEADING_OWNER_WORDS = [['owned', 'by'], ['assigned', 'to'], ['for'], ['by'], ['owner']];
const NOUNS: ReadonlySet<string> = new Set(['risk', 'risks', 'action', 'actions', 'item', 'items']);
const LIST_WORDS: Record<string, ListFilter> = {
  '': { type: 'all' },
  all: { type: 'all' },
  everything: { type: 'all' },
  mine: { type: 'mine' },
  my: { type: 'mine' },
  me: { type: 'mine' },
  overdue: { type: 'overdue' },
  late: { type: 'overdue' },
  'past due': { type: 'overdue' },
};
const DUE_PHRASES: Record<string, number | null> = {
  '': null,
  soon: null,
  today: 0,
  tomorrow: 1,
  week: 7,
  'a week': 7,
  'this week': 7,
  'next week': 14,
  fortnight: 14,
  'a fortnight': 14,
};
const DUE_NUMBER = /^(\d{1,4})([a-z]*)$/;
const DAY_UNITS: ReadonlySet<string> = new Set(['d', 'day', 'days']);
const WEEK_UNITS: ReadonlySet<string> = new Set(['w', 'wk', 'wks', 'week', 'weeks']);
const SLACK_MENTION = /^<@([a-z0-9]+)(?:\|[^>]*)?>$/i;

/** Days ahead for "due …": "14", "in 7 days", "2 weeks", "this week"; undefined when unreadable. */
function dueDays(words: readonly string[]): number | null | undefined {
  const rest = [...words];
  if (rest[0] === 'in' || rest[0] === 'within') rest.shift();
  if (rest[0] === 'the') rest.shift();
  if (rest[0] === 'next' && /^\d/.test(rest[1] ?? '')) rest.shift();
  const phrase = lookUp(DUE_PHRASES, rest.join(' '));
  if (phrase !== undefined) return phrase;
  const number = DUE_NUMBER.exec(rest[0] ?? '');
  if (number === null || rest.length > (number[2] === '' ? 2 : 1)) return undefined;
  const unit = number[2] || rest[1] || 'days';
  if (DAY_UNITS.has(unit)) return Number(number[1]);
  return WEEK_UNITS.has(unit) ? Number(number[1]) * 7 : undefined;
}

/** The filter for a keyword ("mine", "overdue", "due in 7 days"), null when the words are a name. */
function keywordFilter(target: CommandTarget, words: string[]): ListFilterReading | null {
  while (words.length > 0 && NOUNS.has(words[words.length - 1]!)) words.pop();
  if (words.length > 1 && words[0] === 'all') words.shift();
  const keyword = lookUp(LIST_WORDS, words.join(' '));
  if (keyword !== undefined) return { ok: true, filter: keyword };
  if (words[0] !== 'due') return null;
  const days = dueDays(words.slice(1));
  if (days !== undefined) return { ok: true, filter: { type: 'due', days } };
  return {
    ok: false,
    problem: `I can't read "${words.join(' ')}"; say how many days ahead, like /${target} list due 14`,
  };
}

/**
 * What `list` should show, from the tokens after it: everything, mine, overdue, due (within
 * so many days), one Slack user (a mention) or an owner as named in the register, kept as typed.
 */
export function readListFilter(target: CommandTarget, text: string, tokens: readonly Token[]): ListFilterReading {
  let rest = tokens;
  const lead = LEADING_OWNER_WORDS.find(
    (words) =>
      words.length < rest.length && words.every((word, i) => !rest[i]!.quoted && rest[i]!.text.toLowerCase() === word),
  );
  if (lead !== undefined) rest = rest.slice(lead.length);
  if (rest.length === 0) return { ok: true, filter: { type: 'all' } };
  const typed = text.slice(rest[0]!.start);
  const mention = SLACK_MENTION.exec(typed);
  if (mention !== null) return { ok: true, filter: { type: 'slackUser', userId: mention[1]!.toUpperCase() } };
  if (typed.includes('<@'))
    return { ok: false, problem: `To list one person's ${target}s, give only them, like /${target} list @maria` };
  if (rest.length === 1 && rest[0]!.quoted) return { ok: true, filter: { type: 'owner', name: rest[0]!.text } };
  if (!rest.some((token) => token.quoted)) {
    const keyword = keywordFilter(
      target,
      rest.map((token) => token.text.toLowerCase()),
    );
    if (keyword !== null) return keyword;
  }
  return { ok: true, filter: { type: 'owner', name: typed } };
}
