import { type CellValue, cellText } from '../../domain/cell.js';
import { isDomainError } from '../../domain/domain-error.js';
import { rowsWithId } from '../../domain/register/find-by-id.js';
import type { MappedTab } from '../../domain/register/mapped-tab.js';
import { type AuditRecord, BOT_WHO, type TabKey } from '../../domain/register/raw-register.js';
import type { RowInsert, RowUpdate, WriteRequest } from '../../ports/register-store.js';
import { applyPlanToTabs } from '../shared/apply-plan-to-tabs.js';
import { locateRow, sameAsSeen } from '../shared/locate-row.js';
import { auditHasChange, planWrite, type WritePlan } from '../shared/plan-write.js';
import type { JournalEntry } from './workbook-journal.js';

/** What putting back journaled writes missing from the file comes to. */
export interface Repair {
  /** In journal order, each planned against the register with the ones before it applied. */
  plans: WritePlan[];
  reapplied: JournalEntry[];
  refused: Array<{ entry: JournalEntry; reason: string }>;
}

const CONTENT_FIELDS = ['when', 'who', 'item', 'field', 'oldValue', 'newValue', 'via', 'note'] as const;
const contentKey = (values: readonly string[]) => JSON.stringify(values.map((value) => value.trim()));

/**
 * The journaled writes whose Audit lines the file no longer has: a copy
 * saved over the file after them. A write is found by its change ID, else by
 * its lines' content (when, who, item, field, both values, via and note),
 * each line in the file standing for one journaled line. A write any of whose lines is there is in the file (a
 * save replaces all of a write's lines or none; a person may delete one).
 */
export function missingWrites(audit: MappedTab, entries: readonly JournalEntry[]): JournalEntry[] {
  const counts = new Map<string, number>();
  if (audit.tab.found) {
    for (const row of audit.tab.rows) {
      const key = contentKey(
        CONTENT_FIELDS.map((field) => {
          const column = audit.columns[field];
          return column === undefined ? '' : cellText(row.cells[column]);
        }),
      );
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return entries.filter(({ request }) => {
    // Its change ID, or its lines' content when a person has removed the Change ID column.
    if (request.changeId !== undefined && auditHasChange(audit, request.changeId)) return false;
    const keys = request.audit.map((record) => contentKey(CONTENT_FIELDS.map((field) => record[field])));
    const found = keys.filter((key) => (counts.get(key) ?? 0) > 0);
    for (const key of found) counts.set(key, counts.get(key)! - 1);
    // A write without lines cannot be recognised, so it is never journaled; one read from a hand-edited journal is left alone.
    return keys.length > 0 && found.length === 0;
  });
}

/** Drops what the file already holds: a cell with the write's new value, a new row already there as written. */
function stillToDo(tabs: Record<TabKey, MappedTab>, request: WriteRequest): WriteRequest {
  const updates = request.updates
    .map((update): RowUpdate => {
      const mapped = tabs[update.tab];
      let cells: readonly CellValue[];
      try {
        cells = locateRow(mapped, update.id).cells;
      } catch {
        return update; // planWrite refuses it, saying why
      }
      const changes = update.changes.filter((change) => {
        const column = mapped.columns[change.field];
        return column === undefined || !sameAsSeen(cells[column], change.value);
      });
      return { ...update, changes };
    })
    .filter((update) => update.changes.length > 0);
  const inserts = request.inserts.filter((insert) => !alreadyInserted(tabs[insert.tab], insert));
  return { ...request, updates, inserts };
}

function alreadyInserted(mapped: MappedTab, insert: RowInsert): boolean {
  const key = insert.tab === 'people' ? 'name' : 'id';
  const column = mapped.columns[key];
  if (!mapped.tab.found || column === undefined) return false;
  const [row] = rowsWithId(mapped.tab.rows, (r) => cellText(r.cells[column]), cellText(insert.values[key]));
  return (
    row !== undefined &&
    Object.entries(insert.values).every(([field, value]) => {
      const at = mapped.columns[field];
      return at === undefined || sameAsSeen(row.cells[at], value);
    })
  );
}

const itemsOf = (request: WriteRequest): string =>
  [
    ...new Set([
      ...request.audit.map((record) => record.item),
      ...request.updates.map((update) => update.id),
      ...request.inserts.map((insert) => cellText(insert.values.id ?? insert.values.name ?? null)),
    ]),
  ]
    .filter((item) => item !== '')
    .join(', ') || '-';

const changesOf = (request: WriteRequest): string =>
  request.audit
    .slice(0, 5)
    .map((r) => `${r.item} ${r.field} "${r.oldValue}" to "${r.newValue}"`)
    .join('; ') + (request.audit.length > 5 ? `; and ${request.audit.length - 5} more` : '');

/** Why a journaled write cannot be put back, in words for the Audit log. */
function whyNot(error: unknown): string {
  if (!isDomainError(error)) throw error;
  const d = error.details as Record<string, unknown>;
  switch (error.code) {
    case 'conflict':
      return `${String(d.id)} ${String(d.field)} now holds "${cellText(d.actual as CellValue)}": someone changed it since, so their value stays`;
    case 'item_not_found':
      return `${String(d.id)} is no longer in "${String(d.tab)}"`;
    case 'item_exists':
      return `"${String(d.tab)}" now has another ${String(d.id)} (row ${String(d.row)}), so the new one was not added again`;
    default:
      return error.message;
  }
}

const line = (when: string, item: string, field: string, note: string): AuditRecord => ({
  when,
  who: BOT_WHO,
  item,
  field,
  oldValue: '',
  newValue: '',
  via: 'bot',
  note,
});

/**
 * Plans putting back journaled writes the file lost, against the register as
 * it is now (`tabs`, updated as each is planned). Each goes back with its own
 * Audit lines and one saying it was re-applied; where a person has changed
 * its cells since, or its item is gone, it is refused instead and a line says
 * why: their edit is never overwritten. Cells already holding the write's
 * values are left as they are.
 */
export function planRepair(
  tabs: Record<TabKey, MappedTab>,
  missing: readonly JournalEntry[],
  now: Date,
  auditTitle: string,
): Repair {
  const repair: Repair = { plans: [], reapplied: [], refused: [] };
  const when = now.toISOString();
  for (const entry of missing) {
    const { request } = entry;
    const about = `${changesOf(request) || 'the change'}, confirmed at ${entry.at}${request.changeId ? ` (change ${request.changeId})` : ''}`;
    let plan: WritePlan;
    try {
      const note = `Re-applied: ${about}, was missing from the file, which had been saved over from a copy made before it`;
      plan = planWrite(tabs, {
        ...stillToDo(tabs, request),
        audit: [...request.audit, line(when, itemsOf(request), 're-applied', note)],
      });
      repair.reapplied.push(entry);
    } catch (error) {
      const reason = whyNot(error);
      const note = `Not re-applied: ${about}, was missing from the file, which had been saved over from a copy made before it; ${reason}`;
      plan = planWrite(tabs, {
        updates: [],
        inserts: [],
        audit: [line(when, itemsOf(request), 'not re-applied', note)],
      });
      repair.refused.push({ entry, reason });
    }
    applyPlanToTabs(tabs, plan, auditTitle);
    repair.plans.push(plan);
  }
  return repair;
}
