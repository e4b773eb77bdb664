import type { IsoDate } from '../cell.js';
import { addDays, dayOfWeek, formatDate } from '../dates/calendar.js';
import { MONTH_NAMES, monthNumber } from '../dates/month-names.js';
import { readSingleDate } from '../dates/timescale.js';
import { daysInMonth, isoOf } from '../dates/timescale-patterns.js';
import { lookUp } from '../text.js';
import { withinOneEdit } from './owner-match.js';
import {
  AHEAD,
  BACK,
  CALENDAR_WORDS,
  type Calendar,
  LEADS,
  type Mode,
  NAMED_DAYS,
  TIME_NUMBERS,
  UNIT_DAYS,
  UNITS,
  type Unit,
  WEEKDAYS,
  YEAR_END,
} from './question-words.js';

/** A day a time phrase reaches, and the phrase as a reply can say it ("before Christmas", "this week"). */
export type TimeBound = { date: IsoDate; label: string };
/** A time phrase in a question: the words it spans, the last day it reaches looking ahead, the first day looking back. */
export interface TimePhrase {
  start: number;
  end: number;
  until: TimeBound | null;
  since: TimeBound | null;
}

/** Every time phrase in the words, in order, or the first date that cannot be ("31/02/2027"). */
export type TimeReading = { phrases: TimePhrase[]; invalid: string | null };

/** Days one way from today; `name` reads after "by", "before" or "since", `period` on its own ("this week"). */
interface Span {
  first: IsoDate;
  last: IsoDate;
  name: string;
  period?: string;
}
/** What the words from one position mean looking ahead and looking back, and where they end. */
interface Core {
  next: number;
  ahead: Span | null;
  back: Span | null;
}
type Reader = (words: readonly string[], at: number, today: IsoDate, led: boolean) => Core | { invalid: string } | null;

const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th)?$/;

const day = (date: IsoDate, name: string, period?: string): Span => ({
  first: date,
  last: date,
  name,
  ...(period ? { period } : {}),
});
const onDays = (next: number, ahead: IsoDate, back: IsoDate): Core => ({
  next,
  ahead: day(ahead, formatDate(ahead)),
  back: day(back, formatDate(back)),
});
const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const monthOf = (date: IsoDate) => Number(date.slice(5, 7));
const mondayOf = (date: IsoDate) => addDays(date, -((dayOfWeek(date) + 6) % 7));
const before = (today: IsoDate, weekday: number) => addDays(today, -((dayOfWeek(today) - weekday + 7) % 7 || 7));
const monthSpan = (year: number, month: number) => ({
  first: isoOf(year, month, 1),
  last: isoOf(year, month, daysInMonth(year, month)),
});

function addMonths(date: IsoDate, months: number): IsoDate {
  const index = yearOf(date) * 12 + monthOf(date) - 1 + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return isoOf(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** The next `month`/`day` on or after today, and the last on or before it; null when that month never has that day. */
function occurrences(today: IsoDate, month: number, dayOfMonth: number): { ahead: IsoDate; back: IsoDate } | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(2000, month)) return null;
  // Years around today, so that 29 February finds a leap year either way.
  const dates = [-4, -3, -2, -1, 0, 1, 2, 3, 4]
    .map((k) => yearOf(today) + k)
    .filter((y) => dayOfMonth <= daysInMonth(y, month))
    .map((y) => isoOf(y, month, dayOfMonth));
  return { ahead: dates.find((d) => d >= today)!, back: dates.filter((d) => d <= today).at(-1)! };
}

const relativeDay: Reader = (words, at, today) => {
  const word = words[at] ?? '';
  if (['today', 'tonight', 'eod'].includes(word))
    return { next: at + 1, ahead: day(today, 'today', 'today'), back: day(today, 'today', 'today') };
  if (['tomorrow', 'tmrw', 'tmr', 'tomoz'].includes(word) || (word.length > 6 && withinOneEdit(word, 'tomorrow'))) {
    return { next: at + 1, ahead: day(addDays(today, 1), 'tomorrow', 'tomorrow'), back: null };
  }
  return word === 'yesterday' ? { next: at + 1, ahead: null, back: day(addDays(today, -1), 'yesterday') } : null;
};

