import { nameWords } from './owner-match.js';

/**
 * Which of a question's words spell out an owner's whole name, as the
 * register writes it: "team" and "lead" in "what does Team Lead own?",
 * "change" and "manager" in "what does Change Manager own?". The grammar
 * leaves these to the name rather than read them as keywords or filler.
 * Only names of two words or more count: one ordinary word ("Change") is
 * more likely meant as itself. Words are compared as `nameWords` reads them
 * (case, plurals and abbreviations forgiven, "the" and "of" skipped), with
 * no typos: a near miss is left to the grammar as before.
 *
 * @param texts the question's words, as question-words.ts reads them
 * @param names owner and lead names as written in the register and People
 * @returns indices into `texts`
 */
export function ownerPhrases(texts: readonly string[], names: readonly string[]): Set<number> {
  const flat = texts.flatMap((text, at) => nameWords(text).map((word) => ({ word, at })));
  const found = new Set<number>();
  const phrases = new Set(names.map((name) => nameWords(name).join(' ')).filter((phrase) => phrase.includes(' ')));
  // Longest first, so "Change Programme Manager" wins over "Programme Manager" inside it.
  const longestFirst = [...phrases].map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
  for (const phrase of longestFirst) {
    for (let start = 0; start + phrase.length <= flat.length; start += 1) {
      const span = flat.slice(start, start + phrase.length);
      if (span.some((part, i) => part.word !== phrase[i] || found.has(part.at))) continue;
      for (let at = span[0]!.at; at <= span.at(-1)!.at; at += 1) found.add(at);
    }
  }
  return found;
}
