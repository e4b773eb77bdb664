import { ACTION_STATUS_WORDS, RISK_STATUS_WORDS, type StatusState, type StatusWords } from './status-words.js';

/** A status word as a register's vocabulary spells it, and what it means. */
export interface StatusWord {
  word: string;
  state: StatusState;
}

/**
 * The status words one tab of a register uses: the built-in ones with the
 * settings' own over them, by `statusKey`. Plain data, so two reads of one
 * register compare equal.
 */
export interface StatusVocabulary {
  byKey: ReadonlyMap<string, StatusWord>;
}

/** Case, spacing and punctuation do not matter: "On-hold", "on hold" and "ON HOLD" are one word. */
export function statusKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The forms of a cell's text to try, most exact first: as written, without a
 * parenthesised remark ("Closed (transferred)"), and its part before a dash
 * or colon ("Closed - accepted by the board").
 */
function candidates(text: string): string[] {
  const bare = text.replace(/\([^)]*\)/g, ' ');
  const head = text.split(/\s[-–—]\s|:/)[0] ?? '';
  return [text, bare, head].map(statusKey).filter(Boolean);
}

/** A vocabulary from word lists, later lists winning over earlier ones for the same word. */
export function statusVocabulary(...lists: StatusWords[]): StatusVocabulary {
  const byKey = new Map<string, StatusWord>();
  for (const list of lists) {
    for (const [word, state] of Object.entries(list)) {
      const key = statusKey(word);
      if (key !== '') byKey.set(key, { word: word.trim(), state });
    }
  }
  return { byKey };
}

/** The word a cell or a user's text names, or undefined when the vocabulary has no such word. */
export function lookupStatus(vocabulary: StatusVocabulary, text: string): StatusWord | undefined {
  for (const key of candidates(text)) {
    const found = vocabulary.byKey.get(key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The tab's vocabulary: the built-in words for risks or actions, with the settings' words merged over them. */
export function tabStatusVocabulary(kind: 'risks' | 'actions', fromSettings: StatusWords = {}): StatusVocabulary {
  return statusVocabulary(kind === 'risks' ? RISK_STATUS_WORDS : ACTION_STATUS_WORDS, fromSettings);
}

/**
 * What is wrong with a settings file's status words, each naming the word:
 * a word with no letters or digits can match no cell, and two spellings of
 * one word ("On hold", "on-hold") given different states contradict each other.
 */
export function statusWordsProblems(words: StatusWords): Array<{ word: string; message: string }> {
  const problems: Array<{ word: string; message: string }> = [];
  const seen = new Map<string, string>();
  for (const [word, state] of Object.entries(words)) {
    const key = statusKey(word);
    if (key === '') {
      problems.push({ word, message: 'a status word needs letters or digits' });
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined && words[earlier] !== state)
      problems.push({
        word,
        message: `"${word}" is the same word as "${earlier}" (case, spaces and punctuation do not count) but says "${state}", not "${words[earlier]}"; keep one`,
      });
    if (earlier === undefined) seen.set(key, word);
  }
  return problems;
}
