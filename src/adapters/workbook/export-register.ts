import type { Settings } from '../../config/settings.js';
import { dateColumns, mapTab } from '../../domain/register/mapped-tab.js';
import { type RawRegister, TAB_KEYS } from '../../domain/register/raw-register.js';
import { createWorkbook } from './create-workbook.js';

/** Writes a register (as loaded from any store) to a new .xlsx workbook; returns what it wrote, per tab. */
export async function exportRegister(
  source: RawRegister,
  path: string,
  settings: Pick<Settings, 'tabs'>,
): Promise<string[]> {
  const tabs = TAB_KEYS.map((key) => source.tabs[key]).filter((tab) => tab.found && tab.headers.length > 0);
  await createWorkbook(
    path,
    tabs.map((tab) => ({
      title: tab.title,
      headers: tab.headers,
      rows: tab.rows.map((row) => row.cells),
      dateColumns: dateColumns(mapTab(tab, settings.tabs[tab.key].headers)),
    })),
  );
  return tabs.map((tab) => `"${tab.title}": ${tab.rows.length} row(s)`);
}
