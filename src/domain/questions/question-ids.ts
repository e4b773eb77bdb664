import { canonicalId } from '../item-id.js';
import { lookUp } from '../text.js';

/** An item the register holds, as chat may name it: its ID as written there, and whether it is a risk or an action. */
export interface KnownItem {
  id: string;
  kind: 'risk' | 'action';
}

/** An item a question names: the register's own ID when it holds one, else the ID as the bot writes it ("R-7"). */
export interface NamedId {
  id: string;
  kind: 'risk' | 'action' | null;
}

/** The register's items, found by canonical ID ("RISK-001" as "RISK-1"), more loosely, and by their number ("risk 3"). */
export interface KnownIds {
  byKey: ReadonlyMap<string, KnownItem>;
  byLooseKey: ReadonlyMap<string, readonly KnownItem[]>;
  byNumber: ReadonlyMap<string, readonly KnownItem[]>;
}

/**
 * An ID with every separator after a letter and every leading zero gone: "PR-RSK-007" and
 * "pr rsk 7" are both PRRSK7. Chat only: the stores match rows by `canonicalId`, which is stricter.
 */
function looseKey(id: string): string {
  return canonicalId(id)
    .replace(/(^|\D)0+(?=\d)/g, '$1')
    .replace(/(?<=\p{L})[-_.]+(?=[\p{L}\d])/gu, '');
}

/** The number an ID ends in, without leading zeros: "RISK-001" and "H1" are 1, "2.1" is 2.1, "PR-RSK-007" is 7. */
function numberOf(key: string): string | null {
  const match = /(\d+(?:\.\d+)*)$/.exec(key);
  return match ? match[1]!.replace(/^0+(?=\d)/, '') : null;
}

/** Indexes the register's IDs for reading questions; built once per question from the items read. */
export function knownIds(items: readonly KnownItem[]): KnownIds {
  const byKey = new Map<string, KnownItem>();
  const byLooseKey = new Map<string, KnownItem[]>();
  const byNumber = new Map<string, KnownItem[]>();
  for (const item of items) {
    const key = canonicalId(item.id);
    if (key === '' || byKey.has(key)) continue;
    byKey.set(key, item);
    byLooseKey.set(looseKey(key), [...(byLooseKey.get(looseKey(key)) ?? []), item]);
    const number = numberOf(key);
    if (number !== null) byNumber.set(number, [...(byNumber.get(number) ?? []), item]);
  }
  return { byKey, byLooseKey, byNumber };
}

// Words that say which kind of item a number names: "risk 3", "action no. 12", "item 2.1", "#5".
const KIND_WORDS: Readonly<Record<string, 'risk' | 'action' | null>> = {
  risk: 'risk',
  action: 'action',
  task: 'action',
  item: null,
  '#': null,
};

/**
 * Something shaped like an ID: an optional prefix of letters ("RISK", "PR-RSK", "#"), a
 * separator ("-", " no. ", " "), and a number, dotted or not ("001", "2.1"). Not the start
 * of "10 days", "31/03/2027", "10:30" or "50%", nor a half or quarter of a year ("H1 2027").
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}])(?:(#|\p{L}+(?:[-_.]\p{L}+)*)(\s*(?:no\.?|number|#)?\s*[-#._\u2010-\u2015\u2212]?\s*))?(\d+(?:[._-]\d+)*)(?![\p{L}\p{N}]|[/.,:]\d|\s*(?:days?|d|weeks?|wks?|w|months?|%)(?!\p{L})|\s+(?:19|20)\d\d(?!\d))/giu;

const isKindWord = (word: string) => lookUp(KIND_WORDS, word) !== undefined;

// The bot's own IDs, which a question may name even when the register lacks them: "show R-99" is told there is no R-99.
const OWN_PREFIX: Readonly<Record<string, 'risk' | 'action'>> = {
  r: 'risk',
  risk: 'risk',
  a: 'action',
  action: 'action',
};

const named = (item: KnownItem): NamedId => ({ id: item.id, kind: item.kind });

/** The one item an ID names, exactly or, where only one comes close, loosely ("PR-RSK-7" for "PR-RSK-007"). */
function lookUpId(id: string, known: KnownIds): KnownItem | undefined {
  const loose = known.byLooseKey.get(looseKey(id));
  return known.byKey.get(canonicalId(id)) ?? (loose?.length === 1 ? loose[0] : undefined);
}

/** The items one candidate names, best reading first; none when it is not an ID. */
function readCandidate(prefix: string | undefined, separator: string, digits: string, known: KnownIds): NamedId[] {
  const spaced = /\s/.test(separator);
  const word = prefix?.toLowerCase();
  // The ID as typed, without the words that only say a number follows: "R no. 7" is R7.
  const typed = `${prefix ?? ''}${separator.replace(/no\.?|number|#/gi, '')}${digits}`;
  // A spaced "a 5" is English ("in a 5 …"); a spaced "A 4" counts only in capitals.
  if (prefix === 'a' && spaced) return readCandidate(undefined, '', digits, known);
  if (prefix !== undefined && !(spaced && word !== undefined && isKindWord(word))) {
    const found = lookUpId(typed, known);
    if (found) return [named(found)];
  }
  // "about #3", "see no. 3": the sign says a number names an item, whatever word comes before.
  if (word !== undefined && lookUp(OWN_PREFIX, word) === undefined && !isKindWord(word) && /#|no/i.test(separator))
    return readCandidate('#', '', digits, known);
  if (word !== undefined && isKindWord(word)) {
    // "risk 3" is the risk numbered 3, whatever prefix the register gives it; where two are, both are named.
    const kind = lookUp(KIND_WORDS, word) ?? null;
    const number = digits.replace(/^0+(?=\d)/, '');
    const numbered = (known.byNumber.get(number) ?? []).filter((item) => kind === null || item.kind === kind);
    if (numbered.length > 0) return numbered.map(named);
  }
  const own = word === undefined ? undefined : lookUp(OWN_PREFIX, word);
  if (own !== undefined && /^\d{1,5}$/.test(digits)) {
    // The register lacks it: "RISK-001" is asked for as typed, "risk 3" and "r3" as the bot writes them.
    const id = word!.length > 1 && !spaced ? typed : `${word![0]}-${digits}`;
    return [{ id: canonicalId(id), kind: own }];
  }
  // "show me 2.1": a dotted number on its own, only when the register has it (a bare "5" is a count, not an ID).
  const bare = /[._-]/.test(digits) ? lookUpId(digits, known) : undefined;
  return bare ? [named(bare)] : [];
}

/**
 * The items a question names, in the order named, each once: the register's
 * own IDs in any style it uses ("RISK-001", "RSK-1", "R001", "H1", "2.1"),
 * "risk 3" for the risk numbered 3 there, and the bot's R-n and A-n even
 * when the register lacks them. An ID the register holds is never read as
 * another: "RISK-001" is not R-1 when both are there.
 */
export function idsIn(text: string, known: KnownIds): NamedId[] {
  const ids = new Map<string, NamedId>();
  for (const match of text.replace(/<@[^>]*>/g, ' ').matchAll(CANDIDATE)) {
    for (const id of readCandidate(match[1], match[2] ?? '', match[3]!, known)) {
      const key = canonicalId(id.id);
      if (!ids.has(key)) ids.set(key, id);
    }
  }
  return [...ids.values()];
}
