import { loadSettings } from '../src/config/load-settings.js';
import type { WriteRequest } from '../src/ports/register-store.js';
import { sheetsStore, startSheets } from '../test/helpers/sheets-fixture.js';

/**
 * Sheets requests per operation, through the real googleapis client against
 * the local fake Sheets API. Targets: a digest 1 request; an update at most
 * 3; a burst of 100 commands within 60 reads a minute.
 */
const REGISTER = {
  Risks: [
    ['Risk ID', 'Risk owner', 'Impact (I)', 'Probability (P)'],
    ...Array.from({ length: 50 }, (_, i) => [`R-${i + 1}`, 'Lead Commissioner', 2, 2]),
  ],
  Actions: [
    ['Action ID', 'Action', 'Lead', 'Status', 'Latest note'],
    ...Array.from({ length: 50 }, (_, i) => [`A-${i + 1}`, `Action ${i + 1}`, 'Lead Commissioner', 'Not started', '']),
  ],
  People: [
    ['Name', 'Slack user'],
    ['Lead Commissioner', 'U0LEAD'],
  ],
  'Audit log': [['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note']],
};

function noteUpdate(n: number, previous: string): WriteRequest {
  const id = `A-${(n % 50) + 1}`;
  const note = `update ${n}`;
  return {
    updates: [{ tab: 'actions', id, changes: [{ field: 'latestNote', expected: previous, value: note }] }],
    inserts: [],
    audit: [
      {
        when: new Date(Date.UTC(2026, 10, 23, 9, 0, 0, n)).toISOString(),
        who: 'U0LEAD',
        item: id,
        field: 'latestNote',
        oldValue: previous,
        newValue: note,
        via: 'command',
        note: '',
      },
    ],
  };
}

export async function benchSheetsRequests(): Promise<Record<string, string>> {
  const server = await startSheets();
  const { googleSheets } = loadSettings();
  try {
    const id = server.addSpreadsheet(structuredClone(REGISTER));
    const cold = sheetsStore(server, id, {
      readCacheMs: googleSheets.readCacheSeconds * 1000,
      readsPerMinute: googleSheets.readsPerMinute,
    });
    server.resetCounts();
    await cold.load();
    const digest = server.count();
    server.resetCounts();
    await cold.write(noteUpdate(0, ''));
    const firstUpdate = server.count();
    server.resetCounts();
    await cold.write(noteUpdate(50, 'update 0'));
    const update = server.count();

    // 100 commands at once from many users: 60 reads (show, list, digest) and 40 updates.
    const burst = sheetsStore(server, server.addSpreadsheet(structuredClone(REGISTER)), {
      readCacheMs: googleSheets.readCacheSeconds * 1000,
      readsPerMinute: googleSheets.readsPerMinute,
    });
    await burst.load();
    server.resetCounts();
    const started = performance.now();
    let writes = 0;
    await Promise.all(
      Array.from({ length: 100 }, (_, n) => (n % 5 < 3 ? burst.load() : burst.write(noteUpdate(writes++, '')))),
    );
    const seconds = (performance.now() - started) / 1000;
    const reads = server.count('values.batchGet') + server.count('values.get') + server.count('spreadsheets.get');
    return {
      'digest (one load)': `${digest} request(s) (target 1)`,
      'first update (tab list, read, write)': `${firstUpdate} request(s) (target at most 3)`,
      'each later update': `${update} request(s): 1 read + 1 write`,
      'burst of 100 commands (60 reads, 40 updates)': `${reads} reads, ${server.count('spreadsheets.batchUpdate')} writes in ${seconds.toFixed(1)} s (target within 60 reads a minute)`,
    };
  } finally {
    await server.close();
  }
}