/** "10 days", "2wks", "a couple of weeks", "a fortnight"; after "next" or "last" a fortnight needs no number. */
function readAmount(
  words: readonly string[],
  from: number,
  qualified: boolean,
): { n: number; unit: Unit; next: number } | null {
  const glued = /^(\d{1,3})(d|days?|w|wks?|weeks?)$/.exec(words[from] ?? '');
  if (glued) return { n: Number(glued[1]), unit: lookUp(UNITS, glued[2]!)!, next: from + 1 };
  // "a couple of weeks", "a few days": the "a" is not the number.
  const at = words[from] === 'a' && (words[from + 1] === 'couple' || words[from + 1] === 'few') ? from + 1 : from;
  const n = /^\d{1,3}$/.test(words[at] ?? '') ? Number(words[at]) : lookUp(TIME_NUMBERS, words[at] ?? '');
  const k = n === undefined ? at : at + (words[at + 1] === 'of' ? 2 : 1);
  const unit = lookUp(UNITS, words[k] ?? '');
  const amount = n ?? (qualified && unit === 'fortnight' ? 1 : undefined);
  return amount === undefined || unit === undefined || amount < 1 ? null : { n: amount, unit, next: k + 1 };
}

/** "next 10 days", "in 2 weeks", "last 7 days", "a fortnight", "10d". */
const count: Reader = (words, at, today) => {
  const way = AHEAD.has(words[at] ?? '') ? 'ahead' : BACK.has(words[at] ?? '') ? 'back' : 'both';
  const amount = readAmount(words, way === 'both' ? at : at + 1, way !== 'both');
  if (amount === null) return null;
  const { n, unit } = amount;
  const phrase = n === 1 ? unit : `${n} ${unit}s`;
  const days = UNIT_DAYS[unit];
  const until = days === null ? addMonths(today, n) : addDays(today, n * days);
  const from = days === null ? addMonths(today, -n) : addDays(today, -n * days);
  return {
    next: amount.next,
    ahead:
      way === 'back' ? null : { first: today, last: until, name: formatDate(until), period: `in the next ${phrase}` },
    back:
      way === 'ahead' ? null : { first: from, last: today, name: formatDate(from), period: `in the last ${phrase}` },
  };
};

/** The calendar week (Monday to Sunday), month or year `later` of them after today's. */
function calendarSpan(unit: Calendar, today: IsoDate, later: number): { first: IsoDate; last: IsoDate } {
  if (unit === 'year') return { first: isoOf(yearOf(today) + later, 1, 1), last: isoOf(yearOf(today) + later, 12, 31) };
  if (unit === 'week')
    return { first: addDays(mondayOf(today), 7 * later), last: addDays(mondayOf(today), 7 * later + 6) };
  const first = addMonths(isoOf(yearOf(today), monthOf(today), 1), later);
  return monthSpan(yearOf(first), monthOf(first));
}

/** "this week", "next month", "last week", "this year", "eow", "month end", "the weekend". */
const calendar: Reader = (words, at, today) => {
  const qualifier = ['this', 'the', 'current', ...AHEAD, ...BACK].includes(words[at] ?? '') ? words[at]! : '';
  const k = qualifier === '' ? at : at + 1;
  const later = qualifier === 'next' || qualifier === 'following' ? 1 : 0;
  if (words[k] === 'weekend') {
    const { first, last } = calendarSpan('week', today, later);
    return { next: k + 1, ahead: { first: addDays(first, 5), last, name: 'the weekend' }, back: null };
  }
  const [unit, atEnd] = lookUp(CALENDAR_WORDS, words[k] ?? '') ?? [];
  if (unit === undefined || (atEnd && qualifier !== '')) return null;
  const ended = atEnd === true || words[k + 1] === 'end';
  const next = k + (words[k + 1] === 'end' ? 2 : 1);
  if (BACK.has(qualifier)) {
    const from = unit === 'week' ? addDays(today, -7) : addMonths(today, unit === 'month' ? -1 : -12);
    return {
      next,
      ahead: null,
      back: { first: from, last: today, name: formatDate(from), period: `in the last ${unit}` },
    };
  }
  const span = calendarSpan(unit, today, later);
  const name = `the end of ${later ? 'next' : 'the'} ${unit}`;
  const ahead = ended
    ? day(span.last, name)
    : { first: later ? span.first : today, last: span.last, name, period: `${later ? 'next' : 'this'} ${unit}` };
  // Looking back, "this week" on a Monday means the week just gone, not the hours since midnight.
  const start = unit === 'week' ? before(today, 1) : span.first;
  return {
    next,
    ahead,
    back: later || ended ? null : { first: start, last: today, name: formatDate(start), period: `this ${unit}` },
  };
};

