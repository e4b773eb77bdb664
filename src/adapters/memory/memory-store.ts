import type { Settings } from '../../config/settings.js';
import type { CellValue } from '../../domain/cell.js';
import { findTabs, titlesToRead } from '../../domain/register/find-tabs.js';
import { mapTabs } from '../../domain/register/mapped-tab.js';
import type { RawRegister, RawTab, TabKey } from '../../domain/register/raw-register.js';
import { tabTitled } from '../../domain/register/tab-from-grid.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { a1Ref, planWrite } from '../shared/plan-write.js';

/** A register's tabs as a person sees them: tab title → rows from row 1 (the header line, usually), each row's cells from column A. */
export type Grids = Record<string, CellValue[][]>;

export interface MemoryRegisterStoreOptions {
  tabs: Settings['tabs'];
  /** The register to start with; tabs config names but this lacks are missing, as in a sheet without them. */
  grids: Grids;
  /** What the register is called in messages (default "the register in memory"). */
  source?: string;
}

/**
 * The register held in memory, cell by cell, as a sheet holds it: read and
 * written with the same tab reading and write planning as the workbook and
 * Sheets stores, so it refuses and writes what they do, but with no file or
 * service behind it. For tests and trials that need a register, not a
 * workbook's or Google's own behaviour. A write is planned and applied with
 * nothing in between, so writes never interleave.
 */
export class MemoryRegisterStore implements RegisterStore {
  readonly #tabs: Settings['tabs'];
  readonly #grids = new Map<string, CellValue[][]>();
  readonly #source: string;
  /** The hidden snapshot tab, apart from the tabs a person sees. */
  #snapshot: CellValue[][] | null = null;

  constructor(options: MemoryRegisterStoreOptions) {
    this.#tabs = options.tabs;
    this.#source = options.source ?? 'the register in memory';
    for (const [title, rows] of Object.entries(options.grids)) this.#grids.set(title, structuredClone(rows));
  }

  /** A register as loaded from another store, in memory: each tab's header line and rows at their row numbers. */
  static copyOf(raw: RawRegister, tabs: Settings['tabs'], source = raw.source): MemoryRegisterStore {
    const grids: Grids = {};
    for (const tab of Object.values(raw.tabs).filter((t) => t.found)) {
      const rows: CellValue[][] = [];
      if (tab.headerRow > 0) rows[tab.headerRow - 1] = [...tab.headers];
      for (const row of tab.rows) rows[row.row - 1] = [...row.cells];
      grids[tab.title] = Array.from(rows, (cells) => cells ?? []);
    }
    return new MemoryRegisterStore({ tabs, grids, source });
  }

  async load(): Promise<RawRegister> {
    return { source: this.#source, tabs: this.#read(), snapshot: structuredClone(this.#snapshot) };
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    const tabs = this.#read();
    const plan = planWrite(mapTabs(tabs, this.#tabs), request);
    if (plan.createAuditTab) this.#grids.set(this.#tabs.audit.title, []);
    for (const cell of [...plan.cells, ...plan.audit]) {
      const grid = this.#gridOf(tabs[cell.tab].title)!;
      while (grid.length < cell.row) grid.push([]);
      const row = grid[cell.row - 1]!;
      while (row.length < cell.column) row.push(null);
      row[cell.column] = cell.value;
    }
    if (request.snapshot !== undefined) this.#snapshot = structuredClone(request.snapshot);
    return {
      cellsWritten: plan.cells.map((cell) => a1Ref(tabs[cell.tab].title, cell.row, cell.column)),
      auditRowsAppended: plan.auditRowsAppended,
      ...(plan.auditRecords.length > 0 ? { audit: plan.auditRecords } : {}),
    };
  }

  /** The hidden snapshot tab's rows, or null before the bot has recorded one. */
  async snapshotTab(): Promise<CellValue[][] | null> {
    return structuredClone(this.#snapshot);
  }

  /** Every tab as it is now, row by row, blank rows and cells kept: what a person would see. */
  snapshot(): Grids {
    return Object.fromEntries([...this.#grids].map(([title, rows]) => [title, structuredClone(rows)]));
  }

  /** Changes a tab as a person would between the bot's read and its write: sorting, inserting rows, editing cells. */
  edit(title: string, change: (rows: CellValue[][]) => CellValue[][]): void {
    const actual = tabTitled([...this.#grids.keys()], (name) => name, title);
    if (actual === undefined) throw new Error(`the register in memory has no "${title}" tab`);
    this.#grids.set(actual, structuredClone(change(structuredClone(this.#grids.get(actual)!))));
  }

  #gridOf(title: string): CellValue[][] | undefined {
    const actual = tabTitled([...this.#grids.keys()], (name) => name, title);
    return actual === undefined ? undefined : this.#grids.get(actual);
  }

  /** Every tab found as the other stores find them: by configured title, else by what its headers hold. */
  #read(): Record<TabKey, RawTab> {
    const titles = titlesToRead([...this.#grids.keys()], this.#tabs);
    const sources = titles.map((title) => ({
      title,
      grid: this.#grids.get(title)!.map((cells, index) => ({ row: index + 1, cells: [...cells] })),
    }));
    return findTabs(sources, this.#tabs);
  }
}
