import type { IsoDate } from '../cell.js';
import { MONTH_NAMES, monthNumber } from './month-names.js';

/** A piece of cell text: a run of digits, a run of letters (lower-cased) or one other character. */
export type Token = { kind: 'num' | 'word' | 'sym'; text: string; start: number; end: number; glued: boolean };

/** What a pattern made of the tokens from where it started up to (not including) `next`. */
export type Found =
  | { kind: 'date'; date: IsoDate; next: number }
  | { kind: 'invalid'; reason: string; next: number }
  | { kind: 'skip'; next: number };

type Check = { date: IsoDate } | { reason: string };
type YearCheck = { year: number } | { reason: string };

// Three plain alternatives with no nesting: linear on any input.
const TOKEN = /(\d+)|([A-Za-z]+)|(\S)/gu;
const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);
const OF = new Set(['of']);
const QUARTER = new Set(['q']);
// Meteorological seasons, as the Met Office counts them: each ends with its last month.
const SEASON_END = new Map([
  ['spring', 5],
  ['summer', 8],
  ['autumn', 11],
  ['winter', 2],
]);
// Each vague word with the month a person most likely means, offered as an example, never used.
const VAGUE = new Map([
  ['beginning', 'January'],
  ['early', 'March'],
  ['mid', 'June'],
]);
const DIGITS = ['no digits', 'one digit', 'two digits', 'three digits', 'four digits', 'five digits', 'six digits'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = -1;
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    const start = m.index;
    tokens.push({
      kind,
      text: kind === 'word' ? m[0].toLowerCase() : m[0],
      start,
      end: start + m[0].length,
      glued: start === last,
    });
    last = start + m[0].length;
  }
  return tokens;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isSym = (t: Token | undefined, chars: string): boolean => t?.kind === 'sym' && chars.includes(t.text);
const isWord = (t: Token | undefined, words: ReadonlySet<string>): boolean => t?.kind === 'word' && words.has(t.text);
const skip = (next: number): Found => ({ kind: 'skip', next });
const found = (check: Check, next: number): Found =>
  'date' in check ? { kind: 'date', date: check.date, next } : { kind: 'invalid', reason: check.reason, next };

/** "Mar 2011 – June 2011", "2011/12 to 2012/13": the separator between a range's start and end. */
export function isRangeSeparator(t: Token | undefined): boolean {
  return isSym(t, '-–—') || (t?.kind === 'word' && t.text === 'to');
}

/** The month a period ends in, `month` counted on from January of `year` (15 = March of the next year). */
function endOfMonth(year: number, month: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return isoOf(y, m, daysInMonth(y, m));
}

/** Two-digit years pivot at 70: "Dec 09" is 2009, "Dec 85" is 1985. */
function readYear(text: string): YearCheck {
  if (text.length === 2) {
    const yy = Number(text);
    return { year: yy < 70 ? 2000 + yy : 1900 + yy };
  }
  if (text.length !== 4) return { reason: `the year ${text} has ${DIGITS[text.length] ?? `${text.length} digits`}` };
  const year = Number(text);
  return year >= 1900 && year <= 2099 ? { year } : { reason: `the year ${text} is not between 1900 and 2099` };
}

function dayCheck(yearText: string, month: number, day: number): Check {
  const y = readYear(yearText);
  if ('reason' in y) return y;
  if (month < 1 || month > 12) return { reason: `there is no month ${month}` };
  if (day < 1) return { reason: `there is no day ${day}` };
  const days = daysInMonth(y.year, month);
  if (day > days) return { reason: `${MONTH_NAMES[month - 1]} ${y.year} has ${days} days` };
  return { date: isoOf(y.year, month, day) };
}

function monthEnd(yearText: string, month: number): Check {
  if (month < 1 || month > 12) return { reason: `there is no month ${month}` };
  const y = readYear(yearText);
  return 'reason' in y ? y : { date: endOfMonth(y.year, month) };
}

/** The calendar year a UK financial year ends in: "2004/5", "2003/04", "2011-12", "2011/2012". */
function financialYearEnd(first: string, second: string): YearCheck {
  const start = readYear(first);
  if ('reason' in start) return start;
  const next = start.year + 1;
  const expected = second.length === 4 ? next : next % 10 ** second.length;
  if (second.length === 3 || second.length > 4 || Number(second) !== expected) {
    return { reason: `${second} is not the year after ${first}, so this is not a financial year` };
  }
  return { year: next };
}

function quarterEnd(year: number, firstMonth: number, quarter: number): Check {
  if (quarter < 1 || quarter > 4) return { reason: `there is no quarter ${quarter}` };
  return { date: endOfMonth(year, firstMonth - 1 + quarter * 3) };
}

