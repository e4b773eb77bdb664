import type { IsoDate } from '../cell.js';
import { addDays } from '../dates/calendar.js';
import type { Person } from '../register/register.js';
import { clip, lookUp, MAX_COMMAND_LENGTH } from '../text.js';
import { matchOwners, ownersOfSlackUser, withinOneEdit } from './owner-match.js';
import { ownerPhrases } from './owner-phrases.js';
import { readTimes, type TimePhrase } from './question-dates.js';
import { type KnownItem, knownIds, type NamedId } from './question-ids.js';
import {
  ASKING_VERBS,
  FILLER,
  HELP,
  I_OWN,
  INTENTS,
  type Intent,
  ME,
  NOUNS,
  NUMBERS,
  POLITE,
  type QuestionKind,
  questionWords,
  STOP,
  THANKS,
  type QuestionWord as Word,
  WRITE_VERBS,
} from './question-words.js';

export type { QuestionKind };

/** Whose items: everyone's, the asker's, owners named as in the register, or a name that matches no owner. */
export type Who =
  | { type: 'all' }
  | { type: 'me' }
  | { type: 'owner'; names: string[]; asked: string }
  | { type: 'unknownOwner'; asked: string };

/** What a question asked in chat means; `unknown` carries a polite reply saying what can be asked. */
export type Question =
  | { intent: 'overdue'; kind: QuestionKind; who: Who }
  | { intent: 'due'; kind: QuestionKind; who: Who; until: IsoDate; label: string }
  /** One owner's open items (or everyone's, or the asker's). */
  | { intent: 'owned'; kind: QuestionKind; who: Who }
  | { intent: 'show'; id: string }
  | { intent: 'top'; count: number }
  | { intent: 'reviews' }
  | { intent: 'changes'; since: IsoDate; label: string }
  | { intent: 'help' }
  | { intent: 'unknown'; reply: string };

export interface QuestionContext {
  today: IsoDate;
  /** Owner and lead names as written in the register. */
  ownerNames: readonly string[];
  people: readonly Person[];
  /** The register's risks and actions, so that "show me RISK-001" or "what about 2.1" finds the item by its own ID. */
  items: readonly KnownItem[];
  /** The Slack user asking: a mention of them means "me". */
  askerId: string;
}

/** Questions the bot answers, one example each: the help reply, and the end of every polite refusal. */
export const QUESTION_EXAMPLES: readonly string[] = [
  "what's overdue? (or overdue for the housing lead, or mine)",
  'what does the housing lead own? (or what is open for @maria, or mine)',
  "what's due this week? (or in the next 10 days, before Christmas, by 31/03/2027)",
  'show R-7 (one risk or action by its ID)',
  'top 5 risks',
  'which reviews are overdue?',
  'what changed this week? (or since Monday)',
  'help',
];

const DEFAULT_TOP = 5;
const MAX_TOP = 50;
const DUE_DAYS = 14;
const CHANGES_DAYS = 7;
/** Longest owner name quoted back, its ellipsis included. */
const MAX_ASKED = 81;

/** A word as a keyword: the same, or one typo away from a keyword of six letters or more ("overdeu"). */
const like = (word: string, keyword: string) =>
  word === keyword || (keyword.length >= 6 && word.length >= 5 && withinOneEdit(word, keyword));

/** Where a phrase of keywords starts, at or after `from`, among words not yet used; -1 if nowhere. */
function phraseAt(texts: readonly string[], used: ReadonlySet<number>, phrase: string, from = 0): number {
  const parts = phrase.split(' ');
  for (let at = from; at + parts.length <= texts.length; at += 1) {
    if (parts.every((part, i) => !used.has(at + i) && like(texts[at + i]!, part))) return at;
  }
  return -1;
}

/**
 * The first intent, in order of precedence, whose keywords the words hold, and where its longest phrase starts.
 * Every keyword of every intent is then used up, so none is mistaken for part of an owner's name.
 */
function findIntent(
  texts: readonly string[],
  used: Set<number>,
): { intent: Intent; at: number; length: number } | null {
  let found: { intent: Intent; at: number; length: number } | null = null;
  for (const [intent, phrases] of INTENTS) {
    const longestFirst = [...phrases].sort((a, b) => b.split(' ').length - a.split(' ').length);
    for (const phrase of longestFirst) {
      const length = phrase.split(' ').length;
      for (let at = phraseAt(texts, used, phrase); at !== -1; at = phraseAt(texts, used, phrase, at + length)) {
        found ??= { intent, at, length };
        for (let i = at; i < at + length; i += 1) used.add(i);
      }
    }
  }
  return found;
}

