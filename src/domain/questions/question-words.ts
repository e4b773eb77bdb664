import { normaliseCommandText } from '../text.js';
import { idsIn, type KnownIds, type NamedId } from './question-ids.js';

/** A word of a question: lower case, apostrophes gone ("what's" is "whats"), where it stands; or a Slack mention. */
export interface QuestionWord {
  text: string;
  start: number;
  end: number;
  mention: { id: string; label: string | null } | null;
}

/** A question as read: the text cleaned of Slack markup, its words, and the items it names. */
export interface QuestionWords {
  clean: string;
  words: QuestionWord[];
  ids: NamedId[];
}

/** Which items a question is about. */
export type QuestionKind = 'action' | 'risk' | 'any';

/** What a question asks, read from its keywords. */
export type Intent = 'reviews' | 'overdue' | 'changes' | 'top' | 'due' | 'owned';

// The vocabulary below is written as the words are read: lower case, apostrophes gone.

/** Keywords and phrases for each intent, in order of precedence: "reviews overdue" is about reviews, "overdue this week" about overdue items. */
export const INTENTS: ReadonlyArray<[Intent, readonly string[]]> = [
  [
    'reviews',
    [
      'review',
      'reviews',
      'reviewed',
      'reviewing',
      'unreviewed',
      'stale',
      'not updated',
      'not been updated',
      'havent been updated',
      'hasnt been updated',
      'no updates',
      'out of date',
      'need updating',
      'needs updating',
      'not touched',
      'not been touched',
    ],
  ],
  [
    'overdue',
    [
      'overdue',
      'late',
      'behind',
      'missed',
      'past due',
      'over due',
      'running late',
      'running behind',
      'slipping behind',
      ...['', 'the ', 'their ', 'its '].flatMap((the) =>
        ['target date', 'target', 'deadline', 'due date', 'date'].map((when) => `past ${the}${when}`),
      ),
    ],
  ],
  [
    'changes',
    [
      'changed',
      'changes',
      'change',
      'happened',
      'moved',
      'updates',
      'updated',
      'latest',
      'news',
      'new',
      'lately',
      'recently',
      'did i miss',
    ],
  ],
  [
    'top',
    [
      'top',
      'biggest',
      'worst',
      'highest',
      'largest',
      'greatest',
      'scariest',
      'riskiest',
      'most serious',
      'most severe',
      'most critical',
      'most significant',
      'most important',
      'highest rated',
      'key risks',
      'main risks',
      'major risks',
      'critical risks',
      'high risks',
      'red risks',
    ],
  ],
  ['due', ['due', 'upcoming', 'deadline', 'deadlines', 'soon', 'expiring', 'coming up', 'falling due', 'approaching']],
  // Last: "what's open and overdue" asks what is overdue.
  [
    'owned',
    [
      'own',
      'owns',
      'owned',
      'open',
      'everything',
      'working on',
      'responsible for',
      'assigned to',
      'on the plate',
      'on their plate',
      'on my plate',
      'on his plate',
      'on her plate',
      'portfolio',
      'in flight',
    ],
  ],
];
/** Ways of asking what the bot can do. */
export const HELP = [
  'help',
  'commands',
  'usage',
  'instructions',
  'what can you do',
  'what do you do',
  'what can i ask',
  'how does this work',
  'how do i use',
  'how do you work',
  'who are you',
];
export const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'ta', 'cheers']);
/** Nouns that say which items: risks, actions (tasks, milestones) or either. */
export const NOUNS: Readonly<Record<string, QuestionKind>> = {
  risk: 'risk',
  risks: 'risk',
  action: 'action',
  actions: 'action',
  task: 'action',
  tasks: 'action',
  todo: 'action',
  todos: 'action',
  deliverable: 'action',
  deliverables: 'action',
  milestone: 'action',
  milestones: 'action',
  item: 'any',
  items: 'any',
};
/** Number words for "top five risks". */
export const NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
/** Verbs that ask for a change, which chat does not make: "close R-7", "add a risk". */
export const WRITE_VERBS = new Set([
  'update',
  'set',
  'edit',
  'change',
  'close',
  'delete',
  'remove',
  'mark',
  'complete',
  'assign',
  'reassign',
  'move',
  'add',
  'create',
  'raise',
  'log',
  'snooze',
  'extend',
  'reopen',
  'cancel',
  'rename',
  'record',
]);
/** Words that may come before a request without changing it: "could you please close R-7". */
export const POLITE = new Set([
  'please',
  'pls',
  'plz',
  'can',
  'could',
  'would',
  'will',
  'you',
  'u',
  'hey',
  'hi',
  'hello',
  'ok',
  'okay',
  'kindly',
  'just',
  'i',
  'want',
  'wanna',
  'need',
  'to',
  'id',
  'like',
  'lets',
  'go',
  'ahead',
  'and',
  'now',
]);
/** "show me", "tell me": "me" after these is not whose items. */
export const ASKING_VERBS = new Set([
  'show',
  'tell',
  'give',
  'send',
  'get',
  'remind',
  'let',
  'list',
  'find',
  'help',
  'pull',
  'bring',
  'fetch',
  'ping',
  'dm',
]);
/** Words that always mean the asker, and the verbs next to which "I" does ("do I have", "am I"). */
export const ME = new Set(['my', 'mine', 'myself', 'ive']);
export const I_OWN = new Set(['have', 'own', 'got', 'owe', 'am', 'do', 'did']);
/** Words that carry nothing once the keywords are found: what is left after them is an owner's name, or not understood. */
export const FILLER = new Set(
  (
    'what whats which who whos whose where when how hows is isnt are arent was were be been being am do does did dont doesnt have has had haz got ' +
    'get gets there theres here any anything anyone anybody something some all every everything everyone everybody the a an for to on in at ' +
    'with from by about re regarding into under within show shows tell give list find see view display pull bring fetch send let know me us ' +
    'we our ours you your u can could would will should shall may might must please pls plz thanks thank thx ty ta cheers hi hello hey hiya ' +
    'morning afternoon evening yo ok okay so just quick quickly now currently current right still yet already atm moment far whole entire total ' +
    'team folks guys everyone lol haha mate bot i im id ive want wanna need like looking look think wondering wonder kindly go that those these ' +
    'this it its them they their things thing stuff question q summary rundown status owned owns own assigned belonging belongs responsible ' +
    'sitting open outstanding exactly really actually again not ones check register plate desk name named called happening going ever ' +
    'possible mine my myself up window period timeframe 4 wot wots wat wats'
  ).split(' '),
);
/** Words kept inside a name ("Dir of Commissioning") but never one on their own. */
export const STOP = new Set(['of', 'and', 'or']);

