import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import { describeEditsDuringWrite } from './edits-during-write.js';
import { describeRegisterStoreContract, type StoreFixture, sampleRegister } from './register-store-contract.js';

let server: FakeSheetsServer;
beforeAll(async () => {
  server = await startSheets();
});
afterAll(async () => {
  await server.close();
});

const makeFixture = async (initial: Record<string, CellValue[][]>) => {
  const id = server.addSpreadsheet(initial);
  return {
    id,
    store: sheetsStore(server, id),
    snapshot: async () => server.snapshot(id),
    humanEdit: async (title: string, edit: (rows: CellValue[][]) => CellValue[][]) => server.humanEdit(id, title, edit),
    duringNextWrite: (title: string, edit: (rows: CellValue[][]) => CellValue[][]) =>
      server.duringNextWrite(id, title, edit),
    close: async () => {},
  };
};

describeRegisterStoreContract(
  'Google Sheets store (googleapis against the fake Sheets API)',
  (initial): Promise<StoreFixture> => makeFixture(initial),
);

describe('Google Sheets store, a person editing during a write', () => {
  describeEditsDuringWrite(() => makeFixture(sampleRegister()));
});

describe('Google Sheets store under a burst of writes', () => {
  const HEADERS = ['Action ID', 'Action', 'Lead', 'Status', 'Progress %'];
  const AUDIT = ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'];
  const write = (store: ReturnType<typeof sheetsStore>, n: number, expected = 0, value = 50) =>
    store.write({
      updates: [{ tab: 'actions', id: `A-${n}`, changes: [{ field: 'progress', expected, value }] }],
      inserts: [],
      audit: [
        {
          when: `2026-11-23T10:00:${String(n).padStart(2, '0')}Z`,
          who: `U${n}`,
          item: `A-${n}`,
          field: 'progress',
          oldValue: String(expected),
          newValue: String(value),
          via: 'command',
          note: `burst ${n}`,
        },
      ],
    });

  it('commits writes waiting together with one read and one batchUpdate, each landing once; a conflict refuses only its own', async () => {
    const id = server.addSpreadsheet({
      Actions: [
        HEADERS,
        ...Array.from({ length: 20 }, (_, i) => [`A-${i + 1}`, `Step ${i + 1}`, 'Lead', 'In progress', 0]),
      ],
      'Audit log': [AUDIT],
    });
    const store = sheetsStore(server, id, { readCacheMs: 10_000 });
    await store.load();
    server.resetCounts();
    server.setLatency(100);
    try {
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 20 }, (_, i) => write(store, i + 1)),
        write(store, 1, 0, 70),
      ]);
      expect(outcomes.slice(0, 20).every((o) => o.status === 'fulfilled')).toBe(true);
      expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
      expect(server.count('spreadsheets.batchUpdate')).toBeLessThanOrEqual(2);
      expect(server.count()).toBeLessThanOrEqual(5);
      const after = server.snapshot(id);
      expect(after.Actions!.slice(1).map((row) => row[4])).toEqual(Array.from({ length: 20 }, () => 50));
      expect(
        after['Audit log']!.slice(1)
          .map((row) => row[7])
          .sort(),
      ).toEqual(Array.from({ length: 20 }, (_, i) => `burst ${i + 1}`).sort());
      // The read cache holds the register as written: loading it again costs nothing.
      const before = server.count();
      const loaded = await store.load();
      expect(server.count()).toBe(before);
      expect(loaded.tabs.actions.rows[0]!.cells[4]).toBe(50);
    } finally {
      server.setLatency(0);
    }
  });
});
