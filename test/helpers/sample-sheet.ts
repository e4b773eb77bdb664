import { importRegister } from '../../src/adapters/sheets/import-register.js';
import type { Settings } from '../../src/config/settings.js';
import type { IsoDate } from '../../src/domain/cell.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { buildSampleRegister } from '../../src/sample/sample-register.js';
import type { FakeSheetsServer } from './fake-sheets-server.js';
import { rawRegister, rawTab } from './raw-register.js';
import { sheetsApi } from './sheets-fixture.js';

/** A new spreadsheet on the local Sheets server holding the sample register built for `today`, imported as `risk-bot import` does. */
export async function sampleSheet(server: FakeSheetsServer, settings: Settings, today: IsoDate): Promise<string> {
  const id = server.addSpreadsheet({});
  const tabs = Object.fromEntries(buildSampleRegister(today, settings.tabs).map((tab) => [tab.key, tab]));
  const raw = (key: TabKey) => rawTab(key, tabs[key]!.headers, tabs[key]!.rows, tabs[key]!.title);
  await importRegister(
    rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
    sheetsApi(server, id),
    settings,
    settings.scale,
  );
  server.resetCounts();
  return id;
}
