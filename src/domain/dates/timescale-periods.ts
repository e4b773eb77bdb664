import { monthNumber } from './month-names.js';
import {
  type Found,
  found,
  isRangeSeparator,
  isSym,
  isWord,
  numericRun,
  skip,
  type Token,
  yearAt,
  yearless,
} from './timescale-tokens.js';
import { financialYearEnd, isoOf, partEnd, readYear, type YearCheck, type YearPart } from './year-parts.js';

const FY_WORDS = new Set(['fy', 'fye']);
// Words after which a month with no year is a date ("by March", "end of March"), not a word in a sentence ("it may").
const MONTH_LEADS = new Set(['by', 'until', 'till', 'before', 'due', 'in', 'during', 'from']);
// Words that say which part of the month, and so belong to the text quoted back.
const SPAN_LEADS = new Set(['end', 'mid', 'early', 'late']);
const OF_LEADS = new Set(['end', 'beginning', 'start', 'middle', 'mid']);
const RELATIVE_LEADS = new Set(['next', 'this', 'following', 'coming', 'current', 'last']);
const PERIODS = new Set(['week', 'month', 'quarter']);
const RELATIVE_REASON =
  'it counts from the day it was written, which the sheet does not keep; type the date itself, like 2027-03-31';

/**
 * A UK financial year at token `k`: "2026/27", "FY 2026/27", "FY27", "FY2027".
 * A single year after FY is the year it ends in ("FY27" ends 31 March 2027).
 */
export function financialYearAt(tokens: Token[], k: number): { end: YearCheck; next: number } | undefined {
  const fy = isWord(tokens[k], FY_WORDS);
  const at = fy ? k + 1 : k;
  const run = tokens[at]?.kind === 'num' ? numericRun(tokens, at) : undefined;
  if (run) {
    const [a = '', b = ''] = run.parts;
    if (run.parts.length !== 2 || run.sep === '.' || (a.length !== 2 && a.length !== 4)) return undefined;
    return { end: financialYearEnd(a, b), next: run.next };
  }
  const y = fy ? yearAt(tokens, at) : undefined;
  const text = y === undefined ? '' : (tokens[y]?.text ?? '');
  if (y === undefined || (text.length !== 2 && text.length !== 4)) return undefined;
  return { end: readYear(text), next: y + 1 };
}

/** "FY 2011/12", "FY27": the financial year's last day, 31 March. */
export function matchFinancialYear(tokens: Token[], i: number): Found | undefined {
  const fy = financialYearAt(tokens, i);
  if (fy === undefined) return undefined;
  return found('reason' in fy.end ? fy.end : { date: isoOf(fy.end.year, 3, 31) }, fy.next);
}

/**
 * "Q3 2011" and "H1 2027" are parts of a calendar year; "Q3 2011/12", "Q4 FY27"
 * and "H1 2027/28" parts of the financial year. "Q3" or "H1" alone has no year.
 */
export function matchYearPart(tokens: Token[], i: number, part: YearPart): Found | undefined {
  const nTok = tokens[i + 1];
  if (nTok?.kind !== 'num' || !nTok.glued) return undefined;
  const n = Number(nTok.text);
  // "H3", "H5N1": codes, not halves.
  if (part === 'half' && n !== 1 && n !== 2) return undefined;
  const fy = financialYearAt(tokens, i + 2);
  if (fy !== undefined) return found('reason' in fy.end ? fy.end : partEnd(part, n, fy.end.year - 1, 4), fy.next);
  const y = yearAt(tokens, i + 2);
  if (y !== undefined) {
    const year = readYear(tokens[y]?.text ?? '');
    return found('reason' in year ? year : partEnd(part, n, year.year, 1), y + 1);
  }
  const after = tokens[i + 2];
  if ((after?.glued && after.kind !== 'sym') || 'reason' in partEnd(part, n, 2000, 1)) return skip(i + 2);
  return yearless({ kind: part, n }, i + 2);
}

const THE = new Set(['the']);
const OF = new Set(['of']);
const END = new Set(['end']);

/** Where "end of (the)" starts when it comes just before token `i`; undefined when it does not. */
function endOfBefore(tokens: Token[], i: number): number | undefined {
  const k = isWord(tokens[i - 1], THE) ? i - 2 : i - 1;
  return isWord(tokens[k], OF) && isWord(tokens[k - 1], END) ? k - 1 : undefined;
}

/** "year end", "end of the financial year": the plan year's end. "year 2" or "year end 2027" is left to others. */
export function matchYearEnd(tokens: Token[], i: number): Found | undefined {
  const relative = matchRelative(tokens, i);
  if (relative) return relative;
  const financial = isWord(tokens[i - 1], new Set(['financial']));
  const endOf = endOfBefore(tokens, financial ? i - 1 : i);
  const j = isSym(tokens[i + 1], '-') ? i + 2 : i + 1;
  const yearEnd = isWord(tokens[j], END);
  const next = yearEnd ? j + 1 : i + 1;
  if ((endOf === undefined && !yearEnd) || tokens[next]?.kind === 'num') return undefined;
  return yearless({ kind: 'yearEnd', financial }, next, endOf ?? (financial ? i - 1 : i));
}

/** "next week", "this month", "end of the quarter": a date that depends on when it was written. */
export function matchRelative(tokens: Token[], i: number): Found | undefined {
  const word = tokens[i]?.text ?? '';
  if (!PERIODS.has(word) && word !== 'year') return undefined;
  const from = isWord(tokens[i - 1], RELATIVE_LEADS) ? i - 1 : word === 'year' ? undefined : endOfBefore(tokens, i);
  if (from === undefined) return undefined;
  return { kind: 'invalid', reason: RELATIVE_REASON, next: i + 1, from };
}

/**
 * Where a month written with no year (token `i`) begins as a date, or
 * undefined when it is not one: after "by", "end of", "in", a range's dash,
 * or first in the cell with no word after it ("March", "Jan – Mar"); not
 * "May be delayed" or "it may". "end of" and "mid" are part of what it names.
 */
export function monthAloneStart(tokens: Token[], i: number): number | undefined {
  const prev = tokens[i - 1];
  const before = tokens[i - 2];
  if (isWord(prev, OF) && isWord(before, OF_LEADS)) return i - 2;
  if (isSym(prev, '-') && prev?.glued && isWord(before, new Set(['end', 'mid']))) return i - 2;
  if (isWord(prev, SPAN_LEADS)) return i - 1;
  if (isWord(prev, MONTH_LEADS)) return i;
  if (isRangeSeparator(prev) && before?.kind === 'word' && monthNumber(before.text) !== undefined) return i;
  const first = tokens.findIndex((t) => t.kind !== 'sym');
  const after = tokens[i + 1]?.kind;
  return first === i && after !== 'word' && after !== 'num' ? i : undefined;
}
