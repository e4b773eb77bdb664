import type { Settings } from '../../config/settings.js';
import { cellText } from '../../domain/cell.js';
import { TAB_KEYS, type RawRegister, type RawTab, type RegisterStore, type TabKey, type WriteRequest, type WriteResult } from '../../ports/register-store.js';
import { inQueue } from '../shared/keyed-queue.js';
import { a1Ref, planWrite } from '../shared/plan-write.js';
import { mapTab } from '../shared/locate-row.js';
import { planRequests } from './plan-requests.js';
import { SheetsCallError, type SheetInfo, type SheetsApi } from './sheets-api.js';
import { sheetsFailureError } from './sheets-error.js';
import { findSheet, missingTab, quoteTitle, tabFromValues } from './sheet-tabs.js';

export interface SheetsRegisterStoreOptions {
  api: SheetsApi;
  tabs: Settings['tabs'];
  /** Loads reuse a read this recent (ms); writes always read afresh. */
  readCacheMs: number;
  now?: () => number;
}

interface Snapshot {
  raw: RawRegister;
  at: number;
}

/**
 * The register in a Google Sheet. A load is one values.batchGet of every
 * tab; a write is one fresh read plus one spreadsheets.batchUpdate, which
 * Sheets applies all or nothing. Writes to one spreadsheet are queued.
 */
export class SheetsRegisterStore implements RegisterStore {
  readonly #api: SheetsApi;
  readonly #tabs: Settings['tabs'];
  readonly #cacheMs: number;
  readonly #now: () => number;
  #infos: SheetInfo[] | null = null;
  #cache: Snapshot | null = null;

  constructor(options: SheetsRegisterStoreOptions) {
    this.#api = options.api;
    this.#tabs = options.tabs;
    this.#cacheMs = options.readCacheMs;
    this.#now = options.now ?? Date.now;
  }

  get source(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#api.spreadsheetId}/edit`;
  }

  async load(): Promise<RawRegister> {
    if (this.#cache && this.#now() - this.#cache.at < this.#cacheMs) return this.#cache.raw;
    const raw = await this.#readFresh();
    this.#cache = { raw, at: this.#now() };
    return raw;
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    if (request.updates.length === 0 && request.inserts.length === 0 && request.audit.length === 0) return { cellsWritten: [], auditRowsAppended: 0 };
    try {
      return await inQueue(`sheets:${this.#api.spreadsheetId}`, () => this.#writeInLock(request));
    } finally {
      this.#cache = null;
    }
  }

  async #writeInLock(request: WriteRequest): Promise<WriteResult> {
    for (let attempt = 0; ; attempt++) {
      const raw = await this.#readFresh();
      const infos = await this.#sheetInfos();
      const plan = planWrite(raw.tabs, this.#tabs, request);
      const result: WriteResult = { cellsWritten: plan.cells.map((cell) => a1Ref(raw.tabs[cell.tab].title, cell.row, cell.column)), auditRowsAppended: plan.auditRowsAppended };
      if (plan.cells.length === 0 && plan.audit.length === 0) return result;
      const sheetIdOf = (tab: TabKey): number => findSheet(infos, raw.tabs[tab].title)!.sheetId;
      const newAuditId = plan.createAuditTab ? Math.max(0, ...infos.map((info) => info.sheetId)) + 1 : null;
      try {
        await this.#api.batchUpdate(planRequests(plan, sheetIdOf, newAuditId, this.#tabs.audit.title));
        if (newAuditId !== null) this.#infos = null;
        return result;
      } catch (error) {
        if (!(error instanceof SheetsCallError)) throw error;
        const { failure } = error;
        const lastTry = attempt + 1 >= this.#api.maxAttempts;
        if (failure.kind === 'permanent') {
          // A tab renamed or deleted since the tab list was read: read it again once.
          if (attempt === 0 && failure.status === 400) { this.#infos = null; continue; }
          throw sheetsFailureError(failure, 'the change', error);
        }
        if (failure.kind === 'uncertain' && (await this.#landed(request))) return result;
        if (lastTry) throw sheetsFailureError(failure, 'the change', error);
        await this.#api.backoff(attempt, failure);
      }
    }
  }

  /**
   * Whether a write whose answer was lost was applied after all: its first
   * audit row is in the Audit log (each carries its own timestamp, user, item
   * and field), or, for a write without audit rows, every cell holds its new value.
   */
  async #landed(request: WriteRequest): Promise<boolean> {
    const raw = await this.#readFresh();
    const record = request.audit[0];
    if (record) {
      if (!raw.tabs.audit.found) return false;
      const { columns } = mapTab(raw.tabs.audit, this.#tabs.audit.headers);
      const fields = ['when', 'who', 'item', 'field', 'newValue'] as const;
      return raw.tabs.audit.rows.some((row) => fields.every((field) => columns[field] === undefined || cellText(row.cells[columns[field]!]) === cellText(record[field])));
    }
    try {
      planWrite(raw.tabs, this.#tabs, { ...request, updates: request.updates.map((u) => ({ ...u, changes: u.changes.map((c) => ({ ...c, expected: c.value })) })), audit: [] });
      return request.inserts.length === 0;
    } catch {
      return false;
    }
  }

  async #sheetInfos(): Promise<SheetInfo[]> {
    this.#infos ??= await this.#api.sheetInfos();
    return this.#infos;
  }

  /**
   * Every tab in one batchGet. Before the tab list is known the configured
   * titles are asked for directly (one request for a digest); if one is
   * missing Sheets refuses the whole batch, so the tab list is read and only
   * the tabs that exist are asked for.
   */
  async #readFresh(): Promise<RawRegister> {
    if (this.#infos === null) {
      try {
        return this.#toRegister(TAB_KEYS.map((key) => this.#tabs[key].title), await this.#api.batchGetValues(TAB_KEYS.map((key) => quoteTitle(this.#tabs[key].title))));
      } catch (error) {
        if ((error as { details?: { status?: unknown } }).details?.status !== 400) throw error;
        this.#infos = await this.#api.sheetInfos();
      }
    }
    const infos = await this.#sheetInfos();
    const titles = TAB_KEYS.map((key) => findSheet(infos, this.#tabs[key].title)?.title ?? null);
    const present = titles.filter((title): title is string => title !== null);
    const ranges = present.length > 0 ? await this.#api.batchGetValues(present.map(quoteTitle)) : [];
    const byTitle = new Map(present.map((title, i) => [title, ranges[i]]));
    return this.#toRegister(titles, titles.map((title) => (title === null ? undefined : byTitle.get(title))));
  }

  #toRegister(titles: ReadonlyArray<string | null>, ranges: ReadonlyArray<{ values?: unknown[][] | null } | undefined>): RawRegister {
    const tabs = Object.fromEntries(TAB_KEYS.map((key, i) => {
      const title = titles[i];
      const tab: RawTab = title === null || title === undefined ? missingTab(key, this.#tabs[key].title) : tabFromValues(key, title, ranges[i]?.values, this.#tabs[key].headers);
      return [key, tab];
    })) as Record<TabKey, RawTab>;
    return { source: this.source, tabs };
  }
}
