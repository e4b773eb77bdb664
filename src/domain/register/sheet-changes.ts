import type { CellValue } from '../cell.js';
import { slipCells, trendBetween } from '../items/slip-and-trend.js';
import type { AuditRecord, CellChange, RegisterHalf } from './raw-register.js';
import type { Action, Item, Register, Risk } from './register.js';
import {
  actionSnapshot,
  type ItemSnapshot,
  type RegisterSnapshot,
  type RiskSnapshot,
  riskSnapshot,
  SNAPSHOT_FIELDS,
  snapshotOf,
  unreadFields,
} from './register-snapshot.js';
import { type BotWrites, botWritesSince } from './sheet-changes-bot.js';

/** Who the Audit log says made a change seen in the sheet: a person, editing the sheet itself. */
export const SHEET_WHO = 'in the sheet';

/** A cell the bot writes to keep the register true after a hand edit; `expected` is the cell as read now. */
export interface SheetCellChange extends CellChange {
  key: string;
  kind: 'risk' | 'action';
  /** The item's ID as written, as a store's RowUpdate takes it. */
  id: string;
}

export interface SheetChanges {
  /** One line per field a person changed, item added or row deleted, via 'sheet', by SHEET_WHO. */
  audit: AuditRecord[];
  /** Trend after a rating moved, slip count and original target date after a target date moved later. */
  cells: SheetCellChange[];
  /** The snapshot to record once `audit` and `cells` are written: the register now, with `cells` applied, taken at `now`. */
  snapshot: RegisterSnapshot;
  /** True when `snapshot` says what the recorded one says: the hidden tab needs no write. */
  unchanged: boolean;
}

/** The Audit log's field for a snapshot field: the register field the bot's own lines name. */
const AUDIT_FIELD: Record<string, string> = { risk_targetDate: 'targetResolution' };
const auditField = (kind: Item['kind'], field: string) => AUDIT_FIELD[`${kind}_${field}`] ?? field;

/** Fields the bot works out from others: a bot's write of any of those explains a change in these. */
const FOLLOWS: Record<string, readonly string[]> = {
  rating: ['impact', 'probability'],
  band: ['rating', 'impact', 'probability'],
  trend: ['impact', 'probability', 'rating'],
  state: ['status', 'dateClosed', 'progress'],
  progress: ['status'],
};

const valueText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const title = (item: Item) => (item.kind === 'risk' ? item.description : item.action).slice(0, 200);

interface Diff {
  now: string;
  register: Register;
  bot: BotWrites;
  /** Snapshot fields (`risk.trend`) without a column when the snapshot was taken, and now. */
  unreadBefore: ReadonlySet<string>;
  unreadNow: ReadonlySet<string>;
  audit: AuditRecord[];
  cells: SheetCellChange[];
}

function line(diff: Diff, id: string, field: string, oldValue: string, newValue: string, note: string): void {
  diff.audit.push({ when: diff.now, who: SHEET_WHO, item: id, field, oldValue, newValue, via: 'sheet', note });
}

/** The fields of one item a person changed, each an Audit line unless the bot's own write explains it. */
function changedFields(diff: Diff, key: string, before: ItemSnapshot, after: ItemSnapshot): Set<string> {
  const changed = new Set<string>();
  const fields = after.kind === 'risk' ? SNAPSHOT_FIELDS.risk : SNAPSHOT_FIELDS.action;
  const was = before as unknown as Record<string, unknown>;
  const is = after as unknown as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    // A column taken away is no change to every row: the value last read is kept until it comes back.
    if (diff.unreadNow.has(`${after.kind}.${field}`)) {
      is[field] = was[field];
      continue;
    }
    if (diff.unreadBefore.has(`${after.kind}.${field}`)) continue;
    const old = valueText(was[field]);
    const now = valueText(is[field]);
    if (old === now) continue;
    const name = auditField(after.kind, field);
    if (diff.bot.set(key, name, now) || (FOLLOWS[field] ?? []).some((source) => diff.bot.touched(key, source)))
      continue;
    // A state follows its status word: said once, by the status line, unless the word stayed and the state moved.
    if (field === 'state' && changed.has('status')) continue;
    changed.add(field);
    line(diff, after.id, name, old, now, 'changed by hand in the sheet');
  }
  return changed;
}

function cell(diff: Diff, item: Item, field: string, value: CellValue, follows: readonly string[]): void {
  const columns = item.kind === 'risk' ? diff.register.columns.risks : diff.register.columns.actions;
  if (!columns.has(field)) return;
  const expected = (item.cells as Record<string, CellValue>)[field] ?? null;
  diff.cells.push({ key: item.key, kind: item.kind, id: item.id, field, expected, value, follows });
}

/** A rating moved by hand: the Trend says which way, as after the bot's own update, unless the person set it too. */
function keepTrend(diff: Diff, risk: Risk, before: RiskSnapshot, after: RiskSnapshot, changed: Set<string>): void {
  if (!changed.has('rating') || changed.has('trend')) return;
  const trend = trendBetween(before.rating, after.rating);
  if (trend === null || trend === after.trend) return;
  cell(diff, risk, 'trend', trend, ['impact', 'probability']);
  if (diff.register.columns.risks.has('trend')) after.trend = trend;
}

