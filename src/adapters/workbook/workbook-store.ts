import { basename, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Settings } from '../../config/settings.js';
import { type DomainError, isDomainError } from '../../domain/domain-error.js';
import { type MappedTab, mapTabs } from '../../domain/register/mapped-tab.js';
import type { RawRegister, RawTab, TabKey } from '../../domain/register/raw-register.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { inQueue } from '../shared/keyed-queue.js';
import { a1Ref, planWrite, type WritePlan } from '../shared/plan-write.js';
import { writesNothing } from '../shared/writes-nothing.js';
import { applyPlan } from './apply-plan.js';
import { writeWorkbookFile } from './atomic-write.js';
import { fileErrorWords, type WorkbookLog, workbookFailure } from './file-error.js';
import { type FileVersion, isUnchanged } from './file-version.js';
import { missingWrites, planRepair, type Repair } from './journal-repair.js';
import { openWorkbook } from './open-workbook.js';
import { addLooks, readSnapshotSheet, readTabs, writeSnapshotSheet } from './read-tab.js';
import { removeStaleTempFiles } from './stale-temp-files.js';
import { WorkbookJournal } from './workbook-journal.js';
import { lockWorkbook, type WorkbookLock } from './workbook-lock.js';

export interface WorkbookRegisterStoreOptions {
  /** The .xlsx file; it must exist (the sample-register script or an export creates one). */
  path: string;
  tabs: Settings['tabs'];
  /** The operator's log: failures with their path and cause, under the reference users are given. */
  log?: WorkbookLog;
  /** Reads only: no journal is kept or replayed, and writes are refused (check, previews, import). */
  readOnly?: boolean;
  clock?: () => Date;
  /**
   * Called in every write attempt after the file has been read and the write
   * planned, before it is saved: the moment another program's save can slip
   * in. A seam for tests, which save a person's edit there; unset in production.
   */
  betweenReadAndSave?: () => Promise<void>;
}

/** Thrown inside a write when the file was saved by someone else after it was read. */
class FileChangedError extends Error {}

/** How often a write starts over when someone else keeps saving the file under it. */
const MAX_ATTEMPTS = 3;

/** A bot running for weeks drops journaled writes past keeping once a day (and at every start). */
const PRUNE_EVERY_MS = 24 * 3600_000;

const NOTHING: WriteResult = { cellsWritten: [], auditRowsAppended: 0 };
const isEmpty = (plan: WritePlan) => plan.cells.length === 0 && plan.audit.length === 0;

/**
 * The register kept in a local .xlsx workbook (local mode, exports). Every
 * load and write reads the file afresh, so edits made in Excel between two
 * commands are seen. Writes to one file are queued, re-checked against the
 * file as it is inside the queue, and saved by an atomic rename. Each saved
 * write is journaled beside the file, and a journaled write that a stale
 * copy's save removed is put back at the next load or write.
 */
export class WorkbookRegisterStore implements RegisterStore {
  readonly #path: string;
  readonly #tabs: Settings['tabs'];
  readonly #log: WorkbookLog | undefined;
  readonly #journal: WorkbookJournal | undefined;
  readonly #clock: () => Date;
  readonly #betweenReadAndSave: (() => Promise<void>) | undefined;
  #lock: WorkbookLock | undefined;
  #prunedAt = 0;

  constructor(options: WorkbookRegisterStoreOptions & { lock?: WorkbookLock }) {
    this.#path = options.path;
    this.#tabs = options.tabs;
    this.#log = options.log;
    this.#journal = options.readOnly ? undefined : new WorkbookJournal(options.path, options.log);
    this.#clock = options.clock ?? (() => new Date());
    this.#betweenReadAndSave = options.betweenReadAndSave;
    this.#lock = options.lock;
  }

