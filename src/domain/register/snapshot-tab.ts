import { type CellValue, cellText, isIsoDate } from '../cell.js';
import type { RegisterHalf } from './raw-register.js';
import {
  type ActionSnapshot,
  type ItemSnapshot,
  type RegisterSnapshot,
  type RiskSnapshot,
  SNAPSHOT_FIELDS,
  type SnapshotValue,
} from './register-snapshot.js';
import { STATUS_STATES } from './status-words.js';

/**
 * The hidden tab the snapshot is kept in. Its layout:
 *
 * - line 1, the header: `Key | Kind | ID | Fields | Taken at | <ISO timestamp> | Holds | risks,actions |
 *   No column for | risk.trend,action.progress`
 * - one line per item: its canonical ID (`R-6`), `risk` or `action`, its ID
 *   as written (`R - 6`), and its fields as compact JSON, e.g.
 *   `{"description":"…","owner":"…","impact":2,…,"targetDate":"2026-12-31","trend":"Decreasing"}`.
 *
 * A line is about 300 characters, and a text field longer than 1,000
 * characters is kept as its start and a fingerprint (register-snapshot.ts),
 * so no cell comes near Sheets' 50,000 characters. The store should write
 * these values as they are (Sheets' RAW input, text cells), or an ID like
 * "2.1" or a JSON cell could be read back as a number or a date.
 */
export const SNAPSHOT_TAB_TITLE = 'risk-bot snapshot';
export const SNAPSHOT_HEADERS = ['Key', 'Kind', 'ID', 'Fields'] as const;
const TAKEN_AT = 'Taken at';
const HOLDS = 'Holds';
const UNREAD = 'No column for';

/** The snapshot as the hidden tab's lines: the header, then one line per risk and per action. */
export function snapshotRows(snapshot: RegisterSnapshot, takenAt: string): CellValue[][] {
  const holds = (Object.keys(snapshot.holds) as RegisterHalf[]).filter((half) => snapshot.holds[half]);
  const rows: CellValue[][] = [
    [...SNAPSHOT_HEADERS, TAKEN_AT, takenAt, HOLDS, holds.join(','), UNREAD, [...snapshot.unread].join(',')],
  ];
  for (const map of [snapshot.risks, snapshot.actions] as ReadonlyMap<string, ItemSnapshot | null>[])
    for (const [key, item] of map) {
      // A line that could not be read back is not written again: the item is new to the next snapshot.
      if (item === null) continue;
      const { kind, id, ...fields } = item;
      rows.push([key, kind, id, JSON.stringify(fields)]);
    }
  return rows;
}

const STATES: ReadonlySet<string> = new Set(STATUS_STATES);

function valid(value: unknown, kind: SnapshotValue): boolean {
  if (kind === 'text') return typeof value === 'string';
  if (kind === 'state') return typeof value === 'string' && STATES.has(value);
  if (value === null) return true;
  return kind === 'number'
    ? typeof value === 'number' && Number.isFinite(value)
    : typeof value === 'string' && isIsoDate(value);
}

/** One item line's fields, checked against the fields its kind keeps; null when any is missing or not as written. */
function readFields(kind: 'risk' | 'action', id: string, text: string): ItemSnapshot | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const fields = parsed as Record<string, unknown>;
  const item: Record<string, unknown> = { kind, id };
  for (const [field, value] of Object.entries(SNAPSHOT_FIELDS[kind])) {
    if (!valid(fields[field], value)) return null;
    item[field] = fields[field];
  }
  return item as unknown as ItemSnapshot;
}

/** The text after a label in the header line; null when the label is not there. */
function after(row: readonly CellValue[], label: string): string | null {
  const at = row.findIndex((cell) => cellText(cell) === label);
  return at < 0 ? null : cellText(row[at + 1]);
}

function readHeader(
  row: readonly CellValue[] | undefined,
): { takenAt: string | null; holds: RegisterHalf[]; unread: string[] } | null {
  if (row === undefined || SNAPSHOT_HEADERS.some((header, i) => cellText(row[i]) !== header)) return null;
  const taken = after(row, TAKEN_AT) ?? '';
  const holds = after(row, HOLDS)?.split(',') ?? null;
  return {
    takenAt: Number.isFinite(Date.parse(taken)) ? taken : null,
    unread: (after(row, UNREAD) ?? '').split(',').filter((field) => /^(risk|action)\.[a-zA-Z]+$/.test(field)),
    holds: (holds ?? ['risks', 'actions']).filter(
      (half): half is RegisterHalf => half === 'risks' || half === 'actions',
    ),
  };
}

/**
 * The snapshot the hidden tab holds, read back tolerantly, as a person may
 * have edited the tab: a line whose key or kind cannot be read is skipped
 * (its item will look new), a line whose fields cannot be read keeps its key
 * with a null entry (the item is neither new nor changed), and a header
 * without a readable time gives `takenAt` null. Null when nothing in the tab
 * can be read: there is no recorded state, so nothing is reported and the
 * snapshot is recorded afresh.
 */
export function readSnapshot(
  rows: readonly (readonly CellValue[])[],
): { snapshot: RegisterSnapshot; takenAt: string | null } | null {
  const header = readHeader(rows[0]);
  const risks = new Map<string, RiskSnapshot | null>();
  const actions = new Map<string, ActionSnapshot | null>();
  for (let i = header === null ? 0 : 1; i < rows.length; i++) {
    const row = rows[i]!;
    const key = cellText(row[0]);
    const kind = cellText(row[1]);
    if (key === '' || (kind !== 'risk' && kind !== 'action')) continue;
    const map: Map<string, ItemSnapshot | null> = kind === 'risk' ? risks : actions;
    if (map.has(key)) continue;
    map.set(key, readFields(kind, cellText(row[2]) || key, cellText(row[3])));
  }
  if (header === null && risks.size === 0 && actions.size === 0) return null;
  const takenAt = header?.takenAt ?? null;
  // Without the header's list, a half was held when the tab has lines of its kind.
  const holds = header?.holds ?? [
    ...(risks.size > 0 ? ['risks' as const] : []),
    ...(actions.size > 0 ? ['actions' as const] : []),
  ];
  return {
    snapshot: {
      takenAt,
      holds: { risks: holds.includes('risks'), actions: holds.includes('actions') },
      unread: new Set(header?.unread ?? []),
      risks,
      actions,
    },
    takenAt,
  };
}
