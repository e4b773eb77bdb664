import { MONTH_NAMES, monthNumber } from './month-names.js';
import { endOfWorkingWeek } from './plan-year.js';
import {
  matchFinancialYear,
  matchRelative,
  matchYearEnd,
  matchYearPart,
  monthAloneStart,
} from './timescale-periods.js';
import {
  canStartNumber,
  type Found,
  found,
  isSym,
  isWord,
  numericRun,
  skip,
  type Token,
  yearAt,
  yearless,
} from './timescale-tokens.js';
import {
  type Check,
  dayOf,
  daysInMonth,
  endOfMonth,
  financialYearEnd,
  isoOf,
  partEnd,
  readYear,
} from './year-parts.js';

export { isRangeSeparator, type Token, tokenize } from './timescale-tokens.js';
// Kept here for the modules that read dates in questions.
export { daysInMonth, isoOf } from './year-parts.js';

const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);
const OF = new Set(['of']);
const YEAR_PARTS = new Set(['q', 'h']);
const WEEK_WORDS = new Set(['commencing', 'beginning', 'starting', 'of']);
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

function dayCheck(yearText: string, month: number, day: number): Check {
  const y = readYear(yearText);
  return 'reason' in y ? y : dayOf(y.year, month, day);
}

function monthEnd(yearText: string, month: number): Check {
  if (month < 1 || month > 12) return { reason: `there is no month ${month}` };
  const y = readYear(yearText);
  return 'reason' in y ? y : { date: endOfMonth(y.year, month) };
}

/** "12 Jan", "June 11th": a day whose year the plan year gives; 29 February waits for the year to be known. */
function yearlessDay(month: number, day: number, next: number): Found {
  const most = daysInMonth(2000, month);
  if (day < 1) return { kind: 'invalid', reason: `there is no day ${day}`, next };
  if (day > most) return { kind: 'invalid', reason: `${MONTH_NAMES[month - 1]} has ${most} days at most`, next };
  return yearless({ kind: 'day', month, day, weekOf: false }, next);
}

function yearAfterMonth(tokens: Token[], k: number): number | undefined {
  return yearAt(tokens, isSym(tokens[k], ".,-'’") ? k + 1 : k);
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

/** "31st October 2010", "1 st April 2012", "21st of March 2011", "1-Apr-11"; "12 Jan" has no year. */
function matchDayFirst(tokens: Token[], i: number): Found | undefined {
  const day = tokens[i]?.text ?? '';
  if (day.length > 2) return undefined;
  let j = isWord(tokens[i + 1], ORDINALS) ? i + 2 : i + 1;
  if (isWord(tokens[j], OF) || (isSym(tokens[j], '-') && tokens[j]?.glued)) j += 1;
  const month = monthNumber(tokens[j]?.text ?? '');
  if (month === undefined) return undefined;
  const y = yearAfterMonth(tokens, j + 1);
  if (y === undefined) return yearlessDay(month, Number(day), j + 1);
  return found(dayCheck(tokens[y]?.text ?? '', month, Number(day)), y + 1);
}

/** "Dec 09", "Nov2009", "Mar-12", "June 11, 2011"; "June 11th" and "by March" have no year. */
function matchMonth(tokens: Token[], i: number, month: number): Found {
  const j = isSym(tokens[i + 1], ".-'’") ? i + 2 : i + 1;
  const num = tokens[j];
  if (num?.kind !== 'num') {
    const from = monthAloneStart(tokens, i);
    return from === undefined ? skip(i + 1) : yearless({ kind: 'month', month }, i + 1, from);
  }
  // "Sept 2010-09-08": the full date that follows is the date; the month alone has no year.
  if (numericRun(tokens, j)) return skip(i + 1);
  if (isWord(tokens[j + 1], ORDINALS) || num.text.length <= 2) {
    const k = isWord(tokens[j + 1], ORDINALS) ? j + 2 : j + 1;
    const y = yearAt(tokens, isSym(tokens[k], ',') ? k + 1 : k);
    const year = y === undefined ? '' : (tokens[y]?.text ?? '');
    if (y !== undefined && (year.length === 4 || k === j + 2))
      return found(dayCheck(year, month, Number(num.text)), y + 1);
    if (k === j + 2 || num.text.length === 1) return yearlessDay(month, Number(num.text), k);
  }
  return yearAt(tokens, j) === undefined ? skip(i + 1) : found(monthEnd(num.text, month), j + 1);
}

/** "2011 Q3" and "2027 H1" as well as "Q3 2011"; otherwise a four-digit year 1990–2099 standing alone is that year. */
function matchYear(tokens: Token[], i: number): Found | undefined {
  const text = tokens[i]?.text ?? '';
  const year = Number(text);
  if (text.length !== 4 || year < 1990 || year > 2099 || yearAt(tokens, i) === undefined) return undefined;
  const part = tokens[i + 1];
  const n = tokens[i + 2];
  if (isWord(part, YEAR_PARTS) && n?.kind === 'num' && n.glued && (part?.text === 'q' || ['1', '2'].includes(n.text)))
    return found(partEnd(part?.text === 'q' ? 'quarter' : 'half', Number(n.text), year, 1), i + 3);
  return { kind: 'date', date: isoOf(year, 12, 31), next: i + 1 };
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

/** Where the day after "w/c", "wc", "w/b" or "week commencing" starts; undefined for any other word. */
function weekStart(tokens: Token[], i: number): number | undefined {
  const word = tokens[i]?.text;
  const slash = tokens[i + 1];
  const letter = tokens[i + 2];
  if (word === 'w' && isSym(slash, '/') && slash?.glued && letter?.glued && isWord(letter, new Set(['c', 'b'])))
    return i + 3;
  if (word === 'wc' || word === 'wb') return i + 1;
  return (word === 'week' || word === 'wk') && isWord(tokens[i + 1], WEEK_WORDS) ? i + 2 : undefined;
}

/** "w/c 12 Jan 2026", "week commencing 12/01/2026": done by the Friday of that week. */
function matchWeekOf(tokens: Token[], i: number): Found | undefined {
  const k = weekStart(tokens, i);
  if (k === undefined || tokens[k]?.kind !== 'num') return undefined;
  const hit = numericRun(tokens, k)?.parts.length === 3 ? matchNumeric(tokens, k) : matchDayFirst(tokens, k);
  if (hit?.kind === 'date') return { ...hit, date: endOfWorkingWeek(hit.date) };
  if (hit?.kind === 'yearless' && hit.part.kind === 'day') return yearless({ ...hit.part, weekOf: true }, hit.next);
  return hit?.kind === 'invalid' ? hit : skip(k);
}

function matchWord(tokens: Token[], i: number, word: string): Found | undefined {
  switch (word) {
    case 'q':
      return matchYearPart(tokens, i, 'quarter');
    case 'h':
      return matchYearPart(tokens, i, 'half');
    case 'fy':
    case 'fye':
      return matchFinancialYear(tokens, i);
    case 'year':
      return matchYearEnd(tokens, i);
    case 'w':
    case 'wc':
    case 'wb':
    case 'wk':
    case 'week':
      return matchWeekOf(tokens, i) ?? matchRelative(tokens, i);
    case 'month':
    case 'quarter':
      return matchRelative(tokens, i);
    default:
      return VAGUE.has(word) ? matchVague(tokens, i) : undefined;
  }
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
  return matchWord(tokens, i, tok.text);
}
