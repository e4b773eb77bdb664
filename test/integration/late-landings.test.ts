import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { cellText } from '../../src/domain/cell.js';
import { claimRecords } from '../../src/domain/reminders/nudge-ledger.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import { createItem } from '../../src/use-cases/create-item.js';
import { snoozeItem } from '../../src/use-cases/snooze-item.js';
import { updateItem } from '../../src/use-cases/update-item.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { SAMPLE_DAY } from '../helpers/memory-register.js';
import { sampleSheet } from '../helpers/sample-sheet.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';

/**
 * Google finishing a write after the bot gave up on it: the connection drops
 * at once and the write is applied later, either after the bot's retry has
 * landed (the late one must then change nothing) or before the retry (the
 * retry must then change nothing). Each kind of change the bot makes is
 * applied exactly once either way.
 */
const settings = loadSettings();
const owner = { id: 'U0SAMPLE01', email: null, programmeOffice: false };
const office = { id: 'U0PMO', email: null, programmeOffice: true };
const now = '2026-11-23T10:00:00.000Z';
const deps = (store: RegisterStore) => ({ store, settings });

type Change = (store: RegisterStore) => Promise<unknown>;
const CHANGES: Array<[string, Change, string]> = [
  [
    'an update',
    (store) =>
      updateItem(deps(store), {
        id: 'R-1',
        changes: [{ field: 'probability', value: '3' }],
        note: null,
        actor: owner,
        via: 'command',
        today: SAMPLE_DAY,
        now,
      }),
    'probability',
  ],
  [
    'a note',
    (store) =>
      updateItem(deps(store), {
        id: 'R-1',
        changes: [],
        note: 'Interim lead now in post',
        actor: owner,
        via: 'command',
        today: SAMPLE_DAY,
        now,
      }),
    'note',
  ],
  [
    'a new item',
    (store) =>
      createItem(deps(store), {
        fields: {
          kind: 'risk',
          title: 'Provider exit in the north',
          owner: 'Dir of Commissioning',
          impact: '3',
          probability: '2',
          targetDate: 'Mar 2027',
          note: '',
        },
        actor: owner,
        via: 'modal',
        today: SAMPLE_DAY,
        now,
      }),
    'created',
  ],
  [
    'Mark done',
    (store) =>
      updateItem(deps(store), {
        id: 'R-1',
        changes: [{ field: 'status', value: 'closed' }],
        note: null,
        actor: owner,
        via: 'button',
        today: SAMPLE_DAY,
        now,
      }),
    'status',
  ],
  [
    'New date',
    (store) =>
      updateItem(deps(store), {
        id: 'A-6',
        changes: [{ field: 'targetDate', value: '2027-01-29' }],
        note: 'Provider asked for more time',
        actor: office,
        via: 'modal',
        today: SAMPLE_DAY,
        now,
      }),
    'target',
  ],
  [
    'Snooze 7 days',
    (store) => snoozeItem(deps(store), { id: 'R-1', days: 7, actor: owner, via: 'button', today: SAMPLE_DAY, now }),
    'snooze',
  ],
  [
    'Reviewed, no change',
    (store) =>
      updateItem(deps(store), {
        id: 'R-1',
        changes: [],
        note: 'Reviewed: no change',
        actor: owner,
        via: 'button',
        today: SAMPLE_DAY,
        now,
      }),
    'note',
  ],
  [
    "the reminders' ledger lines",
    (store) =>
      store.write({
        updates: [],
        inserts: [],
        audit: claimRecords(
          [{ item: { id: 'R-1' }, stage: 'due', aboutDate: SAMPLE_DAY }] as never,
          { messageKey: 'm-late', recipient: 'U0SAMPLE01', channel: 'DU0SAMPLE01' },
          now,
        ),
      }),
    'nudge',
  ],
];

let server: FakeSheetsServer;
beforeAll(async () => {
  server = await startSheets();
});
afterAll(async () => {
  await server.close();
});

/** The Audit lines a change wrote, by the field words it uses, and the Risks rows: what a double landing would double. */
function landed(id: string, word: string) {
  const snapshot = server.snapshot(id);
  const audit = (snapshot['Audit log'] ?? [])
    .slice(1)
    .filter((row) => new RegExp(word, 'i').test(cellText(row[3] ?? null)));
  return { audit: audit.length, risks: (snapshot.Risks ?? []).length };
}

describe.each([
  ['after the retry landed', 400],
  ['before the retry', 1],
])('a write Google applies late (%s) is applied once', (_when, afterMs) => {
  it.each(CHANGES)('%s', async (_name, change, word) => {
    const id = await sampleSheet(server, settings, SAMPLE_DAY);
    const store = sheetsStore(server, id, { timeoutMs: 1000 });
    const before = landed(id, word);
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', applyLate: { afterMs } });
    await change(store);
    await new Promise((resolve) => setTimeout(resolve, afterMs + 200));
    const after = landed(id, word);
    const lines = after.audit - before.audit;
    expect(lines).toBeGreaterThan(0);
    // The same change again from scratch: a second landing would have written as many lines again.
    const fresh = await sampleSheet(server, settings, SAMPLE_DAY);
    const once = landed(fresh, word);
    await change(sheetsStore(server, fresh, { timeoutMs: 1000 }));
    expect(lines).toBe(landed(fresh, word).audit - once.audit);
    expect(after.risks - before.risks).toBe(landed(fresh, word).risks - once.risks);
  });
});
