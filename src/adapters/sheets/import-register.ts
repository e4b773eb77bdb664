import type { sheets_v4 } from 'googleapis';
import type { Settings } from '../../config/settings.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Scale } from '../../domain/items/scale.js';
import { dateColumns, mapTab } from '../../domain/register/mapped-tab.js';
import { type RawRegister, type RawTab, TAB_KEYS } from '../../domain/register/raw-register.js';
import { cellData } from './plan-requests.js';
import { setupSheet } from './setup-sheet.js';
import { findSheet } from './sheet-tabs.js';
import { type SheetsApi, SheetsCallError } from './sheets-api.js';
import { sheetsFailureError } from './sheets-error.js';
import { SheetsRegisterStore } from './sheets-store.js';

type Request = sheets_v4.Schema$Request;

function tabRows(tab: RawTab, settings: Pick<Settings, 'tabs'>): sheets_v4.Schema$RowData[] {
  const dates = new Set(dateColumns(mapTab(tab, settings.tabs[tab.key].headers)));
  return [
    {
      values: tab.headers.map((header) => ({
        userEnteredValue: { stringValue: header },
        userEnteredFormat: { textFormat: { bold: true } },
      })),
    },
    ...tab.rows.map((row) => ({ values: row.cells.map((cell, column) => cellData(cell, dates.has(column))) })),
  ];
}

/**
 * Copies a register read from a workbook into a Google Sheet (the move from
 * Excel), then sets the sheet up. Only into tabs with no items yet: it never
 * overwrites a register, and says so rather than merging two.
 */
export async function importRegister(
  source: RawRegister,
  api: SheetsApi,
  settings: Pick<Settings, 'tabs'>,
  scale: Scale,
): Promise<string[]> {
  const target = await new SheetsRegisterStore({ api, tabs: settings.tabs, readCacheMs: 0 }).load();
  for (const key of TAB_KEYS) {
    const tab = target.tabs[key];
    if (tab.found && tab.rows.length > 0) {
      throw new DomainError(
        'item_exists',
        `The sheet's "${tab.title}" tab already holds ${tab.rows.length} row(s); import copies only into an empty register, so nothing was written`,
        { tab: tab.title },
      );
    }
  }
  const layout = await api.layout();
  let nextId = Math.max(0, ...layout.map((info) => info.sheetId)) + 1;
  const requests: Request[] = [];
  const copied: string[] = [];
  for (const key of TAB_KEYS) {
    const tab = source.tabs[key];
    if (!tab.found || tab.headers.length === 0) continue;
    const title = settings.tabs[key].title;
    const rows = tabRows(tab, settings);
    const info = findSheet(layout, title);
    const sheetId = info?.sheetId ?? nextId++;
    const gridRows = Math.max(1000, rows.length + 100);
    if (!info)
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title,
            gridProperties: { rowCount: gridRows, columnCount: Math.max(26, tab.headers.length), frozenRowCount: 1 },
          },
        },
      });
    else if (info.rowCount < rows.length)
      requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: rows.length - info.rowCount } });
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows,
        fields: 'userEnteredValue,userEnteredFormat(numberFormat,textFormat.bold)',
      },
    });
    copied.push(`"${title}": ${tab.rows.length} row(s)`);
  }
  try {
    await api.batchUpdate(requests);
  } catch (error) {
    if (error instanceof SheetsCallError) throw sheetsFailureError(error.failure, 'the import', error);
    throw error;
  }
  return [`copied ${copied.join(', ')}`, ...(await setupSheet(api, settings, scale))];
}