/** Numbers joined by one separator with no spaces: "21.9.10", "2011/12", "2010-09-08". */
function numericRun(tokens: Token[], i: number): { parts: string[]; sep: string; next: number } | undefined {
  const parts = [tokens[i]?.text ?? ''];
  let sep: string | undefined;
  let j = i + 1;
  for (let s = tokens[j], n = tokens[j + 1]; s && n; s = tokens[j], n = tokens[j + 1]) {
    if (!isSym(s, '/.-') || !s.glued || !n.glued || n.kind !== 'num' || (sep !== undefined && s.text !== sep)) break;
    sep = s.text;
    parts.push(n.text);
    j += 2;
  }
  return sep === undefined ? undefined : { parts, sep, next: j };
}

/** A number that stands alone: not "50%", "2014k" or the start of "2011/12". */
function yearAt(tokens: Token[], k: number): number | undefined {
  const t = tokens[k];
  const after = tokens[k + 1];
  if (t?.kind !== 'num' || t.text.length < 2 || numericRun(tokens, k)) return undefined;
  if (after?.glued && (after.kind !== 'sym' || after.text === '%')) return undefined;
  return k;
}

function yearAfterMonth(tokens: Token[], k: number): number | undefined {
  return yearAt(tokens, isSym(tokens[k], ".,-'’") ? k + 1 : k);
}

/** A number glued to a code ("T52", "NI142"), money ("£255k") or the tail of "52/53" is no date. */
function canStartNumber(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!tokens[i]?.glued || !prev) return true;
  if (prev.kind !== 'sym') return prev.kind === 'word' && monthNumber(prev.text) !== undefined;
  if ('£$€'.includes(prev.text)) return false;
  return !('/.-'.includes(prev.text) && prev.glued && tokens[i - 2]?.kind === 'num');
}

function threePart([a = '', b = '', c = '']: string[]): Check | undefined {
  if (a.length === 4 && b.length <= 2 && c.length <= 2) return dayCheck(a, Number(b), Number(c));
  if (a.length <= 2 && b.length <= 2 && c.length > 1) return dayCheck(c, Number(b), Number(a));
  return undefined;
}

function twoPart([a = '', b = '']: string[], sep: string): Check | undefined {
  if (sep === '.') return undefined;
  if (a.length === 4) {
    const fy = financialYearEnd(a, b);
    return 'reason' in fy ? fy : { date: isoOf(fy.year, 3, 31) };
  }
  return a.length <= 2 && b.length === 4 ? monthEnd(b, Number(a)) : undefined;
}

function matchNumeric(tokens: Token[], i: number): Found | undefined {
  const run = numericRun(tokens, i);
  if (!run) return undefined;
  const check =
    run.parts.length === 3 ? threePart(run.parts) : run.parts.length === 2 ? twoPart(run.parts, run.sep) : undefined;
  return check ? found(check, run.next) : skip(run.next);
}

/** "31st October 2010", "1 st April 2012", "21st of March 2011", "1-Apr-11". */
function matchDayFirst(tokens: Token[], i: number): Found | undefined {
  const day = tokens[i]?.text ?? '';
  if (day.length > 2) return undefined;
  let j = isWord(tokens[i + 1], ORDINALS) ? i + 2 : i + 1;
  if (isWord(tokens[j], OF) || (isSym(tokens[j], '-') && tokens[j]?.glued)) j += 1;
  const month = monthNumber(tokens[j]?.text ?? '');
  if (month === undefined) return undefined;
  const y = yearAfterMonth(tokens, j + 1);
  return y === undefined ? skip(j + 1) : found(dayCheck(tokens[y]?.text ?? '', month, Number(day)), y + 1);
}

/** "Dec 09", "Nov2009", "Mar-12", "June 11, 2011"; a month with no year after it is passed over. */
function matchMonth(tokens: Token[], i: number, month: number): Found {
  const j = isSym(tokens[i + 1], ".-'’") ? i + 2 : i + 1;
  const num = tokens[j];
  // "Sept 2010-09-08": the full date that follows is the date; the month alone has no year.
  if (num?.kind !== 'num' || numericRun(tokens, j)) return skip(i + 1);
  if (isWord(tokens[j + 1], ORDINALS) || num.text.length <= 2) {
    const k = isWord(tokens[j + 1], ORDINALS) ? j + 2 : j + 1;
    const y = yearAt(tokens, isSym(tokens[k], ',') ? k + 1 : k);
    const year = y === undefined ? '' : (tokens[y]?.text ?? '');
    if (y !== undefined && (year.length === 4 || k === j + 2))
      return found(dayCheck(year, month, Number(num.text)), y + 1);
    if (k === j + 2 || num.text.length === 1) return skip(k);
  }
  return yearAt(tokens, j) === undefined ? skip(i + 1) : found(monthEnd(num.text, month), j + 1);
}

