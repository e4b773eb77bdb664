import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue, IsoDate } from '../../src/domain/cell.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Register } from '../../src/domain/register/register.js';
import { buildSampleRegister, type SampleTab } from '../../src/sample/sample-register.js';
import { rawRegister, rawTab } from './raw-register.js';

/** A change a person makes to the sample register's tabs, as in the sheet itself. */
export type SampleEdit = (tabs: Record<TabKey, SampleTab>) => void;

const settings = loadSettings();

function rowOf(tab: SampleTab, id: string): CellValue[] {
  const row = tab.rows.find((cells) => cells[0] === id);
  if (row === undefined) throw new Error(`no row ${id} in ${tab.title}`);
  return row;
}

function columnOf(tab: SampleTab, header: string): number {
  const column = tab.headers.indexOf(header);
  if (column < 0) throw new Error(`no column ${header} in ${tab.title}`);
  return column;
}

/** Sets one cell: the row with ID `id` (as written), the column with header `header`. */
export const setCell =
  (key: TabKey, id: string, header: string, value: CellValue): SampleEdit =>
  (tabs) => {
    rowOf(tabs[key], id)[columnOf(tabs[key], header)] = value;
  };

/** Deletes the row with ID `id` (as written). */
export const deleteRow =
  (key: TabKey, id: string): SampleEdit =>
  (tabs) => {
    tabs[key].rows = tabs[key].rows.filter((cells) => cells[0] !== id);
  };

/** Adds a row, its cells by header; headers not given are left blank. */
export const addRow =
  (key: TabKey, cells: Record<string, CellValue>): SampleEdit =>
  (tabs) => {
    tabs[key].rows.push(tabs[key].headers.map((header) => cells[header] ?? null));
  };

/** Removes a column, header and cells. */
export const dropColumn =
  (key: TabKey, header: string): SampleEdit =>
  (tabs) => {
    const column = columnOf(tabs[key], header);
    tabs[key].headers = tabs[key].headers.filter((_, i) => i !== column);
    tabs[key].rows = tabs[key].rows.map((cells) => cells.filter((_, i) => i !== column));
  };

/** Removes a tab, as when its title changed and the register no longer finds it. */
export const dropTab =
  (key: TabKey): SampleEdit =>
  (tabs) => {
    delete (tabs as Partial<Record<TabKey, SampleTab>>)[key];
  };

/** The bundled sample register's tabs for `today`, by key. */
export function sampleTabs(today: IsoDate): Record<TabKey, SampleTab> {
  return Object.fromEntries(buildSampleRegister(today, settings.tabs).map((tab) => [tab.key, tab])) as Record<
    TabKey,
    SampleTab
  >;
}

/** The bundled sample register for `today`, with `edits` made to its tabs, read as the bot reads it. */
export function editedSample(today: IsoDate, ...edits: SampleEdit[]): Register {
  const tabs = sampleTabs(today);
  for (const edit of edits) edit(tabs);
  const raw = (key: TabKey) => {
    const tab = tabs[key] as SampleTab | undefined;
    return tab === undefined ? undefined : rawTab(key, tab.headers, tab.rows, tab.title);
  };
  return readRegister(
    rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
    settings,
    today,
  );
}
