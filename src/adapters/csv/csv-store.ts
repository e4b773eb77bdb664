import { basename } from 'node:path';
import type { Settings } from '../../config/settings.js';
import { DomainError } from '../../domain/domain-error.js';
import { mapHeaders } from '../../domain/register/header-map.js';
import type { RawRegister, TabKey } from '../../domain/register/raw-register.js';
import { tabFromGrid, tabTitled } from '../../domain/register/tab-from-grid.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';
import { MemoryRegisterStore } from '../memory/memory-store.js';
import type { WorkbookLog } from '../workbook/file-error.js';
import { type CsvTab, readCsvTabs } from './csv-files.js';

export interface CsvRegisterStoreOptions {
  /** A .csv file (the register's one tab) or a folder of them (one tab each). */
  path: string;
  tabs: Settings['tabs'];
  /** The operator's log: a file that cannot be read, with its path and cause. */
  log?: WorkbookLog;
}

const ROLES: readonly TabKey[] = ['risks', 'actions', 'people'];

/** How many of a tab's fields a CSV's header line names, read as that tab. */
function fieldsNamed(tab: CsvTab, key: TabKey, tabs: Settings['tabs']): number {
  const grid = tab.rows.map((cells, index) => ({ row: index + 1, cells }));
  const { headers } = tabFromGrid(key, tab.title, grid, tabs[key].headers);
  return Object.keys(mapHeaders(key, headers, tabs[key].headers).byField).length;
}

/**
 * The layout a CSV register is read with. A file named as a tab is (Risks.csv,
 * actions.csv) is that tab; any other is taken, under its own name, as the
 * tab whose columns its header line names most of ("Action plan export.csv"
 * with Action and Lead columns is the plan). Files that fit no tab are left
 * out, as a workbook's other tabs are.
 */
function layoutFor(files: readonly CsvTab[], tabs: Settings['tabs']): Settings['tabs'] {
  const layout = { ...tabs };
  const taken = new Set(
    files.filter((file) => ROLES.some((key) => tabTitled([file], (f) => f.title, tabs[key].title))),
  );
  const open = new Set(
    ROLES.filter((key) => !files.some((file) => tabTitled([file], (f) => f.title, tabs[key].title))),
  );
  for (const file of files.filter((f) => !taken.has(f))) {
    const [best] = [...open]
      .map((key) => ({ key, fields: fieldsNamed(file, key, tabs) }))
      .filter((choice) => choice.fields >= 2)
      .sort((a, b) => b.fields - a.fields);
    if (best === undefined) continue;
    layout[best.key] = { ...tabs[best.key], title: file.title };
    open.delete(best.key);
  }
  return layout;
}

/**
 * A register kept as CSV: a plan or risk log exported from a spreadsheet, or a
 * folder of a spreadsheet's tabs exported one file each. Read afresh at every
 * load, with the same tab and column reading as every other store, for check,
 * digest, nudges and questions; never written, since a CSV cannot keep the
 * Audit log, formulas or formats the bot relies on: a write is refused with
 * the command that imports the file into a workbook or a Google Sheet.
 */
export class CsvRegisterStore implements RegisterStore {
  readonly #path: string;
  readonly #tabs: Settings['tabs'];
  readonly #log: WorkbookLog | undefined;

  constructor(options: CsvRegisterStoreOptions) {
    this.#path = options.path;
    this.#tabs = options.tabs;
    this.#log = options.log;
  }

  async load(): Promise<RawRegister> {
    const { source, tabs: files } = await readCsvTabs(this.#path, this.#log);
    const grids = Object.fromEntries(files.map((file) => [file.title, file.rows]));
    const memory = new MemoryRegisterStore({ tabs: layoutFor(files, this.#tabs), grids, source });
    return memory.load();
  }

  async write(_request: WriteRequest): Promise<WriteResult> {
    const name = basename(this.#path);
    throw new DomainError(
      'read_only',
      `The register is kept as CSV (${name}), which the bot reads but never changes, so nothing was written. ` +
        `To change it from Slack or the console, import it into a workbook or a Google Sheet and use that as the register: ` +
        `risk-bot import ${name} --workbook register.xlsx (or --sheet SHEET_ID).`,
      { path: this.#path },
    );
  }
}
