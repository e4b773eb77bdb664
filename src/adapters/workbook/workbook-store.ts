import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Settings } from '../../config/settings.js';
import { type DomainError, isDomainError } from '../../domain/domain-error.js';
import { mapTabs } from '../../domain/register/mapped-tab.js';
import { type RawRegister, type RawTab, TAB_KEYS, type TabKey } from '../../domain/register/raw-register.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { inQueue } from '../shared/keyed-queue.js';
import { a1Ref, planWrite } from '../shared/plan-write.js';
import { applyPlan } from './apply-plan.js';
import { writeWorkbookFile } from './atomic-write.js';
import { fileErrorWords, type WorkbookLog, workbookFailure } from './file-error.js';
import { type FileVersion, isUnchanged, readVersioned } from './file-version.js';
import { findWorksheet, readTab } from './read-tab.js';
import { removeStaleTempFiles } from './stale-temp-files.js';

export interface WorkbookRegisterStoreOptions {
  /** The .xlsx file; it must exist (the sample-register script or an export creates one). */
  path: string;
  tabs: Settings['tabs'];
  /** The operator's log: failures with their path and cause, under the reference users are given. */
  log?: WorkbookLog;
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

/**
 * The register kept in a local .xlsx workbook (local mode, exports). Every
 * load and write reads the file afresh, so edits made in Excel between two
 * commands are seen. Writes to one file are queued, re-checked against the
 * file as it is inside the queue, and saved by an atomic rename.
 */
export class WorkbookRegisterStore implements RegisterStore {
  readonly #path: string;
  readonly #tabs: Settings['tabs'];
  readonly #log: WorkbookLog | undefined;
  readonly #betweenReadAndSave: (() => Promise<void>) | undefined;

  constructor(options: WorkbookRegisterStoreOptions) {
    this.#path = options.path;
    this.#tabs = options.tabs;
    this.#log = options.log;
    this.#betweenReadAndSave = options.betweenReadAndSave;
  }

  /** The store the bot starts with: temporary copies of the register left by a save that was killed are removed first. */
  static async open(options: WorkbookRegisterStoreOptions): Promise<WorkbookRegisterStore> {
    await removeStaleTempFiles(options.path, options.log);
    return new WorkbookRegisterStore(options);
  }

  async load(): Promise<RawRegister> {
    const { workbook } = await this.#open();
    return { source: this.#path, tabs: this.#readTabs(workbook) };
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    if (request.updates.length === 0 && request.inserts.length === 0 && request.audit.length === 0) {
      return { cellsWritten: [], auditRowsAppended: 0 };
    }
    return inQueue(`file:${resolve(this.#path)}`, () => this.#writeInLock(request));
  }

  async #writeInLock(request: WriteRequest): Promise<WriteResult> {
    for (let attempt = 1; ; attempt += 1) {
      const { workbook, version } = await this.#open();
      const tabs = this.#readTabs(workbook);
      const plan = planWrite(mapTabs(tabs, this.#tabs), request);
      // Checked and found valid, but nothing to set (updates with no changes): leave the file alone.
      if (plan.cells.length === 0 && plan.audit.length === 0) return { cellsWritten: [], auditRowsAppended: 0 };
      try {
        await this.#betweenReadAndSave?.();
        applyPlan(workbook, tabs, plan, this.#tabs);
        // Excel saves by replacing the file; if anyone saved since our read, start over from their file.
        await writeWorkbookFile(workbook, this.#path, async () => {
          if (!(await isUnchanged(this.#path, version))) throw new FileChangedError();
        });
      } catch (error) {
        if (error instanceof FileChangedError && attempt < MAX_ATTEMPTS) continue;
        throw this.#storeFailed(error);
      }
      return {
        cellsWritten: plan.cells.map((cell) => a1Ref(tabs[cell.tab].title, cell.row, cell.column)),
        auditRowsAppended: plan.auditRowsAppended,
      };
    }
  }

  #readTabs(workbook: ExcelJS.Workbook): Record<TabKey, RawTab> {
    const entries = TAB_KEYS.map((key) => {
      const { title } = this.#tabs[key];
      return [key, readTab(key, title, findWorksheet(workbook, title), this.#tabs[key].headers)] as const;
    });
    return Object.fromEntries(entries) as Record<TabKey, RawTab>;
  }

  async #open(): Promise<{ workbook: ExcelJS.Workbook; version: FileVersion }> {
    let read: Awaited<ReturnType<typeof readVersioned>>;
    try {
      read = await readVersioned(this.#path);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw this.#failure(
        'unavailable',
        missing
          ? 'The register workbook was not found.'
          : `The register workbook could not be read (${fileErrorWords(error)}).`,
        error,
      );
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(read.bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw this.#failure(
        'unavailable',
        'The register workbook could not be read: it is not a valid .xlsx file.',
        error,
      );
    }
    return { workbook, version: read.version };
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
