import { afterAll, beforeAll } from 'vitest';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import { describeRegisterStoreContract, type StoreFixture } from './register-store-contract.js';

let server: FakeSheetsServer;
beforeAll(async () => {
  server = await startSheets();
});
afterAll(async () => {
  await server.close();
});

describeRegisterStoreContract('Google Sheets store (googleapis against the fake Sheets API)', async (initial): Promise<StoreFixture> => {
  const id = server.addSpreadsheet(initial);
  return {
    store: sheetsStore(server, id),
    snapshot: async () => server.snapshot(id),
    humanEdit: async (title, edit) => server.humanEdit(id, title, edit),
    close: async () => {},
  };
});
