import { type IsoDate, isBlank } from '../cell.js';
import type { RegisterHalf } from './raw-register.js';
import type { Action, Item, Register, Risk } from './register.js';
import type { StatusState } from './status-words.js';

/**
 * The fields of a risk whose changes matter to a board, as the bot last saw
 * them. Text fields are kept as `keptText` gives them; empty text for a band
 * or trend the row lacks.
 */
export interface RiskSnapshot {
  kind: 'risk';
  /** The ID as written in the sheet ("R - 6"); the map holding it is keyed by the canonical ID. */
  id: string;
  description: string;
  owner: string;
  impact: number | null;
  probability: number | null;
  rating: number | null;
  band: string;
  status: string;
  state: StatusState;
  /** The target resolution date's last milestone (see `settledTarget`). */
  targetDate: IsoDate | null;
  trend: string;
}

/** The fields of an action whose changes matter to a board, as the bot last saw them. */
export interface ActionSnapshot {
  kind: 'action';
  id: string;
  action: string;
  lead: string;
  status: string;
  state: StatusState;
  progress: number | null;
  /** The explicit target date where the row has one, else the timescale's last milestone. */
  targetDate: IsoDate | null;
  timescale: string;
}

export type ItemSnapshot = RiskSnapshot | ActionSnapshot;

/**
 * The register as the bot last saw it, kept in a hidden tab of the sheet
 * (snapshot-tab.ts) so it survives restarts and every instance shares it.
 * Risks and actions are kept apart, each keyed by canonical ID: a register
 * numbering both 1, 2, 3 has a risk 1 and an action 1. A null entry is a
 * row of the tab that could not be read back (a person edited it): the
 * item was known, its fields are not, so it is reported neither as new nor
 * as changed.
 */
export interface RegisterSnapshot {
  /** ISO timestamp the snapshot was recorded at; null when not (yet) known. */
  takenAt: string | null;
  /** The halves the register held then: a half read for the first time is recorded, not reported as all new. */
  holds: Record<RegisterHalf, boolean>;
  /**
   * Fields the register had no column for (`risk.trend`): a column taken
   * away or added is not a change to every row, so such a field is compared
   * only where both sides read it.
   */
  unread: ReadonlySet<string>;
  risks: ReadonlyMap<string, RiskSnapshot | null>;
  actions: ReadonlyMap<string, ActionSnapshot | null>;
}

/** Longest text kept whole: longer text is kept as its start and a fingerprint of the whole, to keep each tab cell small. */
export const KEPT_TEXT_LENGTH = 1_000;

/** FNV-1a over UTF-16 code units: a cheap fingerprint that changes with any edit to a long text. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A text as the snapshot keeps it: whole up to KEPT_TEXT_LENGTH characters,
 * else its start with its length and fingerprint, so a change anywhere in
 * it is still seen and a snapshot row stays far below Sheets' 50,000
 * characters a cell (a person may paste that much into one).
 */
export function keptText(text: string): string {
  if (text.length <= KEPT_TEXT_LENGTH) return text;
  return `${text.slice(0, KEPT_TEXT_LENGTH)}… (${text.length} characters, #${fingerprint(text)})`;
}

/**
 * The target date a person set, which does not move as days pass: an
 * action's explicit Target date where its cell holds one, else the last
 * milestone of its timescale (a risk's target resolution date). The
 * register's `target.targetDate` is the next milestone not yet passed, which
 * moves on its own through a timescale like "Jan 2027; Jun 2027".
 */
export function settledTarget(item: Item): IsoDate | null {
  if (item.kind === 'action' && !isBlank(item.cells.targetDate) && item.target.targetDate !== null)
    return item.target.targetDate;
  return item.target.milestones.at(-1) ?? null;
}

export function riskSnapshot(risk: Risk): RiskSnapshot {
  return {
    kind: 'risk',
    id: risk.id,
    description: keptText(risk.description),
    owner: keptText(risk.owner),
    impact: risk.impact,
    probability: risk.probability,
    rating: risk.rating,
    band: risk.band?.label ?? '',
    status: keptText(risk.status),
    state: risk.state,
    targetDate: settledTarget(risk),
    trend: risk.trend ?? '',
  };
}

export function actionSnapshot(action: Action): ActionSnapshot {
  return {
    kind: 'action',
    id: action.id,
    action: keptText(action.action),
    lead: keptText(action.lead),
    status: keptText(action.status),
    state: action.state,
    progress: action.progress,
    targetDate: settledTarget(action),
    timescale: keptText(action.target.text),
  };
}

/** Items by canonical ID, the first row of an ID winning (a duplicated ID is a problem the register reports). */
function byKey<I extends Item, S>(items: readonly I[], snapshot: (item: I) => S): Map<string, S> {
  const map = new Map<string, S>();
  for (const item of items) if (!map.has(item.key)) map.set(item.key, snapshot(item));
  return map;
}

/** The columns a snapshot field is read from, any one sufficing; fields not listed are always read (worked out, or a state). */
const READ_FROM: Readonly<Record<string, readonly string[]>> = {
  'risk.description': ['description'],
  'risk.owner': ['owner'],
  'risk.impact': ['impact'],
  'risk.probability': ['probability'],
  'risk.status': ['status'],
  'risk.targetDate': ['targetResolution'],
  'risk.trend': ['trend'],
  'action.action': ['action'],
  'action.lead': ['lead'],
  'action.status': ['status'],
  'action.progress': ['progress'],
  'action.targetDate': ['targetDate', 'timescale'],
  'action.timescale': ['timescale'],
};

/** The snapshot fields (`risk.trend`) the register has no column for. */
export function unreadFields(register: Pick<Register, 'columns'>): Set<string> {
  const unread = new Set<string>();
  for (const [field, columns] of Object.entries(READ_FROM)) {
    const tab = field.startsWith('risk.') ? register.columns.risks : register.columns.actions;
    if (!columns.some((column) => tab.has(column))) unread.add(field);
  }
  return unread;
}

/** The register as it is now, as a snapshot not yet recorded (takenAt null). */
export function snapshotOf(register: Register): RegisterSnapshot {
  return {
    takenAt: null,
    holds: { ...register.holds },
    unread: unreadFields(register),
    risks: byKey(register.risks, riskSnapshot),
    actions: byKey(register.actions, actionSnapshot),
  };
}

/** How each snapshot field is kept: text, a number or nothing, a state word, an ISO date or nothing. */
export type SnapshotValue = 'text' | 'number' | 'state' | 'date';

/** Each kind's snapshot fields, in the order they are compared and reported. */
export const SNAPSHOT_FIELDS = {
  risk: {
    description: 'text',
    owner: 'text',
    impact: 'number',
    probability: 'number',
    rating: 'number',
    band: 'text',
    status: 'text',
    state: 'state',
    targetDate: 'date',
    trend: 'text',
  },
  action: {
    action: 'text',
    lead: 'text',
    status: 'text',
    state: 'state',
    progress: 'number',
    targetDate: 'date',
    timescale: 'text',
  },
} as const satisfies {
  risk: Record<Exclude<keyof RiskSnapshot, 'kind' | 'id'>, SnapshotValue>;
  action: Record<Exclude<keyof ActionSnapshot, 'kind' | 'id'>, SnapshotValue>;
};
