import { afterAll, beforeAll } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import { type ConventionsFixture, describeSheetConventions } from './sheet-conventions.js';

let server: FakeSheetsServer;
beforeAll(async () => {
  server = await startSheets();
});
afterAll(async () => {
  await server.close();
});

async function makeFixture(initial: Record<string, CellValue[][]>): Promise<ConventionsFixture> {
  const id = server.addSpreadsheet(initial);
  return {
    store: sheetsStore(server, id),
    snapshot: async () => server.snapshot(id),
    dress: async (title, cells) => server.dressCells(id, title, cells),
    async inspect(title, row, column) {
      const { value, formula, numberFormat } = server.inspectCell(id, title, row, column);
      return {
        value,
        ...(formula === undefined ? {} : { formula }),
        ...(numberFormat?.pattern ? { pattern: numberFormat.pattern } : {}),
      };
    },
    close: async () => {},
  };
}

describeSheetConventions('Google Sheets store (googleapis against the fake Sheets API)', makeFixture);
