import type { CellValue, IsoDate } from '../cell.js';
import type { Band } from '../items/scale.js';
import type { TabColumnReport } from './column-report.js';
import type { ActionField, RiskField } from './fields.js';
import type { ItemStatus } from './item-status.js';
import type { Problem } from './problem.js';
import type { AuditRecord, RegisterHalf } from './raw-register.js';
import type { StatusVocabulary } from './status-vocabulary.js';
import type { Trend } from './vocabulary.js';

/** A free-text timescale and what it means: every milestone, and the one that drives reminders. */
export interface TargetDates {
  text: string;
  milestones: IsoDate[];
  /** The next milestone not yet passed, else the last one (which is then overdue); null when there is none. */
  targetDate: IsoDate | null;
}

export interface Risk extends ItemStatus {
  kind: 'risk';
  id: string;
  /** The canonical ID, for matching ("R - 1" → "R-1"). */
  key: string;
  row: number;
  owner: string;
  actionOwner: string;
  description: string;
  impactOnProgramme: string;
  mitigatingActions: string;
  impact: number | null;
  probability: number | null;
  /** Impact x Probability, null while either is missing or invalid. */
  rating: number | null;
  band: Band | null;
  /** Present when the rating is the sheet's own score, impact or probability being missing. */
  ratingFrom?: 'sheet';
  target: TargetDates;
  dateRaised: IsoDate | null;
  dateLastUpdated: IsoDate | null;
  trend: Trend | null;
  /** The cells as read, the "expected" values for a later write. */
  cells: Record<RiskField, CellValue>;
}

export interface Action extends ItemStatus {
  kind: 'action';
  id: string;
  key: string;
  row: number;
  action: string;
  lead: string;
  coDependencies: string;
  resources: string;
  successCriteria: string;
  target: TargetDates;
  originalTargetDate: IsoDate | null;
  timesSlipped: number;
  progress: number | null;
  latestNote: string;
  dateLastUpdated: IsoDate | null;
  linkedRisks: string[];
  cells: Record<ActionField, CellValue>;
}

export interface Person {
  name: string;
  slackUser: string | null;
  email: string | null;
}

/** An Audit log line as read back: what the bot wrote, or a person typed, on sheet row `row`. */
export interface AuditEntry extends Omit<AuditRecord, 'via'> {
  row: number;
  /** As the cell holds it: a person may have written anything. */
  via: string;
}

/** The register as the core sees it: every row that could be read, and every problem found. */
export interface Register {
  source: string;
  risks: Risk[];
  actions: Action[];
  people: Person[];
  audit: AuditEntry[];
  problems: Problem[];
  /** The fields each tab has a column for: the bot writes computed values only where a column exists. */
  columns: { risks: ReadonlySet<string>; actions: ReadonlySet<string> };
  /** The status words each tab was read with: the built-in ones and the settings' own. */
  statuses: { risks: StatusVocabulary; actions: StatusVocabulary };
  /** Which halves the register holds: a risk log, a plan, or both; every output leaves out a half it lacks. */
  holds: Record<RegisterHalf, boolean>;
  /** For each tab found (the Audit log aside), the columns no field reads and the fields not found. */
  columnReports: TabColumnReport[];
}

export type Item = Risk | Action;

/** The person accountable for an item: a risk's owner, an action's lead. */
export function ownerOf(item: Item): string {
  return item.kind === 'risk' ? item.owner : item.lead;
}

/** What stands for the owner of an item the register names nobody for: one wording for a risk's owner and an action's lead. */
export const NO_OWNER = '(no owner)';

/** An item's owner or lead as written, or NO_OWNER. */
export function ownerOrNone(item: Item): string {
  return ownerOf(item) || NO_OWNER;
}

/** Whether an item is still open: counted, listed and shown to the board, whether or not reminders chase it. */
export function isOpen(item: Item): boolean {
  return item.state !== 'closed';
}

/**
 * Whether reminders chase an item: open, and not set aside (an accepted risk,
 * an action on hold). Only these are overdue, due soon or due for review.
 */
export function isChased(item: Item): boolean {
  return item.state === 'open';
}
