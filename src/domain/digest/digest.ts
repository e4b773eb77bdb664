import type { IsoDate } from '../cell.js';
import { addDays } from '../dates/calendar.js';
import { compareText } from '../item-id.js';
import { type DatedItem, dueSoonItems, overdueItems, type ReviewDue, reviewsDue } from '../items/due-items.js';
import type { Band, Scale } from '../items/scale.js';
import { peopleDirectory } from '../register/people.js';
import type { Problem } from '../register/problem.js';
import type { HeaderSynonyms } from '../register/raw-register.js';
import { type Action, isOpen, ownerOf, ownerOrNone, type Register, type Risk } from '../register/register.js';
import { NUDGE_UNREACHABLE_FIELD } from '../reminders/nudge-ledger.js';
import { previousCounts, type ReportedCounts } from './digest-ledger.js';
import { type HeatMap, heatMap } from './heat-map.js';
import { type WeekChanges, weekChanges } from './week-changes.js';

export interface DigestOptions {
  scale: Scale;
  topRisks: number;
  dueSoonDays: number;
  /** The board, whose last digest the band counts are compared with. */
  boardId: string;
  /** Header synonyms, to read Audit log lines written with header names. */
  synonyms: { risks: HeaderSynonyms; actions: HeaderSynonyms };
  /** The board's calendar date of an Audit log timestamp (its time zone). */
  dayOf: (when: string) => IsoDate | null;
}

/** A reminder that found nobody to go to this week, as the Audit log recorded it. */
export interface UndeliveredReminder {
  item: string;
  reason: string;
}

export interface BandCount {
  band: Band;
  count: number;
}

export interface LeadGroup {
  lead: string;
  items: DatedItem[];
}

/** What a board is told each week, as data; rendered to Block Kit, text and JSON elsewhere. */
export interface Digest {
  asOf: IsoDate;
  source: string;
  openRisks: number;
  openActions: number;
  closedRisks: number;
  /** Open risks by band, lowest band first; unrated ones are counted apart. */
  bandCounts: BandCount[];
  unratedRisks: Risk[];
  topRisks: Risk[];
  overdueByLead: LeadGroup[];
  dueSoon: DatedItem[];
  reviewsDue: ReviewDue[];
  /** Open actions whose target date moved more than once. */
  slippedRepeatedly: Action[];
  /** Owner and lead names the bot cannot reach through People. */
  unreachableOwners: string[];
  /** Reminders of the past week that had nobody to go to (e.g. an e-mail Slack does not know). */
  undelivered: UndeliveredReminder[];
  problems: Problem[];
  /** Band counts as this digest reports them (label → count, "unrated" included), and the last digest's. */
  counts: Record<string, number>;
  previous: ReportedCounts | null;
  /** The week before `asOf`. */
  changes: WeekChanges;
  heatMap: HeatMap;
  /** The halves the register holds: the digest leaves out what it lacks (no heat map for a plan alone). */
  holds: Register['holds'];
}

/**
 * Overdue items by owner, the group holding the longest overdue item first
 * (then the larger group, then by name); within a group, most overdue first.
 */
function groupByLead(items: readonly DatedItem[]): LeadGroup[] {
  const groups = new Map<string, DatedItem[]>();
  for (const dated of items) {
    const lead = ownerOrNone(dated.item);
    groups.set(lead, [...(groups.get(lead) ?? []), dated]);
  }
  const mostOverdue = (group: readonly DatedItem[]) => Math.min(...group.map((dated) => dated.daysToGo));
  return [...groups.entries()]
    .map(([lead, leadItems]) => ({ lead, items: [...leadItems].sort((a, b) => a.daysToGo - b.daysToGo) }))
    .sort(
      (a, b) =>
        mostOverdue(a.items) - mostOverdue(b.items) || b.items.length - a.items.length || compareText(a.lead, b.lead),
    );
}

function unreachableOwners(register: Register): string[] {
  const directory = peopleDirectory(register.people);
  const names = new Set<string>();
  const openItems = [...register.risks, ...register.actions].filter(isOpen);
  for (const item of openItems) for (const name of directory.resolve(ownerOf(item)).missing) names.add(name);
  return [...names].sort((a, b) => compareText(a, b));
}

/** The open rated risks with the highest ratings, highest first (ties by ID). */
export function topRisks(risks: readonly Risk[], count: number): Risk[] {
  return risks
    .filter((risk) => isOpen(risk) && risk.rating !== null)
    .sort((a, b) => b.rating! - a.rating! || compareText(a.key, b.key))
    .slice(0, count);
}

/** The weekly digest of a register as of `today`. */
export function buildDigest(register: Register, today: IsoDate, options: DigestOptions): Digest {
  const open = register.risks.filter(isOpen);
  const rated = open.filter((risk) => risk.rating !== null);
  const bandCounts = options.scale.bands.map((band) => ({
    band,
    count: rated.filter((risk) => risk.band?.label === band.label).length,
  }));
  const counts = Object.fromEntries([
    ...bandCounts.map(({ band, count }) => [band.label, count] as const),
    ['unrated', open.length - rated.length] as const,
  ]);
  const weekBefore = addDays(today, -7);
  return {
    asOf: today,
    source: register.source,
    openRisks: open.length,
    openActions: register.actions.filter(isOpen).length,
    closedRisks: register.risks.length - open.length,
    bandCounts,
    unratedRisks: open.filter((risk) => risk.rating === null),
    topRisks: topRisks(register.risks, options.topRisks),
    overdueByLead: groupByLead(overdueItems(register, today)),
    dueSoon: dueSoonItems(register, today, options.dueSoonDays),
    reviewsDue: reviewsDue(register, today),
    slippedRepeatedly: register.actions.filter((action) => isOpen(action) && action.timesSlipped >= 2),
    unreachableOwners: unreachableOwners(register),
    undelivered: undelivered(register, weekBefore, options.dayOf),
    problems: register.problems,
    counts,
    previous: previousCounts(register.audit, options.boardId, today),
    changes: weekChanges(register, weekBefore, today, options.synonyms, options.dayOf),
    heatMap: heatMap(register.risks, options.scale),
    holds: register.holds,
  };
}

function undelivered(register: Register, after: IsoDate, dayOf: DigestOptions['dayOf']): UndeliveredReminder[] {
  const seen = new Map<string, UndeliveredReminder>();
  for (const entry of register.audit) {
    const day = entry.field === NUDGE_UNREACHABLE_FIELD ? dayOf(entry.when) : null;
    if (day !== null && day > after)
      seen.set(`${entry.item}|${entry.note}`, { item: entry.item, reason: entry.note.replace(/^not sent: /, '') });
  }
  return [...seen.values()];
}
