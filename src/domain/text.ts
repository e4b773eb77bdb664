/** Text helpers the domain shares: how both grammars (slash commands and questions in chat) read their input, and how long text is cut. */

/** Longest command text read; anything longer is refused rather than scanned. */
export const MAX_COMMAND_LENGTH = 10_000;

/** A word's entry in a vocabulary; own keys only, so "constructor" or "__proto__" typed by a user finds nothing. */
export function lookUp<T>(words: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(words, word) ? words[word] : undefined;
}

// Slack escapes only these three in `text`; one pass, so "&amp;lt;" becomes "&lt;" and no further.
const SLACK_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * The command text as we scan it: Slack's escapes undone, control characters, tabs and Unicode
 * spaces made plain spaces, zero-width spaces dropped, runs of spaces collapsed, ends trimmed.
 * Joiners (U+200C, U+200D) between two characters stay: they spell emoji sequences and Persian
 * or Indic words; anywhere else they are dropped, like zero-width spaces.
 */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt);/g, (entity) => SLACK_ESCAPES[entity] ?? entity)
    .replace(/[\u200b\u2060\ufeff]/g, '')
    .replace(/(^|\s)[\u200c\u200d]+|[\u200c\u200d]+(?=\s|$)/g, '$1')
    .replace(/[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * `text` kept to at most `max` characters: when longer, its start and "…", the ellipsis counted
 * in `max`. `tidy` may shorten the start kept before the ellipsis (a space left dangling, half of
 * an entity such as "&amp;").
 */
export function clip(text: string, max: number, tidy: (kept: string) => string = (kept) => kept): string {
  return text.length <= max ? text : `${tidy(text.slice(0, max - 1))}…`;
}
