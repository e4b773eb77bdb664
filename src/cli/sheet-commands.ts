import { isCsvRegister } from '../adapters/csv/csv-files.js';
import { CsvRegisterStore } from '../adapters/csv/csv-store.js';
import { importRegister } from '../adapters/sheets/import-register.js';
import { setupSheet } from '../adapters/sheets/setup-sheet.js';
import { SheetsRegisterStore } from '../adapters/sheets/sheets-store.js';
import { exportRegister } from '../adapters/workbook/export-register.js';
import { importIntoWorkbook } from '../adapters/workbook/import-into-workbook.js';
import { lockWorkbook } from '../adapters/workbook/workbook-lock.js';
import { WorkbookRegisterStore } from '../adapters/workbook/workbook-store.js';
import { openSheetsApi } from '../composition/open-store.js';
import type { Env } from '../config/env.js';
import { type Settings, SettingsError } from '../config/settings.js';
import type { RawRegister } from '../domain/register/raw-register.js';
import type { CliOptions } from './cli-options.js';

function sheetIdFrom(options: CliOptions, env: Env, settings: Settings): string {
  const id = options.sheet ?? env.REGISTER_SHEET_ID ?? settings.boards[0]?.sheetId ?? undefined;
  if (id === undefined)
    throw new SettingsError(['give --sheet ID, or set REGISTER_SHEET_ID or boards[0].sheetId'], 'risk-bot');
  return id;
}

/** The register import copies: a workbook, or a CSV file or folder of them, read as check reads it. */
async function importSource(file: string, settings: Settings): Promise<RawRegister> {
  if (await isCsvRegister(file)) return new CsvRegisterStore({ path: file, tabs: settings.tabs }).load();
  return new WorkbookRegisterStore({ path: file, tabs: settings.tabs, readOnly: true }).load();
}

const lines = (heading: string, changes: readonly string[]) =>
  [heading, ...changes.map((change) => `  - ${change}`)].join('\n');

/** setup-sheet, import and export: the commands that move a register into and out of Google Sheets. */
export async function runSheetCommand(options: CliOptions, env: Env, settings: Settings): Promise<string> {
  const scale = settings.boards[0]!.scale;
  if (options.command === 'setup-sheet') {
    let id = options.newTitle === undefined ? sheetIdFrom(options, env, settings) : '';
    if (options.newTitle !== undefined) id = await openSheetsApi('', env, settings).createSpreadsheet(options.newTitle);
    const changes = await setupSheet(openSheetsApi(id, env, settings), settings, scale);
    return lines(`Set up https://docs.google.com/spreadsheets/d/${id}/edit`, changes);
  }
  if (options.command === 'import') {
    const source = await importSource(options.file!, settings);
    if (options.workbook !== undefined) {
      const written = await importIntoWorkbook(source, options.workbook, settings);
      return lines(`Imported ${options.file} into ${options.workbook}`, written);
    }
    const id = sheetIdFrom(options, env, settings);
    const changes = await importRegister(source, openSheetsApi(id, env, settings), settings, scale);
    return lines(`Imported ${options.file} into https://docs.google.com/spreadsheets/d/${id}/edit`, changes);
  }
  const api = openSheetsApi(sheetIdFrom(options, env, settings), env, settings);
  const source = await new SheetsRegisterStore({ api, tabs: settings.tabs, readCacheMs: 0 }).load();
  // Never over a workbook a running bot is writing.
  const lock = await lockWorkbook(options.file!, 'risk-bot export');
  try {
    const written = await exportRegister(source, options.file!, settings);
    return lines(`Exported ${source.source} to ${options.file}`, written);
  } finally {
    lock.release();
  }
}