/** Which items the nouns ask about ("risks", "tasks"), leaving out words of an owner's name (`named`: "Risk Manager"). */
function readKind(texts: readonly string[], used: Set<number>, named: ReadonlySet<number>): QuestionKind {
  const kinds = new Set<QuestionKind>();
  texts.forEach((text, i) => {
    const kind = lookUp(NOUNS, text);
    if (kind !== undefined && !named.has(i)) {
      kinds.add(kind);
      used.add(i);
    }
  });
  kinds.delete('any');
  return kinds.size === 1 ? [...kinds][0]! : 'any';
}

const numberIn = (text = ''): number | undefined => (/^\d{1,3}$/.test(text) ? Number(text) : lookUp(NUMBERS, text));

function topCount(texts: readonly string[], at: number, length: number): number {
  const count = numberIn(texts[at + length]) ?? numberIn(texts[at - 1]) ?? DEFAULT_TOP;
  return Math.min(Math.max(count, 1), MAX_TOP);
}

/** Whether the asker means themself: "my", "mine", "for me", "do I have" — but not "show me" or "can I see". */
function meant(texts: readonly string[]): boolean {
  return texts.some(
    (text, i) =>
      ME.has(text) ||
      (text === 'me' && !ASKING_VERBS.has(texts[i - 1] ?? '')) ||
      (text === 'i' && texts[i - 2] !== 'how' && (I_OWN.has(texts[i + 1] ?? '') || I_OWN.has(texts[i - 1] ?? ''))),
  );
}

/**
 * The words left once everything understood is taken out, as typed: an owner's name, or what was not understood.
 * Words in `named` spell an owner's name and stay, even those that are otherwise filler ("team").
 */
