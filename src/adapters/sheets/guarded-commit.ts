import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import type { Settings } from '../../config/settings.js';
import { type CellValue, cellText } from '../../domain/cell.js';
import { dateCellText } from '../../domain/dates/timescale.js';
import { DomainError, isDomainError } from '../../domain/domain-error.js';
import { nextFreeId } from '../../domain/items/new-item.js';
import { fieldWords } from '../../domain/register/field-words.js';
import { type MappedTab, mapTabs } from '../../domain/register/mapped-tab.js';
import type { AuditRecord, RawRegister, TabKey } from '../../domain/register/raw-register.js';
import { notMadeRecords, putBackRecord, renamedRecord } from '../../domain/register/write-repairs.js';
import type { WriteRequest, WriteResult } from '../../ports/register-store.js';
import { applyPlanToTabs } from '../shared/apply-plan-to-tabs.js';
import { withoutLooks } from '../shared/attach-looks.js';
import { sameAsSeen } from '../shared/locate-row.js';
import { a1Ref, planWrite, type WritePlan } from '../shared/plan-write.js';
import { planRequests } from './plan-requests.js';
import { findSheet, quoteTitle } from './sheet-tabs.js';
import type { SheetInfo } from './sheets-api.js';
import { snapshotRequests } from './snapshot-requests.js';
import {
  type CellTarget,
  cellValueOf,
  checkRanges,
  judge,
  SCRATCH_TITLE,
  type SheetCells,
  takenIds,
  type Verdict,
} from './write-check.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

