import { resolve } from 'node:path';
import { isCsvRegister } from '../adapters/csv/csv-files.js';
import { CsvRegisterStore } from '../adapters/csv/csv-store.js';
import { SheetsApi } from '../adapters/sheets/sheets-api.js';
import { serviceAccountAuth } from '../adapters/sheets/sheets-auth.js';
import { SheetsRegisterStore } from '../adapters/sheets/sheets-store.js';
import { WorkbookRegisterStore } from '../adapters/workbook/workbook-store.js';
import type { Env } from '../config/env.js';
import { readServiceAccountKey } from '../config/google-credentials.js';
import { type Settings, SettingsError } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import type { RegisterStore } from '../ports/register-store.js';
import { ensureLocalRegister, LOCAL_REGISTER_PATH } from './local-register.js';

export interface StoreChoice {
  workbook?: string | undefined;
  sheet?: string | undefined;
  /**
   * Whether this process only reads (check, previews): then a workbook is
   * opened without its lock, so those run beside a bot that writes it.
   */
  readOnly?: boolean;
  /** What the process is, named to another that finds the workbook locked: "the Slack bot (npm start)". */
  purpose?: string;
}

export interface OpenedStore {
  store: RegisterStore;
  /** What the register is, for messages: "workbook .local/register.xlsx". */
  description: string;
  /** Gives up what opening took (a workbook's lock; it also goes when the process exits). */
  close(): Promise<void>;
}

/** The Sheets API client for one spreadsheet, from the service-account key in the environment. */
export function openSheetsApi(spreadsheetId: string, env: Env, settings: Settings): SheetsApi {
  const key = readServiceAccountKey(env);
  if (key === undefined) {
    throw new SettingsError(
      [
        'set GOOGLE_APPLICATION_CREDENTIALS (a key file path) or GOOGLE_SERVICE_ACCOUNT_JSON (the key itself) to use a Google Sheet',
      ],
      'environment',
    );
  }
  const { requestTimeoutSeconds, maxAttempts, readsPerMinute } = settings.googleSheets;
  return new SheetsApi({
    spreadsheetId,
    auth: serviceAccountAuth(key),
    rootUrl: env.GOOGLE_SHEETS_API_URL,
    timeoutMs: requestTimeoutSeconds * 1000,
    maxAttempts,
    readsPerMinute,
    backoff: { baseMs: 500, capMs: 32_000 },
  });
}

const toStderr = (text: string) => void process.stderr.write(`${text}\n`);

/**
 * The register the bot works on, first match wins: `--workbook FILE`,
 * `--sheet ID`, REGISTER_WORKBOOK, REGISTER_SHEET_ID, the first board's
 * sheetId in config, else the local working copy of the sample register
 * (made on first use, with its dates placed around today). A .csv file or a
 * folder of them given as the workbook is a CSV register, read only. A workbook is
 * locked to this process unless `readOnly`; its failures, and the stale
 * copies removed on opening, go to `log`.
 */
export async function openStore(
  choice: StoreChoice,
  env: Env,
  settings: Settings,
  today: IsoDate,
  log: (text: string) => void = toStderr,
): Promise<OpenedStore> {
  const workbook = choice.workbook ?? (choice.sheet === undefined ? env.REGISTER_WORKBOOK : undefined);
  const sheet = choice.sheet ?? env.REGISTER_SHEET_ID ?? settings.boards[0]?.sheetId ?? undefined;
  if (workbook === undefined && sheet !== undefined) {
    const api = openSheetsApi(sheet, env, settings);
    const store = new SheetsRegisterStore({
      api,
      tabs: settings.tabs,
      readCacheMs: settings.googleSheets.readCacheSeconds * 1000,
    });
    return { store, description: `Google Sheet ${store.source}`, close: async () => {} };
  }
  if (workbook !== undefined && (await isCsvRegister(workbook))) {
    const path = resolve(workbook);
    const store = new CsvRegisterStore({ path, tabs: settings.tabs, log });
    return { store, description: `CSV register ${path} (read only)`, close: async () => {} };
  }
  const path =
    workbook === undefined ? await ensureLocalRegister(LOCAL_REGISTER_PATH, settings, today) : resolve(workbook);
  const store = await WorkbookRegisterStore.open({
    path,
    tabs: settings.tabs,
    log,
    readOnly: choice.readOnly ?? false,
    purpose: choice.purpose ?? 'risk-bot',
  });
  return { store, description: `workbook ${path}`, close: () => store.close() };
}