/** A target date moved later by hand is a slip, counted as the bot counts its own. */
function countSlip(diff: Diff, action: Action, before: ItemSnapshot, after: ItemSnapshot, changed: Set<string>): void {
  if (!changed.has('targetDate') || after.targetDate === null) return;
  for (const knock of slipCells(action, before.targetDate, after.targetDate))
    cell(diff, action, knock.field, knock.value, []);
}

function diffHalf<I extends Item, S extends ItemSnapshot>(
  diff: Diff,
  items: readonly I[],
  before: ReadonlyMap<string, S | null>,
  snapshot: (item: I) => S,
): Map<string, S> {
  const next = new Map<string, S>();
  for (const item of items) {
    if (next.has(item.key)) continue;
    const now = snapshot(item);
    next.set(item.key, now);
    const was = before.get(item.key);
    if (was === null) continue;
    if (was === undefined) {
      if (!diff.bot.touched(item.key, 'created'))
        line(diff, item.id, 'created', '', title(item), 'added by hand in the sheet');
      continue;
    }
    const changed = changedFields(diff, item.key, was, now);
    if (item.kind === 'risk') keepTrend(diff, item, was as RiskSnapshot, now as RiskSnapshot, changed);
    else countSlip(diff, item, was, now, changed);
  }
  for (const [key, was] of before)
    if (was !== null && !next.has(key)) {
      const text = was.kind === 'risk' ? was.description : was.action;
      line(diff, was.id, 'deleted', text.slice(0, 200), '', 'row deleted from the sheet');
    }
  return next;
}

function sameSnapshot(a: RegisterSnapshot, b: RegisterSnapshot): boolean {
  if (a.takenAt === null || a.holds.risks !== b.holds.risks || a.holds.actions !== b.holds.actions) return false;
  if (a.unread.size !== b.unread.size || [...a.unread].some((field) => !b.unread.has(field))) return false;
  const same = (x: ReadonlyMap<string, ItemSnapshot | null>, y: ReadonlyMap<string, ItemSnapshot | null>) =>
    x.size === y.size &&
    [...x].every(([key, item]) => {
      const other = y.get(key);
      if (item === null || other === null || other === undefined) return false;
      return Object.keys(item).every(
        (field) =>
          (item as unknown as Record<string, unknown>)[field] === (other as unknown as Record<string, unknown>)[field],
      );
    });
  return same(a.risks, b.risks) && same(a.actions, b.actions);
}

/**
 * What people changed in the sheet since `previous` was recorded: one Audit
 * log line per changed field (old and new value as text, dates ISO), per
 * item added ('created', as the bot's own new items, so the digest counts it
 * New) and per row deleted ('deleted'); and the cells to write so the
 * register stays true: the Trend after a rating moved, the slip count and
 * original target date after an action's target date moved later, each only
 * where the tab has the column. A change the bot's own Audit lines since
 * `previous.takenAt` explain is not reported again. A half the register does
 * not hold now (its tab not found) is neither compared nor forgotten; a half
 * held for the first time is recorded without being reported.
 *
 * With `previous` null (no recorded state: none yet, or the tab unreadable)
 * nothing is reported and the register is recorded afresh.
 *
 * The caller (a scheduled run, the digest) reads the hidden tab with the
 * register (readSnapshot in snapshot-tab.ts), writes `audit` and `cells` as
 * one write (`cells` grouped by item as RowUpdates, each change carries its
 * `expected` value so a cell edited meanwhile is not overwritten), then,
 * unless `unchanged`, writes `snapshotRows(snapshot, now)` over the tab;
 * after each of its own writes it records a snapshot of the register as
 * written, so its changes are not taken for a person's.
 */
export function sheetChanges(previous: RegisterSnapshot | null, current: Register, now: string): SheetChanges {
  if (previous === null) {
    const snapshot = { ...snapshotOf(current), takenAt: now };
    return { audit: [], cells: [], snapshot, unchanged: false };
  }
  const unreadNow = unreadFields(current);
  const diff: Diff = {
    now,
    register: current,
    bot: botWritesSince(current.audit, previous.takenAt),
    unreadBefore: previous.unread,
    unreadNow,
    audit: [],
    cells: [],
  };
  const half = <I extends Item, S extends ItemSnapshot>(
    key: RegisterHalf,
    items: readonly I[],
    before: ReadonlyMap<string, S | null>,
    snapshot: (item: I) => S,
  ): ReadonlyMap<string, S | null> => {
    if (!current.holds[key]) return before;
    if (!previous.holds[key]) return diffHalf({ ...diff, audit: [], cells: [] }, items, new Map(), snapshot);
    return diffHalf(diff, items, before, snapshot);
  };
  const snapshot: RegisterSnapshot = {
    takenAt: now,
    holds: {
      risks: current.holds.risks || previous.holds.risks,
      actions: current.holds.actions || previous.holds.actions,
    },
    // A value carried over from before is one read then: only fields read neither then nor now stay unread.
    unread: new Set([...unreadNow].filter((field) => previous.unread.has(field))),
    risks: half('risks', current.risks, previous.risks, riskSnapshot),
    actions: half('actions', current.actions, previous.actions, actionSnapshot),
  };
  return { audit: diff.audit, cells: diff.cells, snapshot, unchanged: sameSnapshot(previous, snapshot) };
}
