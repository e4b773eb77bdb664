import type { HeaderSynonyms, TabKey } from './raw-register.js';

/** Where each field's column is, 0-based, for one tab. */
export interface ColumnMap {
  byField: Record<string, number>;
  problems: HeaderProblem[];
  /** Headed columns no field reads, in column order: what `check` lists with the setting that would map them. */
  unused: UnusedColumn[];
}

export interface HeaderProblem {
  tab: TabKey;
  column: number;
  header: string;
  message: string;
}

/** A column with a header that no field reads; `alsoNames` is a field it is another name for, read from another column. */
export interface UnusedColumn {
  column: number;
  header: string;
  alsoNames?: string;
}

/**
 * Normalizes a header so that case, spacing, line breaks inside words
 * ("Date Last Upda ted"), and punctuation do not matter.
 */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/** The header with any "(…)" part removed: "Impact (I)" is also "Impact". */
function withoutParentheses(text: string): string {
  return normalizeHeader(text.replace(/\([^)]*\)/g, ''));
}

/**
 * The first line of a header that explains itself on the lines below
 * ("Status\nNot Started / Started / Complete"); the whole header otherwise.
 */
function firstLine(text: string): string {
  return normalizeHeader(text.trim().split(/\r?\n/)[0] ?? '');
}

/** The ways a header is compared with a name, strictest first. */
const READINGS: ReadonlyArray<(text: string) => string> = [normalizeHeader, withoutParentheses, firstLine];

/** Two headers name the same thing when they read alike: "Impact" and "Impact (I)", two "Status" columns. */
function sameName(a: string, b: string): boolean {
  const keys = new Set([normalizeHeader(a), withoutParentheses(a)]);
  return keys.has(normalizeHeader(b)) || keys.has(withoutParentheses(b));
}

/**
 * Finds each field's column by header text. A field's own header (its first
 * name) wins over any other name of any field, so a sheet with both "Target
 * date" and "Timescale" maps each to its own field; then each field's other
 * names are tried in the order listed, so where a sheet has two columns for
 * one field ("Risk description" and "Risk name") the name listed first wins.
 * Each name is compared with a header as written, then without "(…)", then
 * with the header's first line. Headers that match no field are left alone: the bot never touches
 * columns it does not know, and lists them as unused.
 */
export function mapHeaders(tab: TabKey, headers: readonly string[], synonyms: HeaderSynonyms): ColumnMap {
  const byField: Record<string, number> = {};
  const claimed = new Set<number>();
  const fields = Object.keys(synonyms);
  const claim = (field: string, name: string, reading: (text: string) => string): boolean => {
    const wanted = reading === firstLine ? normalizeHeader(name) : reading(name);
    if (wanted === '') return false;
    const column = headers.findIndex(
      (header, i) => !claimed.has(i) && header.trim() !== '' && reading(header) === wanted,
    );
    if (column < 0) return false;
    byField[field] = column;
    claimed.add(column);
    return true;
  };
  for (const reading of READINGS) {
    for (const field of fields) if (!(field in byField)) claim(field, synonyms[field]?.[0] ?? '', reading);
  }
  for (const field of fields) {
    const names = (synonyms[field] ?? []).slice(1);
    names.some((name) => !(field in byField) && READINGS.some((reading) => claim(field, name, reading)));
  }
  return { byField, ...otherColumns(tab, headers, synonyms, byField, claimed) };
}

/** Whether a header matches any name of a field, however it is read. */
function namesField(header: string, names: readonly string[]): boolean {
  return READINGS.some((reading) => {
    const key = reading(header);
    return key !== '' && names.some((name) => (reading === firstLine ? normalizeHeader(name) : reading(name)) === key);
  });
}

/**
 * The headed columns no field claimed: a second column with the same header
 * as a field's column is a problem (which one is meant?); any other is
 * unused, noting the field it is another name for.
 */
function otherColumns(
  tab: TabKey,
  headers: readonly string[],
  synonyms: HeaderSynonyms,
  byField: Record<string, number>,
  claimed: Set<number>,
): Pick<ColumnMap, 'problems' | 'unused'> {
  const problems: HeaderProblem[] = [];
  const unused: UnusedColumn[] = [];
  headers.forEach((header, column) => {
    if (claimed.has(column) || header.trim() === '') return;
    const field = Object.keys(byField).find((f) => namesField(header, synonyms[f] ?? []));
    const first = field === undefined ? '' : (headers[byField[field]!] ?? '');
    if (field === undefined || !sameName(header, first)) {
      unused.push(field === undefined ? { column, header } : { column, header, alsoNames: field });
      return;
    }
    problems.push({
      tab,
      column,
      header,
      message: `"${header}" is a second column for ${synonyms[field]?.[0]} (the first is "${first}"); it is ignored: rename or remove one of them`,
    });
  });
  return { problems, unused };
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