/** "Q3 2011" is a calendar quarter; "Q3 2011/12" is a quarter of the financial year. */
function matchQuarter(tokens: Token[], i: number): Found | undefined {
  const qTok = tokens[i + 1];
  if (qTok?.kind !== 'num' || !qTok.glued) return undefined;
  const quarter = Number(qTok.text);
  const run = numericRun(tokens, i + 2);
  if (run && run.parts.length === 2 && run.sep !== '.') {
    const fy = financialYearEnd(run.parts[0] ?? '', run.parts[1] ?? '');
    return found('reason' in fy ? fy : quarterEnd(fy.year - 1, 4, quarter), run.next);
  }
  const y = yearAt(tokens, i + 2);
  if (y === undefined) return skip(i + 2);
  const year = readYear(tokens[y]?.text ?? '');
  return found('reason' in year ? year : quarterEnd(year.year, 1, quarter), y + 1);
}

/** "2011 Q3" as well as "Q3 2011"; otherwise a four-digit year 1990–2099 standing alone is that year. */
function matchYear(tokens: Token[], i: number): Found | undefined {
  const text = tokens[i]?.text ?? '';
  const year = Number(text);
  if (text.length !== 4 || year < 1990 || year > 2099 || yearAt(tokens, i) === undefined) return undefined;
  const qn = tokens[i + 2];
  if (isWord(tokens[i + 1], QUARTER) && qn?.kind === 'num' && qn.glued)
    return found(quarterEnd(year, 1, Number(qn.text)), i + 3);
  return { kind: 'date', date: isoOf(year, 12, 31), next: i + 1 };
}

function matchFinancialYear(tokens: Token[], i: number): Found | undefined {
  const run = numericRun(tokens, i + 1);
  const [a = '', b = ''] = run?.parts ?? [];
  if (run?.parts.length !== 2 || run.sep === '.' || (a.length !== 2 && a.length !== 4)) return undefined;
  const fy = financialYearEnd(a, b);
  return found('reason' in fy ? fy : { date: isoOf(fy.year, 3, 31) }, run.next);
}

/** "Spring 2012" ends 31 May; "Winter 2011/12" ends in February 2012; "Winter 2012" could be either winter. */
function matchSeason(tokens: Token[], i: number, endMonth: number): Found | undefined {
  const run = numericRun(tokens, i + 1);
  if (endMonth === 2 && run && run.parts.length === 2 && run.sep !== '.') {
    const fy = financialYearEnd(run.parts[0] ?? '', run.parts[1] ?? '');
    return found('reason' in fy ? fy : { date: endOfMonth(fy.year, 2) }, run.next);
  }
  const y = yearAt(tokens, i + 1);
  if (y === undefined) return undefined;
  const text = tokens[y]?.text ?? '';
  if (endMonth === 2)
    return found({ reason: `winter ${text} spans two years; name the month, e.g. "February ${text}"` }, y + 1);
  return found(monthEnd(text, endMonth), y + 1);
}

/** "mid 2012", "early-2012": when in the year is not said, and the year's end would be a guess. */
function matchVague(tokens: Token[], i: number): Found | undefined {
  const k = isSym(tokens[i + 1], '-') || isWord(tokens[i + 1], OF) ? i + 2 : i + 1;
  const y = yearAt(tokens, k);
  const text = y === undefined ? '' : (tokens[y]?.text ?? '');
  if (y === undefined || text.length !== 4) return undefined;
  const word = tokens[i]?.text ?? '';
  return {
    kind: 'invalid',
    reason: `"${word}" does not say when in ${text}; name the month, e.g. "${VAGUE.get(word)} ${text}"`,
    next: y + 1,
  };
}

/** The date expression starting at token `i`, if one does; `next` is always past `i`. */
export function matchAt(tokens: Token[], i: number): Found | undefined {
  const tok = tokens[i];
  if (tok?.kind === 'num') {
    if (!canStartNumber(tokens, i)) return undefined;
    return matchNumeric(tokens, i) ?? matchDayFirst(tokens, i) ?? matchYear(tokens, i);
  }
  if (tok?.kind !== 'word') return undefined;
  const month = monthNumber(tok.text);
  if (month !== undefined) return matchMonth(tokens, i, month);
  const seasonEnd = SEASON_END.get(tok.text);
  if (seasonEnd !== undefined) return matchSeason(tokens, i, seasonEnd);
  if (tok.text === 'q') return matchQuarter(tokens, i);
  if (tok.text === 'fy') return matchFinancialYear(tokens, i);
  return VAGUE.has(tok.text) ? matchVague(tokens, i) : undefined;
}
