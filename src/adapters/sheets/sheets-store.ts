import type { Settings } from '../../config/settings.js';
import type { CellValue } from '../../domain/cell.js';
import { findTabs, titlesToRead } from '../../domain/register/find-tabs.js';
import { type RawRegister, TAB_KEYS } from '../../domain/register/raw-register.js';
import { SNAPSHOT_TAB_TITLE } from '../../domain/register/snapshot-tab.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { attachLooks } from '../shared/attach-looks.js';
import { inQueue } from '../shared/keyed-queue.js';
import { writesNothing } from '../shared/writes-nothing.js';
import { FencedSender } from './fenced-send.js';
import { commitGroup, type QueuedWrite } from './guarded-commit.js';
import { gridFromCells } from './sheet-cells.js';
import { gridFromValues, quoteTitle } from './sheet-tabs.js';
import type { SheetInfo, SheetsApi } from './sheets-api.js';
import { SCRATCH_TITLE } from './write-check.js';

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
  readonly #sender: FencedSender;

  constructor(options: SheetsRegisterStoreOptions) {
    this.#api = options.api;
    this.#tabs = options.tabs;
    this.#cacheMs = options.readCacheMs;
    this.#now = options.now ?? Date.now;
    this.#sender = new FencedSender(options.api, this.#now);
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
   * The hidden snapshot tab on its own, for a load made before the tab list
   * was known (the first of a process: one batchGet of the configured
   * titles). Later loads bring it in their one batchGet.
   */
  async snapshotTab(): Promise<CellValue[][] | null> {
    const infos = await this.#sheetInfos();
    if (!infos.some((info) => info.title === SNAPSHOT_TAB_TITLE)) return null;
    const [range] = await this.#api.batchGetValues([quoteTitle(SNAPSHOT_TAB_TITLE)]);
    return (range?.values ?? []).map((row) => [...row]);
  }

  /**
   * Writes are committed in groups: each write joins the queue, and whoever
   * commits next takes every write waiting, reads the sheet once, plans each
   * against that read (each seeing the ones before it; a conflict refuses
   * only its own write), and sends them as one batchUpdate. Under load this
   * keeps reads and writes within Google's per-minute quota.
   */
  write(request: WriteRequest): Promise<WriteResult> {
    if (writesNothing(request)) return Promise.resolve({ cellsWritten: [], auditRowsAppended: 0 });
    return new Promise<WriteResult>((resolve, reject) => {
      this.#queued.push({ request, resolve, reject });
      void inQueue(`sheets:${this.#api.spreadsheetId}`, () => this.#commitQueued());
    });
  }

  async #commitQueued(): Promise<void> {
    // The group is taken once its read may go out: writes that come while it waits share that read.
    await this.#api.readReady();
    const group = this.#queued.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    try {
      const { written, postponed, settle } = await commitGroup(
        {
          tabs: this.#tabs,
          now: this.#now,
          readFresh: () => this.#readFresh(true),
          sheetInfos: () => this.#sheetInfos(),
          forgetSheetInfos: () => {
            this.#infos = null;
          },
          noteSheet: (info) => {
            // A tab made afresh under an old title (the snapshot) takes the old one's place.
            const same = (known: SheetInfo) =>
              known.sheetId === info.sheetId || known.title.toLowerCase() === info.title.toLowerCase();
            if (this.#infos !== null) this.#infos = [...this.#infos.filter((known) => !same(known)), info];
          },
          send: (requests, ranges) => this.#sender.send(requests, ranges),
        },
        group,
      );
      // The cache holds the register as written; after a repair nothing is known for sure until the next read.
      // The snapshot tab is as this group left it: the one it wrote, else as the last load read it.
      const snapshot = group.findLast((write) => write.request.snapshot !== undefined)?.request.snapshot;
      const kept = snapshot ?? this.#cache?.raw.snapshot;
      this.#cache = written === null ? null : { raw: { ...written, snapshot: kept }, at: this.#now() };
      settle();
      if (postponed.length > 0) {
        this.#queued.unshift(...postponed);
        void inQueue(`sheets:${this.#api.spreadsheetId}`, () => this.#commitQueued());
      }
    } catch (error) {
      this.#cache = null;
      for (const write of group) write.reject(error);
    }
  }

  async #sheetInfos(): Promise<SheetInfo[]> {
    this.#infos ??= await this.#api.sheetInfos();
    return this.#infos;
  }

  /**
   * Every tab in one batchGet. Before the tab list is known the configured
   * titles are asked for directly (one request for a digest); if one is
   * missing Sheets refuses the whole batch, so the tab list is read and the
   * tabs that exist are asked for: those with a configured title, and all
   * the others when one of Risks, Actions and People has none, to find it
   * by its headers (findTabs).
   */
  async #readFresh(forWrite = false): Promise<RawRegister> {
    if (this.#infos === null) {
      const titles = TAB_KEYS.map((key) => this.#tabs[key].title);
      try {
        return await this.#readTitles(titles, forWrite);
      } catch (error) {
        if ((error as { details?: { status?: unknown } }).details?.status !== 400) throw error;
        this.#infos = await this.#api.sheetInfos();
      }
    }
    const infos = await this.#sheetInfos();
    // The bot's scratch and snapshot tabs are its own: never a register tab.
    const titles = titlesToRead(
      infos.map((info) => info.title).filter((title) => title !== SCRATCH_TITLE && title !== SNAPSHOT_TAB_TITLE),
      this.#tabs,
    );
    const withSnapshot = !forWrite && infos.some((info) => info.title === SNAPSHOT_TAB_TITLE);
    return this.#readTitles(withSnapshot ? [...titles, SNAPSHOT_TAB_TITLE] : titles, forWrite);
  }

  /**
   * The tabs titled, in one request: their values for a load; for a write
   * their cells with formulas and number formats too (spreadsheets.get with
   * grid data), so the write keeps the sheet's own ways.
   */
  async #readTitles(titles: readonly string[], forWrite: boolean): Promise<RawRegister> {
    if (titles.length === 0) return { source: this.source, tabs: findTabs([], this.#tabs) };
    if (!forWrite) {
      const ranges = await this.#api.batchGetValues(titles.map(quoteTitle));
      const sources = titles.map((title, i) => ({ title, grid: gridFromValues(ranges[i]?.values) }));
      const at = titles.indexOf(SNAPSHOT_TAB_TITLE);
      // Whether the snapshot tab is there is known once the tab list is: before that, snapshotTab() asks.
      const snapshot = at >= 0 ? (ranges[at]?.values ?? []).map((row) => [...row]) : this.#infos ? null : undefined;
      const tabs = findTabs(
        sources.filter((source) => source.title !== SNAPSHOT_TAB_TITLE),
        this.#tabs,
      );
      return { source: this.source, tabs, ...(snapshot === undefined ? {} : { snapshot }) };
    }
    const sheets = await this.#api.batchGetCells(titles.map(quoteTitle));
    const sources = titles.map((title) => ({
      title,
      grid: gridFromCells(sheets.find((sheet) => sheet.properties?.title === title)),
    }));
    const tabs = findTabs(sources, this.#tabs);
    attachLooks(tabs, sources);
    return { source: this.source, tabs };
  }
}
