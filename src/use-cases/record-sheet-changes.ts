import { dateInZone } from '../domain/dates/calendar.js';
import { isDomainError } from '../domain/domain-error.js';
import type { RegisterLayout } from '../domain/register/raw-register.js';
import { readRegister } from '../domain/register/read-register.js';
import { type SheetCellChange, sheetChanges } from '../domain/register/sheet-changes.js';
import { readSnapshot, snapshotRows } from '../domain/register/snapshot-tab.js';
import type { RegisterStore, RowUpdate } from '../ports/register-store.js';

export interface RecordSheetChangesDeps {
  store: RegisterStore;
  settings: RegisterLayout & { timeZone: string };
  log: (text: string) => void;
}

/** What a look at the sheet found: how many changes people made there, now in the Audit log. */
export type SheetChangesOutcome =
  | { kind: 'recorded'; lines: number; cells: number }
  | { kind: 'unchanged' }
  /** The register could not be taken as it was read (a person edited a cell the bot meant to keep true): left for the next look. */
  | { kind: 'skipped'; reason: string };

/** The cells to keep true, as one RowUpdate per item. */
function rowUpdates(cells: readonly SheetCellChange[]): RowUpdate[] {
  const byItem = new Map<string, RowUpdate>();
  for (const { key, kind, id, field, expected, value } of cells) {
    const name = `${kind}:${key}`;
    const update = byItem.get(name) ?? { tab: kind === 'risk' ? 'risks' : 'actions', id, changes: [] };
    update.changes.push({ field, expected, value });
    byItem.set(name, update);
  }
  return [...byItem.values()];
}

/**
 * Sees what people changed in the sheet since the bot last looked and
 * writes it to the Audit log (via "sheet", with old and new values), with
 * the Trend and slip counts it implies, and records what the register holds
 * now in the hidden snapshot tab: one read, shared with the register, and at
 * most one write. Run by each scheduled run and each digest, so the digest's
 * "what changed" includes edits made in the sheet.
 *
 * The write is named by the snapshot it compares with: two instances looking
 * at the same moment write the lines once (the second is `already_applied`).
 */
export async function recordSheetChanges(deps: RecordSheetChangesDeps, now: Date): Promise<SheetChangesOutcome> {
  const raw = await deps.store.load();
  const recorded = raw.snapshot !== undefined ? raw.snapshot : await deps.store.snapshotTab?.();
  // A store that keeps no snapshot (a CSV register) cannot say what changed since it last looked.
  if (recorded === undefined) return { kind: 'skipped', reason: 'no snapshot kept' };
  const register = readRegister(raw, deps.settings, dateInZone(now, deps.settings.timeZone));
  if (!register.holds.risks && !register.holds.actions) return { kind: 'skipped', reason: 'nothing readable' };
  const previous = recorded === null ? null : readSnapshot(recorded);
  const changes = sheetChanges(previous?.snapshot ?? null, register, now.toISOString());
  if (changes.unchanged && changes.audit.length === 0 && changes.cells.length === 0) return { kind: 'unchanged' };
  try {
    await deps.store.write({
      updates: rowUpdates(changes.cells),
      inserts: [],
      audit: changes.audit,
      snapshot: snapshotRows(changes.snapshot, now.toISOString()),
      ...(previous?.takenAt ? { changeId: `sheet:${previous.takenAt}` } : {}),
    });
  } catch (error) {
    if (isDomainError(error, 'already_applied')) return { kind: 'unchanged' };
    // A CSV register is read, never written: there is nowhere to record what changed.
    if (isDomainError(error, 'read_only')) return { kind: 'skipped', reason: 'read only' };
    if (isDomainError(error, 'conflict') || isDomainError(error, 'formula_cell')) {
      deps.log(`sheet changes: not recorded this time (${error.message}); the next look tries again`);
      return { kind: 'skipped', reason: error.message };
    }
    throw error;
  }
  if (changes.audit.length > 0)
    deps.log(
      `sheet changes: ${changes.audit.length} made in the sheet since ${previous?.takenAt} now in the Audit log`,
    );
  return { kind: 'recorded', lines: changes.audit.length, cells: changes.cells.length };
}

/**
 * recordSheetChanges for a scheduled run or a digest, which goes on whatever
 * happens here: a failure is logged, and the next look tries again.
 */
export async function lookForSheetChanges(deps: RecordSheetChangesDeps, now: Date): Promise<void> {
  try {
    await recordSheetChanges(deps, now);
  } catch (error) {
    deps.log(`sheet changes: could not look (${(error as Error).message}); the next run tries again`);
  }
}
