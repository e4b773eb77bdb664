import { SheetsApi } from '../../src/adapters/sheets/sheets-api.js';
import { serviceAccountAuth } from '../../src/adapters/sheets/sheets-auth.js';
import { SheetsRegisterStore } from '../../src/adapters/sheets/sheets-store.js';
import { serviceAccountKeySchema } from '../../src/config/google-credentials.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { type FakeSheetsServer, makeServiceAccountKey, startFakeSheetsServer } from './fake-sheets-server.js';

export const TEST_KEY = makeServiceAccountKey('risk-bot@test-project.iam.gserviceaccount.com');

export async function startSheets(): Promise<FakeSheetsServer> {
  return startFakeSheetsServer({ publicKeys: { [TEST_KEY.keyJson.client_email]: TEST_KEY.publicKeyPem } });
}

export interface ApiOptions {
  timeoutMs?: number;
  maxAttempts?: number;
  readsPerMinute?: number;
  /** How the client waits between tries and for the read budget (default: at most 50 ms of each wait asked for). */
  sleep?: (ms: number) => Promise<void>;
}

/** A wait cut to 50 ms at most: a Retry-After of seconds is honoured in order, not in time (sheets-faults checks the time asked for). */
export const shortSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50)));

/** The real client, as production builds it, pointed at the fake server; waits between tries are shortened. */
export function sheetsApi(server: FakeSheetsServer, spreadsheetId: string, options: ApiOptions = {}): SheetsApi {
  return new SheetsApi({
    spreadsheetId,
    auth: serviceAccountAuth(serviceAccountKeySchema.parse(TEST_KEY.keyJson)),
    rootUrl: server.url,
    timeoutMs: options.timeoutMs ?? 2000,
    maxAttempts: options.maxAttempts ?? 6,
    readsPerMinute: options.readsPerMinute ?? 1000,
    backoff: { baseMs: 5, capMs: 50 },
    sleep: options.sleep ?? shortSleep,
  });
}

export function sheetsStore(
  server: FakeSheetsServer,
  spreadsheetId: string,
  options: ApiOptions & { readCacheMs?: number } = {},
): SheetsRegisterStore {
  return new SheetsRegisterStore({
    api: sheetsApi(server, spreadsheetId, options),
    tabs: loadSettings().tabs,
    readCacheMs: options.readCacheMs ?? 0,
  });
}

export type Tabs = Record<string, CellValue[][]>;
