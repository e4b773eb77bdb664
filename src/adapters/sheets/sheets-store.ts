import type { Settings } from '../../config/settings.js';
import { cellText } from '../../domain/cell.js';
import { DomainError } from '../../domain/domain-error.js';
import { mapTabs, rawTabsOf } from '../../domain/register/mapped-tab.js';
import { type RawRegister, type RawTab, TAB_KEYS, type TabKey } from '../../domain/register/raw-register.js';
import { missingTab } from '../../domain/register/tab-from-grid.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { applyPlanToTabs } from '../shared/apply-plan-to-tabs.js';
import { inQueue } from '../shared/keyed-queue.js';
import { a1Ref, auditHasChange, planWrite, type WritePlan } from '../shared/plan-write.js';
import { planRequests } from './plan-requests.js';
import { findSheet, quoteTitle, tabFromValues } from './sheet-tabs.js';
import { type SheetInfo, type SheetsApi, SheetsCallError } from './sheets-api.js';
import { sheetsFailureError } from './sheets-error.js';

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

interface QueuedWrite {
  request: WriteRequest;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/** Most writes committed in one batchUpdate: far below Sheets' request size limits. */
const MAX_GROUP = 50;

/**
 * The register in a Google Sheet. A load is one values.batchGet of every
 * tab; a write is one fresh read plus one spreadsheets.batchUpdate, which
 * Sheets applies all or nothing, shared by the writes waiting at that moment.
 */
export class SheetsRegisterStore implements RegisterStore {
  readonly #api: SheetsApi;
  readonly #tabs: Settings['tabs'];
  readonly #cacheMs: number;
  readonly #now: () => number;
  #infos: SheetInfo[] | null = null;
  #cache: Snapshot | null = null;
  #loading: Promise<RawRegister> | null = null;
  readonly #queued: QueuedWrite[] = [];

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
    // Loads that arrive while one is reading share its answer: a burst of commands costs one read.
    this.#loading ??= this.#readFresh()
      .then((raw) => {
        this.#cache = { raw, at: this.#now() };
        return raw;
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /**
   * Writes are committed in groups: each write joins the queue, and whoever
   * commits next takes every write waiting, reads the sheet once, plans each
   * against that read (each seeing the ones before it; a conflict refuses
   * only its own write), and sends them as one batchUpdate. Under load this
   * keeps reads and writes within Google's per-minute quota.
   */
  write(request: WriteRequest): Promise<WriteResult> {
    if (request.updates.length === 0 && request.inserts.length === 0 && request.audit.length === 0)
      return Promise.resolve({ cellsWritten: [], auditRowsAppended: 0 });
    return new Promise<WriteResult>((resolve, reject) => {
      this.#queued.push({ request, resolve, reject });
      void inQueue(`sheets:${this.#api.spreadsheetId}`, () => this.#commitQueued());
    });
  }

  async #commitQueued(): Promise<void> {
    const group = this.#queued.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    // The cache stays as it is while the group commits (nothing new is known yet) and is replaced by the written state after.
    try {
      await this.#commit(group);
    } catch (error) {
      for (const write of group) write.reject(error);
    }
  }

  async #commit(group: QueuedWrite[]): Promise<void> {
    let pending = group;
    for (let attempt = 0; ; attempt++) {
      const raw = await this.#readFresh();
      const infos = await this.#sheetInfos();
      const tabs = mapTabs(structuredClone(raw.tabs), this.#tabs);
      let newAuditId: number | null = null;
      const accepted: Array<{ write: QueuedWrite; plan: WritePlan; result: WriteResult }> = [];
      for (const write of pending) {
        let plan: WritePlan;
        try {
          plan = planWrite(tabs, write.request);
        } catch (error) {
          write.reject(error);
          continue;
        }
        const result: WriteResult = {
          cellsWritten: plan.cells.map((cell) => a1Ref(tabs[cell.tab].tab.title, cell.row, cell.column)),
          auditRowsAppended: plan.auditRowsAppended,
        };
        if (plan.createAuditTab) newAuditId = Math.max(0, ...infos.map((info) => info.sheetId)) + 1;
        applyPlanToTabs(tabs, plan, this.#tabs.audit.title);
        accepted.push({ write, plan, result });
      }
      const sheetIdOf = (tab: TabKey): number =>
        tab === 'audit' && newAuditId !== null ? newAuditId : findSheet(infos, raw.tabs[tab].title)!.sheetId;
      const requests = accepted.flatMap(({ plan }) =>
        planRequests(plan, sheetIdOf, plan.createAuditTab ? newAuditId : null, this.#tabs.audit.title),
      );
      const settle = () => {
        for (const { write, result } of accepted) write.resolve(result);
        this.#cache = { raw: { source: raw.source, tabs: rawTabsOf(tabs) }, at: this.#now() };
      };
      if (requests.length === 0) {
        settle();
        return;
      }
      try {
        await this.#api.batchUpdate(requests);
        if (newAuditId !== null) this.#infos = null;
        settle();
        return;
      } catch (error) {
        if (!(error instanceof SheetsCallError)) throw error;
        pending = accepted.map(({ write }) => write);
        const { failure } = error;
        if (failure.kind === 'permanent') {
          // A tab renamed or deleted since the tab list was read: read it again once.
          if (attempt === 0 && failure.status === 400) {
            this.#infos = null;
            continue;
          }
          throw sheetsFailureError(failure, 'the change', error);
        }
        // All or nothing: if one write of the group landed, they all did.
        if (failure.kind === 'uncertain' && (await this.#landedOrUnknown(pending.map((write) => write.request)))) {
          settle();
          return;
        }
        if (attempt + 1 >= this.#api.maxAttempts) throw sheetsFailureError(failure, 'the change', error);
        await this.#api.backoff(attempt, failure);
      }
    }
  }

  /** Whether a group whose answer was lost landed; when even that cannot be asked, the user is told to look before retrying. */
  async #landedOrUnknown(requests: readonly WriteRequest[]): Promise<boolean> {
    try {
      return await this.#landed(requests.find((request) => request.audit.length > 0) ?? requests[0]!);
    } catch (error) {
      throw new DomainError(
        'unavailable',
        'Google Sheets lost its answer to the change and could not then be read to see whether it landed. Look at the sheet (and its Audit log) before trying again, so the change is not made twice.',
        {},
        { cause: error },
      );
    }
  }

  /**
   * Whether a write whose answer was lost was applied after all: its change
   * ID is in the Audit log (a Slack request's), else its first audit row is
   * (each carries its own timestamp, user, item and field), or, for a write
   * without audit rows, every cell holds its new value.
   */
  async #landed(request: WriteRequest): Promise<boolean> {
    const tabs = mapTabs((await this.#readFresh()).tabs, this.#tabs);
    if (request.changeId !== undefined && request.audit.length > 0) return auditHasChange(tabs.audit, request.changeId);
    const record = request.audit[0];
    if (record) {
      const { tab: audit, columns } = tabs.audit;
      if (!audit.found) return false;
      const fields = ['when', 'who', 'item', 'field', 'newValue'] as const;
      return audit.rows.some((row) =>
        fields.every(
          (field) => columns[field] === undefined || cellText(row.cells[columns[field]!]) === cellText(record[field]),
        ),
      );
    }
    try {
      planWrite(tabs, {
        ...request,
        updates: request.updates.map((u) => ({ ...u, changes: u.changes.map((c) => ({ ...c, expected: c.value })) })),
        audit: [],
      });
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
        return this.#toRegister(
          TAB_KEYS.map((key) => this.#tabs[key].title),
          await this.#api.batchGetValues(TAB_KEYS.map((key) => quoteTitle(this.#tabs[key].title))),
        );
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
    return this.#toRegister(
      titles,
      titles.map((title) => (title === null ? undefined : byTitle.get(title))),
    );
  }

  #toRegister(
    titles: ReadonlyArray<string | null>,
    ranges: ReadonlyArray<{ values?: unknown[][] | null } | undefined>,
  ): RawRegister {
    const tabs = Object.fromEntries(
      TAB_KEYS.map((key, i) => {
        const title = titles[i];
        const tab: RawTab =
          title === null || title === undefined
            ? missingTab(key, this.#tabs[key].title)
            : tabFromValues(key, title, ranges[i]?.values, this.#tabs[key].headers);
        return [key, tab];
      }),
    ) as Record<TabKey, RawTab>;
    return { source: this.source, tabs };
  }
}
