import { namesIn, personKey } from '../register/people.js';
import type { Person } from '../register/register.js';
import { lookUp } from '../text.js';

// Abbreviations found in registers and in chat, read as the word they stand for on both sides.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  dir: 'director',
  mgr: 'manager',
  mngr: 'manager',
  mgmt: 'management',
  comm: 'commissioning',
  asst: 'assistant',
  dept: 'department',
  gov: 'governance',
  govt: 'government',
  dev: 'development',
  devt: 'development',
  dvpt: 'development',
  svc: 'service',
  snr: 'senior',
  jnr: 'junior',
  exec: 'executive',
  ops: 'operations',
  info: 'information',
  coord: 'coordinator',
  hr: 'human resources',
  asc: 'adult social care',
  mh: 'mental health',
};
// Words that carry no meaning in a name: "the housing lead", "Head of Adult's Services".
const STOP: ReadonlySet<string> = new Set(['the', 'of', 'for', 'a', 'an', 'and', 'on', 'in', 'at', 'to', 'our']);
// Role words that may be left out or added: "housing" is the "Housing lead", "ASC team" the "ASC lead".
const GENERIC: ReadonlySet<string> = new Set(['lead', 'team', 'officer', 'manager', 'person', 'people', 'owner']);

const EXACT = 4;
const PREFIX = 3;
const TYPO = 2;
const INITIAL = 1;

/**
 * Whether two words are at most one edit apart: a letter changed, added or
 * dropped, or two neighbours swapped ("overdeu" for "overdue"). Linear, as it
 * runs for every word of a message against every keyword.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length && i === b.length) return true;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

const stem = (word: string): string =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

/** A name as the words we compare: lower case, apostrophes dropped, abbreviations spelt out, plurals made singular, filler gone. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .flatMap((word) => (lookUp(ABBREVIATIONS, stem(word)) ?? word).split(' ').map(stem))
    .filter((word) => !STOP.has(word));
}

function wordScore(asked: string, owned: string): number {
  if (asked === owned) return EXACT;
  if (asked.length >= 3 && owned.startsWith(asked)) return PREFIX;
  if (owned.length >= 4 && asked.startsWith(owned)) return PREFIX;
  if (asked.length >= 5 && owned.length >= 5 && withinOneEdit(asked, owned)) return TYPO;
  if ((owned.length === 1 && asked.startsWith(owned)) || (asked.length === 1 && owned.startsWith(asked)))
    return INITIAL;
  return 0;
}

/** How well a name fits: `tier` counts the words that tell it apart from what was asked (0 is best), `score` how closely the rest fit. */
interface Fit {
  tier: number;
  score: number;
}

/** Every meaningful word asked must be in the name; a name's extra words and the role words it lacks lower its tier. */
function fitWords(asked: readonly string[], owned: readonly string[]): Fit | null {
  const required = asked.filter((word) => !GENERIC.has(word));
  const free = [...owned];
  let score = 0;
  let solid = false;
  for (const word of required) {
    const scores = free.map((candidate) => wordScore(word, candidate));
    const best = Math.max(0, ...scores);
    if (best === 0) return null;
    free.splice(scores.indexOf(best), 1);
    score += best;
    solid ||= best >= TYPO && word.length > 1;
  }
  if (!solid) return null;
  let missing = 0;
  for (const word of asked.filter((w) => GENERIC.has(w))) {
    const at = free.indexOf(word);
    if (at === -1) missing += 1;
    else {
      free.splice(at, 1);
      score += EXACT;
    }
  }
  const extra = free.filter((word) => word.length > 1 && !GENERIC.has(word)).length;
  return { tier: extra + missing, score };
}

function fitName(asked: { key: string; words: string[] }, name: string): Fit | null {
  // "lkavanagh" typed for "L.kavanagh": the same letters, however spaced.
  if (asked.key !== '' && asked.key === personKey(name)) return { tier: 0, score: 100 };
  const owned = nameWords(name);
  // "the team lead": asked in role words alone, only a name of exactly those words fits ("Lead" alone fits none).
  if (asked.words.length > 0 && asked.words.every((word) => GENERIC.has(word)))
    return owned.join(' ') === asked.words.join(' ') ? { tier: 0, score: EXACT * owned.length } : null;
  return fitWords(asked.words, owned);
}

/** A register owner name that fits what was asked, and how well. */
export interface OwnerFit {
  name: string;
  tier: number;
  score: number;
}

/**
 * Every owner name that fits `asked`, best first. A cell that names several
 * people ("ASC Lead & Housing lead") fits when the whole cell or any one of them does.
 */
export function rankOwners(asked: string, ownerNames: readonly string[]): OwnerFit[] {
  const fits: Array<OwnerFit & { at: number }> = [];
  const words = { key: personKey(asked), words: nameWords(asked) };
  ownerNames.forEach((name, at) => {
    // A fit with the whole cell beats an equal fit with one of the people it names.
    const parts = [name, ...namesIn(name)]
      .map((part, i) => {
        const fit = fitName(words, part);
        return fit && i > 0 ? { ...fit, score: fit.score - 1 } : fit;
      })
      .filter((fit): fit is Fit => fit !== null);
    if (parts.length === 0) return;
    const best = parts.reduce((a, b) => (b.tier < a.tier || (b.tier === a.tier && b.score > a.score) ? b : a));
    fits.push({ name, ...best, at });
  });
  fits.sort((a, b) => a.tier - b.tier || b.score - a.score || a.at - b.at);
  return fits.map(({ name, tier, score }) => ({ name, tier, score }));
}

function bestTier(asked: string, ownerNames: readonly string[], tier?: number): string[] {
  const ranked = rankOwners(asked, ownerNames);
  const best = tier ?? ranked[0]?.tier;
  return ranked.filter((fit) => fit.tier === best).map((fit) => fit.name);
}

/**
 * The owner names, as written in the register, that `asked` stands for, best
 * first: case, punctuation, abbreviations ("Dir" = "Director"), plurals, a
 * word's start ("housing" = "Housing lead") and one typo in a longer word are
 * forgiven. Only the closest fits are kept, so "Dir of Commissioning" does not
 * bring in "PCT Dir of Commissioning". "X and Y" asks for both. Empty when nothing fits.
 */
export function matchOwners(asked: string, ownerNames: readonly string[]): string[] {
  const whole = asked.replace(/^@/, '');
  const parts = [...new Set(namesIn(whole).map((part) => part.toLowerCase()))];
  if (parts.length > 1) {
    const each = parts.map((part) => bestTier(part, ownerNames));
    // A cell naming exactly those people ("ASC Lead & Housing lead") comes first.
    if (each.every((names) => names.length > 0))
      return [...new Set([...bestTier(whole, ownerNames, 0), ...each.flat()])];
  }
  return bestTier(whole, ownerNames);
}

/** The owner names a Slack user stands for, through People: register cells naming any of their names, then the People names themselves. */
export function ownersOfSlackUser(userId: string, people: readonly Person[], ownerNames: readonly string[]): string[] {
  const theirs = people
    .filter((person) => person.slackUser?.toUpperCase() === userId.toUpperCase())
    .map((person) => person.name);
  const keys = new Set(theirs.map(personKey));
  const names = (cell: string) => [cell, ...namesIn(cell)].some((name) => keys.has(personKey(name)));
  return [...new Set([...ownerNames.filter(names), ...theirs])];
}