/** "Christmas", "xmas eve", "the new year", "year end", "this financial year". */
const namedDay: Reader = (words, at, today) => {
  const k = ['this', 'the', 'current'].includes(words[at] ?? '') ? at + 1 : at;
  const typo = (words[k]?.length ?? 0) > 7 && withinOneEdit(words[k]!, 'christmas') ? ['christmas'] : [];
  const phrase = (n: number) => [...typo, ...words.slice(k + typo.length, k + n)].join(' ');
  const length = [3, 2, 1].find((n) => lookUp(NAMED_DAYS, phrase(n)) !== undefined);
  const named = length === undefined ? undefined : lookUp(NAMED_DAYS, phrase(length));
  if (length === undefined || named === undefined) return null;
  const [month, dayOfMonth, name] = named;
  const dates = occurrences(today, month, dayOfMonth)!;
  // Looking back, a year end stands for the financial year that began the day after it.
  const back =
    named === YEAR_END ? day(addDays(dates.back, 1), 'the start of the financial year') : day(dates.back, name);
  return { next: k + length, ahead: day(dates.ahead, name), back };
};

/** "friday", "this fri", "next Friday" (in next week), "last monday". Three-letter names need a word before them ("by wed"). */
const weekday: Reader = (words, at, today, led) => {
  const qualifier = ['this', 'next', 'last', 'coming'].includes(words[at] ?? '') ? words[at]! : '';
  const k = qualifier === '' ? at : at + 1;
  const target = lookUp(WEEKDAYS, words[k] ?? '');
  if (target === undefined || (words[k]!.length === 3 && !led && qualifier === '')) return null;
  const ahead =
    qualifier === 'next'
      ? addDays(mondayOf(today), 7 + ((target + 6) % 7))
      : addDays(today, (target - dayOfWeek(today) + 7) % 7);
  const core = onDays(k + 1, ahead, before(today, target));
  return { ...core, ahead: qualifier === 'last' ? null : core.ahead, back: qualifier === 'next' ? null : core.back };
};

/** "31 March", "31st of March 2027", "March 31st", "March", "end of March 2027". "May" needs a word before it or a day. */
const monthName: Reader = (words, at, today, led) => {
  let k = at;
  let dayOfMonth = DAY_NUMBER.exec(words[k] ?? '')?.[1];
  if (dayOfMonth !== undefined) k += words[k + 1] === 'of' ? 2 : 1;
  const m = monthNumber(words[k] ?? '');
  if (m === undefined) return null;
  k += 1;
  if (dayOfMonth === undefined && DAY_NUMBER.test(words[k] ?? '')) dayOfMonth = DAY_NUMBER.exec(words[k++]!)![1];
  const y = /^\d{4}$/.test(words[k] ?? '') ? Number(words[k++]) : null;
  if (words[at] === 'may' && !led && y === null) return null;
  if (dayOfMonth !== undefined) {
    const d = Number(dayOfMonth);
    const invalid = { invalid: `${d} ${MONTH_NAMES[m - 1]}${y === null ? '' : ` ${y}`} is not a date` };
    if (y !== null) return d >= 1 && d <= daysInMonth(y, m) ? onDays(k, isoOf(y, m, d), isoOf(y, m, d)) : invalid;
    const dates = occurrences(today, m, d);
    return dates ? onDays(k, dates.ahead, dates.back) : invalid;
  }
  const ahead = monthSpan(y ?? (m >= monthOf(today) ? yearOf(today) : yearOf(today) + 1), m);
  const back = monthSpan(y ?? (m <= monthOf(today) ? yearOf(today) : yearOf(today) - 1), m);
  const name = (span: { first: IsoDate }) => `${MONTH_NAMES[m - 1]} ${yearOf(span.first)}`;
  return {
    next: k,
    ahead: { ...ahead, name: `the end of ${name(ahead)}` },
    back: { ...back, name: `1 ${name(back)}` },
  };
};