function leftOver(
  words: readonly Word[],
  clean: string,
  used: ReadonlySet<number>,
  named: ReadonlySet<number>,
): string {
  const kept = words.flatMap((word, i) =>
    !used.has(i) && word.mention === null && (named.has(i) || !FILLER.has(word.text)) ? [i] : [],
  );
  while (kept.length > 0 && STOP.has(words[kept[0]!]!.text)) kept.shift();
  while (kept.length > 0 && STOP.has(words[kept.at(-1)!]!.text)) kept.pop();
  const spans: Array<[number, number]> = [];
  for (const i of kept) {
    const last = spans.at(-1);
    // "head of the housing team": a "the" between two kept words stays in the name.
    if (last && words.slice(last[1] + 1, i).every((word) => word.text === 'the')) last[1] = i;
    else spans.push([i, i]);
  }
  const rest = spans
    .filter(([a, b]) => a !== b || !STOP.has(words[a]!.text))
    .map(([a, b]) => clean.slice(words[a]!.start, words[b]!.end))
    .join(' ')
    .replace(/['’]s$/i, '');
  // Quoted back in a reply, so kept short: no owner's name runs this long.
  return clip(rest, MAX_ASKED);
}

const ownerCandidates = (context: QuestionContext) => [
  ...new Set([...context.ownerNames, ...context.people.map((person) => person.name)]),
];

function ownerWho(asked: string, context: QuestionContext): Who {
  const names = matchOwners(asked, ownerCandidates(context));
  return names.length > 0 ? { type: 'owner', names, asked } : { type: 'unknownOwner', asked };
}

function readWho(words: readonly Word[], rest: string, context: QuestionContext): Who {
  const mention = words.find((word) => word.mention !== null)?.mention;
  if (mention && mention.id === context.askerId.toUpperCase()) return { type: 'me' };
  if (mention) {
    const asked = mention.label ? `@${mention.label}` : `<@${mention.id}>`;
    const names = ownersOfSlackUser(mention.id, context.people, context.ownerNames);
    return names.length > 0 ? { type: 'owner', names, asked } : { type: 'unknownOwner', asked };
  }
  if (rest !== '') return ownerWho(rest, context);
  return meant(words.map((word) => word.text)) ? { type: 'me' } : { type: 'all' };
}

/** Everything the bot can answer, as one message. */
export function whatICanAnswer(): string {
  return ['I can answer questions like:', ...QUESTION_EXAMPLES.map((example) => `• ${example}`)].join('\n');
}

const decline = (reason: string): Question => ({ intent: 'unknown', reply: `${reason}\n${whatICanAnswer()}` });

function writeRequest(texts: readonly string[], ids: readonly NamedId[]): string | null {
  const at = texts.findIndex((text) => !POLITE.has(text));
  const verb = texts[at] ?? '';
  if (!WRITE_VERBS.has(verb) || ['me', 'us', 'on', 'about', 're', 'for'].includes(texts[at + 1] ?? '')) return null;
  const named = ids[0];
  const command = (named?.kind ?? (named?.id.startsWith('A') ? 'action' : 'risk')) === 'action' ? 'action' : 'risk';
  const example =
    named === undefined
      ? '/risk update R-7 impact 3, /action done A-4 or /risk new'
      : `/${command} update ${named.id} … or /${command} done ${named.id}`;
  return `I only answer questions here; I can't change the register from chat. Use a slash command, like ${example}, or the buttons on my reminders.`;
}

/** The intent a question has without a keyword: a time ahead asks what is due, a time back what changed. */
function fromTime(phrase: TimePhrase | undefined): Intent | null {
  if (phrase === undefined) return null;
  return phrase.until !== null ? 'due' : phrase.since !== null ? 'changes' : null;
}

function answer(
  intent: Intent,
  kind: QuestionKind,
  who: Who,
  phrase: TimePhrase | undefined,
  top: number,
  today: IsoDate,
): Question {
  switch (intent) {
    case 'reviews':
      return { intent };
    case 'overdue':
    case 'owned':
      return { intent, kind, who };
    case 'top':
      if (kind !== 'action') return { intent, count: top };
      return decline('I rank risks by their rating, not actions. Try "top 5 risks" or "which actions are overdue?".');
    case 'changes': {
      const { date, label } = phrase?.since ?? {
        date: addDays(today, -CHANGES_DAYS),
        label: `in the last ${CHANGES_DAYS} days`,
      };
      return { intent, since: date, label };
    }
    case 'due': {
      const { date, label } = phrase?.until ?? {
        date: addDays(today, DUE_DAYS),
        label: `in the next ${DUE_DAYS} days`,
      };
      return { intent, kind, who, until: date, label };
    }
  }
}

/**
 * Understands a question asked in chat, when the bot is mentioned or messaged
 * directly: overdue items (everyone's, one owner's, mine), items due by a
 * date, one item by ID, the top risks, reviews overdue, what changed, help.
 * A small grammar of keywords, time phrases and owner names, forgiving of
 * case, punctuation, emoji, Slack markup and small typos; owners are matched
 * to the register's names as written. Anything else gets a polite reply that
 * says what can be asked. Pure: `today` and the names come in.
 */
export function understandQuestion(text: string, context: QuestionContext): Question {
  if (text.length > MAX_COMMAND_LENGTH) return decline('That is too long for me to read; ask in a sentence.');
  const { clean, words, ids } = questionWords(text, knownIds(context.items));
  const texts = words.map((word) => word.text);
  if (words.length === 0) return { intent: 'help' };
  const write = writeRequest(texts, ids);
  if (write !== null) return decline(write);
  if (ids.length > 1) return decline(`I can show one item at a time: ask for ${ids[0]!.id}, then ${ids[1]!.id}.`);
  if (ids.length === 1) return { intent: 'show', id: ids[0]!.id };
  const times = readTimes(texts, context.today);
  if (times.invalid !== null) return decline(`${times.invalid}. Give a date like 31/03/2027 or "end of March".`);
  const used = new Set<number>(
    times.phrases.flatMap((phrase) => texts.slice(phrase.start, phrase.end).map((_, i) => phrase.start + i)),
  );
  // An owner's whole name ("Change Manager", "Team Lead") is a name, not keywords: held back from the grammar, a time phrase apart.
  const named = new Set([...ownerPhrases(texts, ownerCandidates(context))].filter((i) => !used.has(i)));
  for (const i of named) used.add(i);
  const found = findIntent(texts, used);
  const kind = readKind(texts, used, named);
  for (const i of named) used.delete(i);
  const rest = leftOver(words, clean, used, named);
  const phrase = times.phrases[0];
  const timed = fromTime(phrase);
  // A time on its own ("anything before Christmas?") asks what is due, unless other words say it is about something else.
  const intent =
    found?.intent ??
    (timed !== null && (rest === '' || kind !== 'any' || ownerWho(rest, context).type === 'owner') ? timed : null);
  if (intent !== null) {
    const top = found ? topCount(texts, found.at, found.length) : DEFAULT_TOP;
    return answer(intent, kind, readWho(words, rest, context), phrase, top, context.today);
  }
  if (rest === '' && texts.some((t) => THANKS.has(t)))
    return { intent: 'unknown', reply: 'You\'re welcome! Ask me "help" to see what I can answer.' };
  if (rest === '' || HELP.some((help) => phraseAt(texts, new Set(), help) !== -1)) return { intent: 'help' };
  // A name on its own ("housing lead?", "items for L.kavanagh") asks for that owner's open items.
  const who = ownerWho(rest, context);
  if (who.type === 'owner') return { intent: 'owned', kind, who };
  return decline("Sorry, I didn't understand that.");
}
