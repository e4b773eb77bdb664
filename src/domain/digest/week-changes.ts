import type { IsoDate } from '../cell.js';
import { canonicalId, compareText } from '../item-id.js';
import { normalizeHeader } from '../register/header-map.js';
import type { HeaderSynonyms } from '../register/raw-register.js';
import type { AuditEntry, Item, Register } from '../register/register.js';
import { lookupStatus } from '../register/status-vocabulary.js';

/** A risk whose rating moved over the period: first value before it, last value after. */
export interface RatingMove {
  item: Item;
  from: number;
  to: number;
  /** The band before, when the Audit log says the band changed too. */
  bandFrom?: string;
}

/** A value that moved over the period, as the Audit log shows it: first old value, last new one (dates ISO). */
export interface ValueMove {
  item: Item;
  from: string;
  to: string;
}

/** What changed in the register over a period, from its Audit log (and Date raised for rows added by hand). */
export interface WeekChanges {
  /** Exclusive start and inclusive end of the period. */
  after: IsoDate;
  until: IsoDate;
  added: Item[];
  closed: Item[];
  ratingUp: RatingMove[];
  ratingDown: RatingMove[];
  /** Risks whose band changed with no rating move in the period (a band typed by hand). */
  bandChanged: ValueMove[];
  /** Items whose target date moved: a risk's target resolution date, an action's target date. */
  datesMoved: ValueMove[];
}

/**
 * The register field an Audit log line is about. The bot writes field keys
 * ("rating"); lines people wrote, or older tools, use headers ("Rating (I x
 * P)"): both are matched through the tab's header synonyms.
 */
export function auditFieldOf(field: string, synonyms: HeaderSynonyms): string | null {
  const wanted = normalizeHeader(field);
  const bare = normalizeHeader(field.replace(/\([^)]*\)/g, ''));
  for (const [key, headers] of Object.entries(synonyms)) {
    const names = [key, ...headers];
    if (
      names.some((name) => normalizeHeader(name) === wanted || normalizeHeader(name.replace(/\([^)]*\)/g, '')) === bare)
    )
      return key;
  }
  return null;
}

/** Whether an Audit log line closed its item: a status word meaning closed, or a date put in Date closed. */
function closes(register: Register, item: Item, field: string | null, entry: AuditEntry): boolean {
  if (field === 'dateClosed') return entry.newValue.trim() !== '';
  // A state line (sheet-changes.ts) says an item closed with its status word unchanged: a RAG, a progress of 100%.
  if (field === 'state') return entry.newValue.trim() === 'closed';
  if (field !== 'status') return false;
  const vocabulary = item.kind === 'risk' ? register.statuses.risks : register.statuses.actions;
  return lookupStatus(vocabulary, entry.newValue)?.state === 'closed';
}

/**
 * What changed between `after` (exclusive) and `until` (inclusive): items
 * added, closed (by a status word the register's vocabulary reads as closed,
 * or a date closed in the period), risks whose rating rose or fell (first old value to last
 * new value, so a rating that went up and back down is no change), bands
 * changed without a rating move, and target dates moved. Lines people made
 * in the sheet itself (via 'sheet', sheet-changes.ts) count as the bot's do. `dayOf`
 * turns an Audit log timestamp into the board's calendar date.
 */
export function weekChanges(
  register: Register,
  after: IsoDate,
  until: IsoDate,
  synonyms: { risks: HeaderSynonyms; actions: HeaderSynonyms },
  dayOf: (when: string) => IsoDate | null,
): WeekChanges {
  const items = new Map<string, Item>([...register.risks, ...register.actions].map((item) => [item.key, item]));
  const added = new Map<string, Item>();
  const closed = new Map<string, Item>();
  const ratings = new Map<string, { from: number; to: number }>();
  const bands = new Map<string, { from: string; to: string }>();
  const dates = new Map<string, { from: string; to: string }>();
  const move = (into: Map<string, { from: string; to: string }>, key: string, entry: AuditEntry) =>
    into.set(key, { from: into.get(key)?.from ?? entry.oldValue.trim(), to: entry.newValue.trim() });
  const inPeriod = (entry: AuditEntry) => {
    const day = dayOf(entry.when);
    return day !== null && day > after && day <= until;
  };
  // Few distinct field names recur across thousands of lines: each is matched once.
  const fields = new Map<string, string | null>();
  const fieldOf = (entry: AuditEntry, kind: Item['kind']) => {
    const key = `${kind}|${entry.field}`;
    if (!fields.has(key))
      fields.set(
        key,
        entry.field === 'created' || entry.field === 'state'
          ? entry.field
          : auditFieldOf(entry.field, kind === 'risk' ? synonyms.risks : synonyms.actions),
      );
    return fields.get(key)!;
  };
  for (const entry of register.audit.filter(inPeriod)) {
    const item = items.get(canonicalId(entry.item));
    if (item === undefined) continue;
    const field = fieldOf(entry, item.kind);
    const closing = closes(register, item, field, entry);
    if (field === 'created' || (field === 'status' && entry.oldValue.trim() === '' && !closing))
      added.set(item.key, item);
    else if (closing) closed.set(item.key, item);
    else if (field === 'band' && item.kind === 'risk') move(bands, item.key, entry);
    else if (field === 'targetResolution' || field === 'targetDate') move(dates, item.key, entry);
    else if (field === 'rating' && item.kind === 'risk') {
      const from = Number(entry.oldValue);
      const to = Number(entry.newValue);
      if (entry.oldValue.trim() === '' || !Number.isFinite(from) || !Number.isFinite(to)) continue;
      const seen = ratings.get(item.key);
      ratings.set(item.key, { from: seen?.from ?? from, to });
    }
  }
  for (const risk of register.risks)
    if (risk.dateRaised !== null && risk.dateRaised > after && risk.dateRaised <= until) added.set(risk.key, risk);
  // A date typed into Date closed closes the item as surely as a status word, with or without an Audit line.
  for (const item of items.values())
    if (item.dateClosed !== null && item.dateClosed > after && item.dateClosed <= until) closed.set(item.key, item);
  const byId = (a: { key: string }, b: { key: string }) => compareText(a.key, b.key);
  const bandFrom = (key: string) => {
    const band = bands.get(key);
    return band !== undefined && band.from !== band.to && band.from !== '' ? { bandFrom: band.from } : {};
  };
  const moves = [...ratings.entries()].map(([key, move]) => ({ item: items.get(key)!, ...move, ...bandFrom(key) }));
  // A move back to where it started is no change; a band that moved with its rating is said with the rating.
  const values = (from: Map<string, { from: string; to: string }>, skip: (key: string) => boolean) =>
    [...from.entries()]
      .filter(([key, move]) => move.from !== move.to && !skip(key))
      .map(([key, move]) => ({ item: items.get(key)!, ...move }))
      .sort((a, b) => byId(a.item, b.item));
  const rated = (key: string) => {
    const rating = ratings.get(key);
    return rating !== undefined && rating.from !== rating.to;
  };
  return {
    after,
    until,
    added: [...added.values()].sort(byId),
    closed: [...closed.values()].sort(byId),
    ratingUp: moves.filter((m) => m.to > m.from).sort((a, b) => b.to - a.to || byId(a.item, b.item)),
    ratingDown: moves.filter((m) => m.to < m.from).sort((a, b) => a.to - b.to || byId(a.item, b.item)),
    bandChanged: values(bands, rated),
    datesMoved: values(dates, () => false),
  };
}