/** "31/03/2027", "31.3.27", "2027-03-31" (day first, as the register reads dates), and "15/12" for the next 15 December. */
const numericDate: Reader = (words, at, today) => {
  const word = words[at] ?? '';
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(word)) {
    const reading = readSingleDate(word);
    if (reading.kind === 'date') return onDays(at + 1, reading.date, reading.date);
    return { invalid: reading.kind === 'invalid' ? reading.message : `"${word}" is not a date` };
  }
  const short = /^(\d{1,2})\/(\d{1,2})$/.exec(word);
  if (short === null) return null;
  const dates = occurrences(today, Number(short[2]), Number(short[1]));
  return dates ? onDays(at + 1, dates.ahead, dates.back) : { invalid: `"${word}" is not a date` };
};

const READERS: readonly Reader[] = [relativeDay, count, namedDay, calendar, weekday, monthName, numericDate];

/** "by", "before the end of", "since", "in the": how the time after it is meant, and whether it is a period's end. */
function readLead(words: readonly string[], at: number): { mode: Mode | null; next: number; endOf: boolean } {
  const two = lookUp(LEADS, `${words[at]} ${words[at + 1]}`);
  const mode = two ?? lookUp(LEADS, words[at] ?? '');
  let k = at + (two ? 2 : mode ? 1 : 0);
  if (words[k] === 'the') k += 1;
  const endOf = words[k] === 'end' && words[k + 1] === 'of';
  if (endOf) k += words[k + 2] === 'the' ? 3 : 2;
  return { mode: mode ?? (endOf ? 'by' : null), next: k, endOf };
}

function resolve(mode: Mode, endOf: boolean, core: Core): Pick<TimePhrase, 'until' | 'since'> {
  const { ahead } = core;
  const back = endOf ? null : core.back;
  let until: TimeBound | null = null;
  if (ahead && mode === 'before')
    until = { date: endOf ? ahead.last : addDays(ahead.first, -1), label: `before ${ahead.name}` };
  else if (ahead && mode !== 'since')
    until = { date: ahead.last, label: (mode === 'plain' && !endOf && ahead.period) || `by ${ahead.name}` };
  const since =
    back && mode !== 'before'
      ? { date: back.first, label: (mode !== 'since' && back.period) || `since ${back.name}` }
      : null;
  return { until, since };
}

/**
 * Finds the time phrases in a question's words (lower case, apostrophes gone):
 * "this week", "in the next 10 days", "before Christmas", "by the end of March",
 * "since Monday", "last 7 days", "by 31/03/2027". Each says how far it reaches
 * ahead (for "due …") and back (for "changed …"). Looking ahead a period means
 * its last day, and "before" a day the day before it. `today` comes in.
 */
export function readTimes(words: readonly string[], today: IsoDate): TimeReading {
  const phrases: TimePhrase[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const lead = readLead(words, at);
    for (const reader of READERS) {
      const core = reader(words, lead.next, today, lead.mode !== null);
      if (core === null) continue;
      if ('invalid' in core) return { phrases, invalid: core.invalid };
      phrases.push({ start: at, end: core.next, ...resolve(lead.mode ?? 'plain', lead.endOf, core) });
      at = core.next - 1;
      break;
    }
  }
  return { phrases, invalid: null };
}