// The words of time phrases, read in question-dates.ts.

/** How a time phrase is meant: "by" a day, "before" it, "since" it, or plainly ("this week"). */
export type Mode = 'by' | 'before' | 'since' | 'plain';
export const LEADS: Readonly<Record<string, Mode>> = {
  by: 'by',
  until: 'by',
  till: 'by',
  til: 'by',
  untill: 'by',
  'up to': 'by',
  before: 'before',
  'prior to': 'before',
  'ahead of': 'before',
  since: 'since',
  from: 'since',
  in: 'plain',
  within: 'plain',
  over: 'plain',
  during: 'plain',
  for: 'plain',
  on: 'plain',
};
/** Days of the week, 0 for Sunday, as `dayOfWeek` counts them. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  weds: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};
/** Numbers in "in a week", "next couple of weeks", "a few days". */
export const TIME_NUMBERS: Readonly<Record<string, number>> = {
  ...NUMBERS,
  a: 1,
  an: 1,
  eleven: 11,
  fourteen: 14,
  thirty: 30,
  couple: 2,
  few: 3,
};
/** Units of "in N days", with the days in each (a month is counted on the calendar). */
export type Unit = 'day' | 'week' | 'fortnight' | 'month';
export const UNITS: Readonly<Record<string, Unit>> = {
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  fortnight: 'fortnight',
  fortnights: 'fortnight',
  month: 'month',
  months: 'month',
};
export const UNIT_DAYS: Readonly<Record<Unit, number | null>> = { day: 1, week: 7, fortnight: 14, month: null };
/** Calendar periods, and each word for one with whether it means the period's end ("eow": end of week). */
export type Calendar = 'week' | 'month' | 'year';
export const CALENDAR_WORDS: Readonly<Record<string, [Calendar, boolean]>> = {
  week: ['week', false],
  wk: ['week', false],
  eow: ['week', true],
  month: ['month', false],
  eom: ['month', true],
  year: ['year', false],
  eoy: ['year', true],
};
/** Words that turn a period ahead ("next 10 days") or back ("last week"). */
export const AHEAD = new Set(['next', 'coming', 'following']);
export const BACK = new Set(['last', 'past', 'previous']);