export interface QueuedWrite {
  request: WriteRequest;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/** What a group commit needs from the store around it. */
export interface CommitDeps {
  tabs: Settings['tabs'];
  now: () => number;
  readFresh(): Promise<RawRegister>;
  sheetInfos(): Promise<SheetInfo[]>;
  forgetSheetInfos(): void;
  /** A tab the batch just made or grew, so the tab list need not be read again for it. */
  noteSheet(info: SheetInfo): void;
  /** Sends one fenced batch and returns the cells of `ranges` as it left them (see fenced-send.ts). */
  send(requests: Request[], ranges: readonly string[]): Promise<SheetCells>;
}

/** A cell to put back as it was just before a write of ours landed on it. */
interface Restore {
  tab: TabKey;
  row: number;
  column: number;
  ours: CellValue;
  before: CellData;
  isDate: boolean;
}

/** A new item's ID cell to change to a free ID: someone added the same ID at the same moment. */
interface Rename {
  tab: TabKey;
  row: number;
  column: number;
  from: string;
  to: string;
}

interface Pending {
  write: QueuedWrite;
  /** Already sent once and landed in the wrong place: its Audit lines are in the log, only its cells are sent again. */
  redo: boolean;
}

/** Rounds of putting things right after people moved rows or columns under a write, before giving up. */
const MAX_REPAIRS = 3;

/** The cells of updates a plan changes in place (not appended rows or Audit lines), as targets to check. */
function targetsOf(plan: WritePlan, write: number, titleOf: (tab: TabKey) => string): CellTarget[] {
  return plan.cells.flatMap((cell) =>
    cell.item === undefined
      ? []
      : [
          {
            write,
            tab: cell.tab,
            title: titleOf(cell.tab),
            row: cell.row,
            column: cell.column,
            field: cell.field,
            item: cell.item,
            expected: cell.expected ?? null,
            value: cell.value,
            isDate: cell.isDate,
          },
        ],
  );
}

const cellKey = (target: { row: number; column: number }) => `${target.row}:${target.column}`;

function cellAt(tabs: Record<TabKey, MappedTab>, tab: TabKey, row: number, column: number): CellValue {
  return tabs[tab].tab.rows.find((r) => r.row === row)?.cells[column] ?? null;
}

function setCellAt(tabs: Record<TabKey, MappedTab>, tab: TabKey, row: number, column: number, value: CellValue): void {
  const found = tabs[tab].tab.rows.find((r) => r.row === row);
  if (found) found.cells[column] = value;
}

/** Requests that put cells back exactly as the scratch copy shows them (a formula as a formula). */
function restoreRequests(restores: readonly Restore[], sheetIdOf: (tab: TabKey) => number): Request[] {
  return restores.map((restore) => ({
    updateCells: {
      start: { sheetId: sheetIdOf(restore.tab), rowIndex: restore.row - 1, columnIndex: restore.column },
      rows: [{ values: [{ userEnteredValue: restore.before.userEnteredValue ?? {} }] }],
      fields: 'userEnteredValue',
    },
  }));
}

/** Copies each target cell to the same row and column of the scratch tab, first thing in the batch. */
function copyRequests(
  targets: readonly CellTarget[],
  sheetIdOf: (tab: TabKey) => number,
  scratchId: number,
): Request[] {
  return targets.map((target) => {
    const range = {
      startRowIndex: target.row - 1,
      endRowIndex: target.row,
      startColumnIndex: target.column,
      endColumnIndex: target.column + 1,
    };
    return {
      copyPaste: {
        source: { sheetId: sheetIdOf(target.tab), ...range },
        destination: { sheetId: scratchId, ...range },
        pasteType: 'PASTE_NORMAL',
      },
    };
  });
}

/**
 * The hidden scratch tab, made or grown to hold the target cells at their
 * own row and column. Returns its sheet ID and the requests that make room.
 */
function scratchFor(
  targets: readonly CellTarget[],
  infos: readonly SheetInfo[],
): { id: number; requests: Request[]; info: SheetInfo } {
  const rows = Math.max(1000, ...targets.map((t) => t.row));
  const columns = Math.max(26, ...targets.map((t) => t.column + 1));
  const scratch = findSheet(infos, SCRATCH_TITLE);
  if (!scratch) {
    const id = Math.max(0, ...infos.map((info) => info.sheetId)) + 1;
    const info = { sheetId: id, title: SCRATCH_TITLE, rowCount: rows, columnCount: columns };
    const properties = {
      sheetId: id,
      title: SCRATCH_TITLE,
      hidden: true,
      gridProperties: { rowCount: rows, columnCount: columns },
    };
    return { id, requests: [{ addSheet: { properties } }], info };
  }
  const requests: Request[] = [];
  if (scratch.rowCount < rows)
    requests.push({
      appendDimension: { sheetId: scratch.sheetId, dimension: 'ROWS', length: rows - scratch.rowCount },
    });
  if (scratch.columnCount < columns)
    requests.push({
      appendDimension: { sheetId: scratch.sheetId, dimension: 'COLUMNS', length: columns - scratch.columnCount },
    });
  return {
    id: scratch.sheetId,
    requests,
    info: {
      ...scratch,
      rowCount: Math.max(rows, scratch.rowCount),
      columnCount: Math.max(columns, scratch.columnCount),
    },
  };
}

/** A write sent again carries no Audit lines (they are in the log already), worked out again or not, and so no change ID. */
function sentAgain(request: WriteRequest): WriteRequest {
  const { replan } = request;
  return {
    ...request,
    audit: [],
    changeId: undefined,
    ...(replan ? { replan: (tabs: Record<TabKey, MappedTab>) => ({ ...replan(tabs), audit: [] }) } : {}),
  };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Commits a group of writes to a Google Sheet so that each lands on the
 * cells meant, once, or is refused with nothing changed.
 *
 * Each round reads the sheet, plans every write against that read, and sends
 * one fenced batchUpdate (see fenced-send.ts) that first copies every cell
 * it changes to the hidden scratch tab and returns, with its answer, the
 * rows and header lines it wrote to as the batch left them. A cell whose
 * row no longer holds its item or whose column no longer holds its field
 * (people sorted, inserted, deleted or moved rows or columns between the
 * read and the write), or whose copy shows someone changed it first, is
 * put back exactly as the copy shows it; a misplaced write is planned again
 * against a fresh read and sent again, and a write that can no longer be
 * made (its row deleted, its cell changed by someone) is refused, with
 * Audit lines saying what was put back and what was not made.
 */
export async function commitGroup(
  deps: CommitDeps,
  group: readonly QueuedWrite[],
): Promise<{ written: RawRegister | null; postponed: QueuedWrite[]; settle: () => void }> {
  let pending: Pending[] = group.map((write) => ({ write, redo: false }));
  let restores: Restore[] = [];
  let renames: Rename[] = [];
  let lines: AuditRecord[] = [];
  const renamedOf = new Map<QueuedWrite, Record<string, string>>();
  const postponed: QueuedWrite[] = [];
  let repaired = false;
  let retriedTabs = false;
  let written: RawRegister | null = null;
  // Each write is answered once the group is done: its own lines (put back, not made) are in the log, and the store has its cache.
  const settled: Array<() => void> = [];
  for (let round = 0; pending.length > 0 || restores.length > 0 || renames.length > 0 || lines.length > 0; round++) {
    const raw = await deps.readFresh();
    const infos = await deps.sheetInfos();
    const tabs = mapTabs(structuredClone(raw.tabs), deps.tabs);
    // A cell changed again since our write landed on it is someone's now: leave it.
    const live = restores.filter((restore) =>
      sameAsSeen(cellAt(tabs, restore.tab, restore.row, restore.column), restore.ours),
    );
    for (const restore of live) setCellAt(tabs, restore.tab, restore.row, restore.column, cellValueOf(restore.before));
    const liveRenames = renames.filter(
      (rename) => cellText(cellAt(tabs, rename.tab, rename.row, rename.column)) === rename.from,
    );
    for (const rename of liveRenames) setCellAt(tabs, rename.tab, rename.row, rename.column, rename.to);
    const when = new Date(deps.now()).toISOString();
    if (round > MAX_REPAIRS) {
      for (const { write } of pending) {
        const reason = 'rows or columns kept moving while the change was being written; nothing was changed';
        lines.push(...notMadeRecords(write.request.audit, reason, when));
        const error = new DomainError(
          'unavailable',
          `The register kept changing under the bot (${reason}). Look at the sheet and try again.`,
        );
        settled.push(() => write.reject(error));
      }
      pending = [];
    }
    const accepted: Array<{ write: QueuedWrite; plan: WritePlan; targets: CellTarget[] }> = [];
    const used = new Set(live.map(cellKey));
    let newAuditId: number | null = null;
    for (const { write, redo } of pending) {
      const request: WriteRequest = redo ? sentAgain(write.request) : write.request;
      let plan: WritePlan;
      try {
        plan = planWrite(tabs, request);
      } catch (error) {
        if (redo) lines.push(...notMadeRecords(write.request.audit, reasonOf(error), when));
        settled.push(() => write.reject(error));
        continue;
      }
      const targets = targetsOf(plan, accepted.length, (tab) => tabs[tab].tab.title);
      // One scratch copy per cell and batch: a second write to a cell waits for the next group.
      if (targets.some((target) => used.has(cellKey(target)))) {
        if (!redo) {
          postponed.push(write);
          continue;
        }
      }
      for (const target of targets) used.add(cellKey(target));
      if (plan.createAuditTab) newAuditId = Math.max(0, ...infos.map((info) => info.sheetId)) + 2;
      applyPlanToTabs(tabs, plan, deps.tabs.audit.title);
      accepted.push({ write, plan, targets });
    }
    const linesPlan = lines.length > 0 ? planWrite(tabs, { updates: [], inserts: [], audit: lines }) : null;
    if (linesPlan) {
      if (linesPlan.createAuditTab) newAuditId = Math.max(0, ...infos.map((info) => info.sheetId)) + 2;
      applyPlanToTabs(tabs, linesPlan, deps.tabs.audit.title);
    }
    const sheetIdOf = (tab: TabKey): number =>
      tab === 'audit' && newAuditId !== null ? newAuditId : findSheet(infos, raw.tabs[tab].title)!.sheetId;
    const targets = accepted.flatMap(({ targets: own }) => own);
    const scratch = scratchFor(targets, infos);
    const snapshot = snapshotRequests(
      accepted.findLast(({ write }) => write.request.snapshot)?.write.request.snapshot,
      infos,
    );
    const requests: Request[] = [
      ...(targets.length > 0 ? scratch.requests : []),
      ...restoreRequests(live, sheetIdOf),
      ...liveRenames.map((rename) => ({
        updateCells: {
          start: { sheetId: sheetIdOf(rename.tab), rowIndex: rename.row - 1, columnIndex: rename.column },
          rows: [{ values: [{ userEnteredValue: { stringValue: rename.to } }] }],
          fields: 'userEnteredValue',
        },
      })),
      ...(targets.length > 0 ? copyRequests(targets, sheetIdOf, scratch.id) : []),
      ...accepted.flatMap(({ plan }) =>
        planRequests(plan, sheetIdOf, plan.createAuditTab ? newAuditId : null, deps.tabs.audit.title),
      ),
      ...(linesPlan
        ? planRequests(linesPlan, sheetIdOf, linesPlan.createAuditTab ? newAuditId : null, deps.tabs.audit.title)
        : []),
      ...snapshot.requests,
    ];
    const unsent = { pending, restores, renames, lines };
    renames = [];
    restores = [];
    lines = [];
    pending = [];
    if (requests.length === 0) {
      for (const { write, plan } of accepted) settled.push(() => write.resolve(resultOf(plan, tabs)));
      break;
    }
    const headerRowOf = (tab: TabKey) => tabs[tab].tab.headerRow || 1;
    // New items are checked against the whole tab as the batch left it: someone may have added the same ID meanwhile.
    const inserts = accepted.flatMap(({ write }, index) =>
      write.request.inserts
        .filter((insert) => insert.tab === 'risks' || insert.tab === 'actions')
        .map((insert) => ({ write: index, tab: insert.tab, title: tabs[insert.tab].tab.title, values: insert.values })),
    );
    const insertTitles = [...new Set(inserts.map((insert) => insert.title))];
    let after: SheetCells;
    try {
      after = await deps.send(requests, [...checkRanges(targets, headerRowOf), ...insertTitles.map(quoteTitle)]);
    } catch (error) {
      // A tab renamed or deleted since the tab list was read: read it again, once, and plan again.
      if (retriedTabs || !isDomainError(error) || error.details.status !== 400) throw error;
      retriedTabs = true;
      deps.forgetSheetInfos();
      ({ pending, restores, renames, lines } = unsent);
      continue;
    }
    if (newAuditId !== null) deps.forgetSheetInfos();
    if (snapshot.info) deps.noteSheet(snapshot.info);
    else if (targets.length > 0) deps.noteSheet(scratch.info);
    const verdicts = judge(targets, after, headerRowOf, (tab) => deps.tabs[tab].headers);
    const failed = new Set(verdicts.filter((v) => v.kind !== 'ok').map((v) => v.target.write));
    for (const taken of takenIds(inserts, after, headerRowOf, (tab) => deps.tabs[tab].headers)) {
      const to = nextFreeId(taken.keys, taken.tab === 'risks' ? 'risk' : 'action');
      const { write } = accepted[taken.write]!;
      renames.push({ tab: taken.tab, row: taken.row, column: taken.column, from: taken.id, to });
      lines.push(renamedRecord(taken.id, to, when));
      renamedOf.set(write, { ...renamedOf.get(write), [taken.id]: to });
      repaired = true;
    }
    for (const [index, { write, plan }] of accepted.entries()) {
      if (failed.has(index)) continue;
      settled.push(() => {
        const renamed = renamedOf.get(write);
        write.resolve({ ...resultOf(plan, tabs), ...(renamed ? { renamed } : {}) });
      });
    }
    if (failed.size === 0) {
      written = repaired
        ? null
        : {
            source: raw.source,
            tabs: withoutLooks(
              Object.fromEntries(Object.entries(tabs).map(([key, mapped]) => [key, mapped.tab])) as RawRegister['tabs'],
            ),
          };
      continue;
    }
    repaired = true;
    for (const index of failed) {
      const { write } = accepted[index]!;
      const own = verdicts.filter((v) => v.target.write === index);
      for (const verdict of own) restores.push(restoreOf(verdict));
      lines.push(...own.flatMap((verdict) => putBackLines(verdict, when)));
      const conflict = own.find((v): v is Extract<Verdict, { kind: 'conflict' }> => v.kind === 'conflict');
      if (conflict) {
        const error = conflictError(conflict);
        lines.push(...notMadeRecords(write.request.audit, error.message, when));
        settled.push(() => write.reject(error));
      } else {
        pending.push({ write, redo: true });
      }
    }
  }
  return {
    written,
    postponed,
    settle: () => {
      for (const answer of settled) answer();
    },
  };
}

function resultOf(plan: WritePlan, tabs: Record<TabKey, MappedTab>): WriteResult {
  return {
    cellsWritten: plan.cells.map((cell) => a1Ref(tabs[cell.tab].tab.title, cell.row, cell.column)),
    auditRowsAppended: plan.auditRowsAppended,
    ...(plan.auditRecords.length > 0 ? { audit: plan.auditRecords } : {}),
  };
}

function restoreOf(verdict: Verdict): Restore {
  const { target } = verdict;
  return {
    tab: target.tab,
    row: target.row,
    column: target.column,
    ours: target.value,
    before: verdict.before,
    isDate: target.isDate,
  };
}

/** A put-back line for a cell of another item or column that a write landed on by mistake. */
function putBackLines(verdict: Verdict, when: string): AuditRecord[] {
  if (verdict.kind !== 'misplaced') return [];
  const { target, landedOn, before } = verdict;
  return [
    putBackRecord({
      when,
      item: landedOn.item || `row ${target.row}`,
      field: landedOn.field || `column ${target.column + 1}`,
      wrote: cellText(target.value),
      restored: cellText(cellValueOf(before)),
      meantFor: target.item,
    }),
  ];
}

function conflictError(verdict: Extract<Verdict, { kind: 'conflict' }>): DomainError {
  const { target, found } = verdict;
  // A date column's serial is shown as the date the person sees in the sheet.
  const shown = (value: CellValue) => (target.isDate ? dateCellText(value) : cellText(value));
  return new DomainError(
    'conflict',
    `${target.item} ${fieldWords(target.field)} in "${target.title}" was changed by someone a moment before the bot's change landed: it was ` +
      `"${shown(target.expected)}" when read and "${shown(found)}" just before the write. Their value was kept and nothing was changed: look again and retry.`,
    { tab: target.title, id: target.item, field: target.field, expected: target.expected, actual: found },
  );
}