  /**
   * The store a process starts with. To write, it takes the workbook's lock
   * (refused, naming the holder, while another process has it) and drops
   * journaled writes past keeping; either way, temporary copies of the
   * register left by a save that was killed are removed.
   */
  static async open(options: WorkbookRegisterStoreOptions & { purpose?: string }): Promise<WorkbookRegisterStore> {
    const lock = options.readOnly ? undefined : await lockWorkbook(options.path, options.purpose ?? 'risk-bot');
    try {
      await removeStaleTempFiles(options.path, options.log);
      const store = new WorkbookRegisterStore({ ...options, lock });
      await store.#prune(store.#clock());
      return store;
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /** Gives up the workbook's lock, if this store took it. */
  async close(): Promise<void> {
    this.#lock?.release();
    this.#lock = undefined;
  }

  async load(): Promise<RawRegister> {
    const { workbook } = await this.#open();
    const read = () => ({ source: this.#path, tabs: this.#readTabs(workbook), snapshot: readSnapshotSheet(workbook) });
    const first = read();
    if (this.#journal === undefined) return first;
    const missing = missingWrites(this.#map(first.tabs).audit, await this.#journal.entries(this.#clock()));
    if (missing.length === 0) return first;
    try {
      await inQueue(this.#queueKey(), () => this.#writeInQueue(undefined));
    } catch {
      // Already in the log under its reference; the register is still there to read, as it is.
      return first;
    }
    const again = (await this.#open()).workbook;
    return { source: this.#path, tabs: this.#readTabs(again), snapshot: readSnapshotSheet(again) };
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    if (this.#journal === undefined) throw new Error(`the workbook ${this.#path} was opened read-only`);
    if (writesNothing(request)) return NOTHING;
    return inQueue(this.#queueKey(), () => this.#writeInQueue(request));
  }

  #queueKey(): string {
    return `file:${resolve(this.#path)}`;
  }

  /** Puts back journaled writes the file lost, then makes `request` (if any), in one save. */
  async #writeInQueue(request: WriteRequest | undefined): Promise<WriteResult> {
    for (let attempt = 1; ; attempt += 1) {
      const { workbook, version } = await this.#open();
      const tabs = this.#readTabs(workbook);
      // A write keeps the sheet's formulas and formats, so it reads them too.
      addLooks(workbook, tabs);
      const mapped = this.#map(tabs);
      const now = this.#clock();
      const repair = await this.#planRepair(mapped, now);
      let plan: WritePlan | undefined;
      let refused: unknown;
      try {
        if (request !== undefined) plan = planWrite(mapped, request);
      } catch (error) {
        refused = error;
      }
      const plans = [...repair.plans, ...(plan === undefined ? [] : [plan])];
      // Checked and found valid, but nothing to set (updates with no changes): leave the file alone.
      if (plans.every(isEmpty) && (request?.snapshot === undefined || refused !== undefined)) {
        if (refused !== undefined) throw refused;
        return NOTHING;
      }
      try {
        await this.#betweenReadAndSave?.();
        for (const p of plans) applyPlan(workbook, tabs, p, this.#tabs);
        if (request?.snapshot !== undefined && refused === undefined) writeSnapshotSheet(workbook, request.snapshot);
        await this.#save(workbook, version);
      } catch (error) {
        if (error instanceof FileChangedError && attempt < MAX_ATTEMPTS) continue;
        throw this.#storeFailed(error);
      }
      // The journal keeps the Audit lines as written, so a later check finds them in the file as they are.
      const journaled =
        request !== undefined && plan !== undefined ? { ...request, audit: plan.auditRecords } : undefined;
      await this.#journalSaved(journaled, repair, now);
      if (refused !== undefined) throw refused;
      return plan === undefined || request === undefined
        ? NOTHING
        : {
            cellsWritten: plan.cells.map((cell) => a1Ref(tabs[cell.tab].title, cell.row, cell.column)),
            auditRowsAppended: plan.auditRowsAppended,
            ...(plan.auditRecords.length > 0 ? { audit: plan.auditRecords } : {}),
          };
    }
  }

  async #planRepair(mapped: Record<TabKey, MappedTab>, now: Date): Promise<Repair> {
    const entries = (await this.#journal?.entries(now)) ?? [];
    const missing = missingWrites(mapped.audit, entries);
    return planRepair(mapped, missing, now, this.#tabs.audit.title);
  }

  /** Excel saves by replacing the file; if anyone saved since our read, start over from their file. */
  async #save(workbook: ExcelJS.Workbook, version: FileVersion): Promise<void> {
    await writeWorkbookFile(workbook, this.#path, async () => {
      if (!(await isUnchanged(this.#path, version))) throw new FileChangedError();
    });
  }

  /** After the save: the write goes in the journal, and what was put back or refused in the log. */
  async #journalSaved(request: WriteRequest | undefined, repair: Repair, now: Date): Promise<void> {
    const file = basename(this.#path);
    for (const { id, at } of repair.reapplied)
      this.#log?.(`workbook ${file}: re-applied ${id} (saved ${at}): a copy saved over the file had lost it`);
    for (const { entry, reason } of repair.refused)
      this.#log?.(
        `workbook ${file}: could not re-apply ${entry.id} (saved ${entry.at}), lost to a copy saved over the file: ${reason}`,
      );
    try {
      await this.#journal?.recordRefused(
        repair.refused.map(({ entry }) => entry.id),
        now,
      );
      // A write with no Audit lines has nothing the file can be searched for; none of the bot's own writes is one.
      if (request !== undefined && request.audit.length > 0) await this.#journal?.recordWrite(request, now);
      if (now.getTime() - this.#prunedAt > PRUNE_EVERY_MS) await this.#prune(now);
    } catch (error) {
      this.#log?.(
        `workbook ${file}: the change was saved, but could not be added to the journal ${this.#journal?.path} ` +
          `(${fileErrorWords(error)}); a stale copy saved over the file later would lose it`,
      );
    }
  }

  /** Drops journaled writes past keeping; a failure only leaves the journal longer. */
  async #prune(now: Date): Promise<void> {
    this.#prunedAt = now.getTime();
    await this.#journal?.prune(now).catch((error: unknown) => {
      this.#log?.(`workbook ${basename(this.#path)}: could not prune the journal (${fileErrorWords(error)})`);
    });
  }

  #map(tabs: Record<TabKey, RawTab>): Record<TabKey, MappedTab> {
    return mapTabs(tabs, this.#tabs);
  }

  async #open(): Promise<{ workbook: ExcelJS.Workbook; version: FileVersion }> {
    return openWorkbook(this.#path, this.#log);
  }

  #readTabs(workbook: ExcelJS.Workbook): Record<TabKey, RawTab> {
    return readTabs(workbook, this.#tabs);
  }

  /** Nothing was written: the temporary copy is removed on failure, and the original only ever replaced whole. */
  #storeFailed(error: unknown): DomainError {
    if (isDomainError(error)) return error;
    const words =
      error instanceof FileChangedError
        ? 'The register workbook could not be saved: someone else kept saving it at the same time. Nothing was written; try again in a moment.'
        : `The register workbook could not be saved (${fileErrorWords(error)}). Nothing was written: it is as it was.`;
    return this.#failure('store_failed', words, error);
  }

  // Messages reach Slack users, so they name no path; the path is for the operator (details and the log).
  #failure(code: 'unavailable' | 'store_failed', words: string, error: unknown): DomainError {
    return workbookFailure(code, words, this.#path, error, this.#log);
  }
}
