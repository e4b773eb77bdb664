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
  if (field !== 'status') return false;
  const vocabulary = item.kind === 'risk' ? register.statuses.risks : register.statuses.actions;
  return lookupStatus(vocabulary, entry.newValue)?.state === 'closed';
}

/**
 * What changed between `after` (exclusive) and `until` (inclusive): items
 * added, closed (by a status word the register's vocabulary reads as closed,
 * or a date closed in the period), and risks whose rating rose or fell (first old value to last
 * new value, so a rating that went up and back down is no change). `dayOf`
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
        entry.field === 'created'
          ? 'created'
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
  const moves = [...ratings.entries()].map(([key, move]) => ({ item: items.get(key)!, ...move }));
  const byId = (a: { key: string }, b: { key: string }) => compareText(a.key, b.key);
  return {
    after,
    until,
    added: [...added.values()].sort(byId),
    closed: [...closed.values()].sort(byId),
    ratingUp: moves.filter((m) => m.to > m.from).sort((a, b) => b.to - a.to || byId(a.item, b.item)),
    ratingDown: moves.filter((m) => m.to < m.from).sort((a, b) => a.to - b.to || byId(a.item, b.item)),
  };
}
