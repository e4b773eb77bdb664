import type { HeaderSynonyms, TabKey } from './raw-register.js';

/** Where each field's column is, 0-based, for one tab. */
export interface ColumnMap {
  byField: Record<string, number>;
  problems: HeaderProblem[];
}

export interface HeaderProblem {
  tab: TabKey;
  column: number;
  header: string;
  message: string;
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
 * Finds each field's column by header text. The first synonym of a field is
 * its own header and wins over a synonym of another field, so a sheet with
 * both "Target date" and "Timescale" maps each to its own field. Headers that
 * match no field are left alone: the bot never touches columns it does not know.
 */
export function mapHeaders(tab: TabKey, headers: readonly string[], synonyms: HeaderSynonyms): ColumnMap {
  const byField: Record<string, number> = {};
  const claimed = new Set<number>();
  const keysOfPass: Array<(field: string) => string[]> = [
    (field) => [normalizeHeader(synonyms[field]?.[0] ?? '')],
    (field) => (synonyms[field] ?? []).slice(1).map(normalizeHeader),
    (field) => (synonyms[field] ?? []).map(withoutParentheses),
  ];
  const matches = (header: string, keys: string[]): boolean => {
    const wanted = new Set(keys.filter(Boolean));
    return header.trim() !== '' && (wanted.has(normalizeHeader(header)) || wanted.has(withoutParentheses(header)));
  };
  for (const keysOf of keysOfPass) {
    for (const field of Object.keys(synonyms)) {
      if (field in byField) continue;
      const column = headers.findIndex((header, i) => !claimed.has(i) && matches(header, keysOf(field)));
      if (column < 0) continue;
      byField[field] = column;
      claimed.add(column);
    }
  }
  return { byField, problems: duplicateColumns(tab, headers, synonyms, byField, claimed, keysOfPass, matches) };
}

/** Unclaimed headers that would have matched a field already found: a second column for it. */
function duplicateColumns(
  tab: TabKey,
  headers: readonly string[],
  synonyms: HeaderSynonyms,
  byField: Record<string, number>,
  claimed: Set<number>,
  keysOfPass: Array<(field: string) => string[]>,
  matches: (header: string, keys: string[]) => boolean,
): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  headers.forEach((header, column) => {
    if (claimed.has(column)) return;
    const field = Object.keys(byField).find((f) =>
      matches(
        header,
        keysOfPass.flatMap((keysOf) => keysOf(f)),
      ),
    );
    if (field === undefined) return;
    const first = headers[byField[field]!] ?? '';
    problems.push({
      tab,
      column,
      header,
      message: `"${header}" is a second column for ${synonyms[field]?.[0]} (the first is "${first}"); it is ignored: rename or remove one of them`,
    });
  });
  return problems;
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
