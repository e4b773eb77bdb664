import type { IsoDate } from '../cell.js';
import { monthNumber } from './month-names.js';
import type { YearlessPart } from './plan-year.js';
import type { Check } from './year-parts.js';

/** A piece of cell text: a run of digits, a run of letters (lower-cased) or one other character. */
export type Token = { kind: 'num' | 'word' | 'sym'; text: string; start: number; end: number; glued: boolean };

/**
 * What a pattern made of the tokens from where it started up to (not including)
 * `next`; `from` is where the words it names begin when they start before the
 * token it matched at ("end of" in "end of March").
 */
export type Found =
  | { kind: 'date'; date: IsoDate; next: number }
  | { kind: 'yearless'; part: YearlessPart; next: number; from?: number }
  | { kind: 'invalid'; reason: string; next: number; from?: number }
  | { kind: 'skip'; next: number };

// Three plain alternatives with no nesting: linear on any input.
const TOKEN = /(\d+)|([A-Za-z]+)|(\S)/gu;

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

export const isSym = (t: Token | undefined, chars: string): boolean => t?.kind === 'sym' && chars.includes(t.text);
export const isWord = (t: Token | undefined, words: ReadonlySet<string>): boolean =>
  t?.kind === 'word' && words.has(t.text);
export const skip = (next: number): Found => ({ kind: 'skip', next });
export const found = (check: Check, next: number): Found =>
  'date' in check ? { kind: 'date', date: check.date, next } : { kind: 'invalid', reason: check.reason, next };
export const yearless = (part: YearlessPart, next: number, from?: number): Found =>
  from === undefined ? { kind: 'yearless', part, next } : { kind: 'yearless', part, next, from };

/**
 * "Mar 2011 – June 2011", "2011/12 to 2012/13", "March 1, 2026 → March 31, 2026" (a date range as
 * Notion exports it): the separator between a range's start and end.
 */
export function isRangeSeparator(t: Token | undefined): boolean {
  return isSym(t, '-–—→') || (t?.kind === 'word' && t.text === 'to');
}

/** Numbers joined by one separator with no spaces: "21.9.10", "2011/12", "2010-09-08". */
export function numericRun(tokens: Token[], i: number): { parts: string[]; sep: string; next: number } | undefined {
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
export function yearAt(tokens: Token[], k: number): number | undefined {
  const t = tokens[k];
  const after = tokens[k + 1];
  if (t?.kind !== 'num' || t.text.length < 2 || numericRun(tokens, k)) return undefined;
  if (after?.glued && (after.kind !== 'sym' || after.text === '%')) return undefined;
  return k;
}

/** A number glued to a code ("T52", "NI142"), money ("£255k") or the tail of "52/53" is no date. */
export function canStartNumber(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!tokens[i]?.glued || !prev) return true;
  if (prev.kind !== 'sym') return prev.kind === 'word' && monthNumber(prev.text) !== undefined;
  if ('£$€'.includes(prev.text)) return false;
  return !('/.-'.includes(prev.text) && prev.glued && tokens[i - 2]?.kind === 'num');
}