const CHRISTMAS: [number, number, string] = [12, 25, 'Christmas'];
const NEW_YEAR: [number, number, string] = [1, 1, 'the new year'];
export const YEAR_END: [number, number, string] = [3, 31, 'the end of the financial year'];
/** Days people name, as [month, day, name]; the year end is the UK financial year's, 31 March. */
export const NAMED_DAYS: Readonly<Record<string, [number, number, string]>> = {
  christmas: CHRISTMAS,
  xmas: CHRISTMAS,
  crimbo: CHRISTMAS,
  'christmas day': CHRISTMAS,
  'christmas eve': [12, 24, 'Christmas Eve'],
  'new year': NEW_YEAR,
  'new years': NEW_YEAR,
  'new years day': NEW_YEAR,
  'new years eve': [12, 31, "New Year's Eve"],
  'year end': YEAR_END,
  yearend: YEAR_END,
  fy: YEAR_END,
  fye: YEAR_END,
  'financial year': YEAR_END,
  'financial year end': YEAR_END,
};

// The bot's own mention, at the start or after a greeting ("hey @bot, …"), is how the question reached it, not whose items.
const LEADING_MENTION = /^(?:(?:hi|hey|hello|hiya|morning|ok|okay|so)\b[\s,!.]*)?<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/i;
const TOKEN = /<@([A-Z0-9]+)(?:\|([^>]*))?>|@?[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/giu;
/** The text as we read it: Slack escapes undone; the bot's own (leading) mention, links, channels, emoji and *bold* marks gone. */
function cleanText(text: string): string {
  return normaliseCommandText(text)
    .replace(LEADING_MENTION, '')
    .replace(/<(?!@)([^>|]*)(?:\|([^>]*))?>/g, (_, target: string, label?: string) =>
      /^[#!]/.test(target) ? ' ' : (label ?? ' '),
    )
    .replace(/:[a-z0-9_+'-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F/gu, ' ')
    .replace(/<@[^>]*>|[*_~`]/g, (match) => (match.length > 1 ? match : ' '))
    .replace(/[‘’]/g, "'")
    .trim();
}

function wordsOf(text: string): QuestionWord[] {
  const words: QuestionWord[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (match[1] !== undefined) {
      words.push({
        text: '',
        start,
        end: start + match[0].length,
        mention: { id: match[1].toUpperCase(), label: match[2] ?? null },
      });
      continue;
    }
    // "month-end" and "lead/planning" are two words; "31/03/2027" and "L.kavanagh" one.
    const pieces = /\p{L}/u.test(match[0])
      ? [...match[0].matchAll(/[^/-]+/g)].map((piece) => ({ text: piece[0], offset: piece.index }))
      : [{ text: match[0], offset: 0 }];
    for (const { text: piece, offset } of pieces) {
      words.push({
        text: piece.toLowerCase().replace(/'/g, ''),
        start: start + offset,
        end: start + offset + piece.length,
        mention: null,
      });
    }
  }
  return words;
}

/**
 * Reads a message as Slack sends it into what the question grammar works on:
 * the cleaned text, its words (a mention of someone is a word of its own) and
 * the items it names, each once, by the register's own IDs where it has them.
 */
export function questionWords(text: string, known: KnownIds): QuestionWords {
  const clean = cleanText(text);
  return { clean, words: wordsOf(clean), ids: idsIn(clean, known) };
}
