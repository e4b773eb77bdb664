import { appendFile, copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { journalPath } from '../../src/adapters/workbook/workbook-journal.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { type CellValue, cellText } from '../../src/domain/cell.js';
import type { WriteRequest } from '../../src/ports/register-store.js';
import { updateItem } from '../../src/use-cases/update-item.js';
import { workbookFolderPerTest } from '../helpers/workbook-folder.js';
import { personSaves, workbookRows } from '../helpers/workbook-person.js';

/**
 * A confirmed change is never lost: someone opened the workbook before the
 * bot's write and saves their copy after it (another process saving over the
 * file). The journal beside the workbook puts the change back at the next
 * load or write, or, where the person changed the same cells, says in the
 * Audit log why it could not.
 */
const settings = loadSettings();
const today = '2026-11-23';
const DAY = 24 * 3600_000;

const folder = workbookFolderPerTest('workbook-journal-');
let logged: string[];
let path: string;
let stale: string;
let now: Date;
let sampleLines: number;

beforeEach(async () => {
  logged = [];
  path = await folder.copySample();
  stale = join(folder.dir(), 'copy opened in Excel.xlsx');
  now = new Date(`${today}T10:00:00.000Z`);
  sampleLines = (await workbookRows(path, 'Audit log')).length - 1;
});

const openStore = (options: { readOnly?: boolean } = {}) =>
  WorkbookRegisterStore.open({
    path,
    tabs: settings.tabs,
    log: (text) => void logged.push(text),
    clock: () => now,
    ...options,
  });

/** A person opens the workbook in their spreadsheet program: their copy as it is now. */
const personOpens = () => copyFile(path, stale);
/** …and saves that copy over the file, from another process. */
const personSavesTheirCopy = () => personSaves({ kind: 'copy', from: stale, path });

/** `update R-1 probability 3` from the console, as the use case writes it (no Slack change ID). */
const raiseR1 = (store: WorkbookRegisterStore, changeId?: string) =>
  updateItem(
    { store, settings },
    {
      id: 'R-1',
      actor: { id: 'U0PMO', programmeOffice: true },
      changes: [{ field: 'probability', value: '3' }],
      note: 'board asked',
      via: 'console',
      today,
      now: now.toISOString(),
      changeId,
    },
  );

async function cell(tab: string, id: string, header: string): Promise<CellValue> {
  const [headers = [], ...rows] = await workbookRows(path, tab);
  const row = rows.find((r) => cellText(r[0]).replace(/\s/g, '') === id);
  return row?.[headers.indexOf(header)] ?? null;
}

/** The Audit log's lines after the sample's own, as text by header. */
async function newAuditLines(): Promise<Array<Record<string, string>>> {
  const [headers = [], ...rows] = await workbookRows(path, 'Audit log');
  return rows
    .slice(sampleLines)
    .map((row) => Object.fromEntries(headers.map((header, i) => [cellText(header), cellText(row[i] ?? null)])));
}

describe('when a copy opened before a write is saved over the workbook after it', () => {
  it('then the next load puts the change and its Audit lines back, adds a line saying so, and logs it; later loads add nothing', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    const written = await newAuditLines();
    expect(written.map((line) => line.Field)).toContain('probability');
    await personSavesTheirCopy();
    expect(await cell('Risks', 'R-1', 'Probability (P)')).toBe(2);
    expect(await newAuditLines()).toEqual([]);

    const register = await store.load();
    expect(register.tabs.risks.rows[0]!.cells[6]).toBe(3);
    expect(await cell('Risks', 'R-1', 'Probability (P)')).toBe(3);
    const lines = await newAuditLines();
    expect(lines.slice(0, written.length)).toEqual(written);
    expect(lines.slice(written.length)).toEqual([
      expect.objectContaining({
        Who: 'risk-bot',
        Item: 'R - 1',
        Field: 're-applied',
        Via: 'bot',
        Note: expect.stringMatching(
          /^Re-applied: R - 1 probability "2" to "3"; R - 1 rating "6" to "9", confirmed at 2026-11-23T10:00:00.000Z, was missing from the file, which had been saved over from a copy made before it$/,
        ),
      }),
    ]);
    expect(logged.join('\n')).toMatch(/re-applied workbook:[0-9a-f]{16} \(saved 2026-11-23T10:00:00.000Z\)/);

    await store.load();
    await (await openStore()).load();
    expect(await newAuditLines()).toHaveLength(written.length + 1);
    // Found by their content: a write without a request ID still adds no Change ID column.
    expect((await workbookRows(path, 'Audit log'))[0]).not.toContain('Change ID');
    await store.close();
  });

  it('then a Slack change goes back with its change ID, so the same request again is still refused as already applied', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store, 'slack:trigger:123.456');
    await personSavesTheirCopy();
    await store.load();
    const lines = await newAuditLines();
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line['Change ID']).toBe('slack:trigger:123.456');
    await expect(raiseR1(store, 'slack:trigger:123.456')).rejects.toMatchObject({ code: 'already_applied' });
    await store.close();
  });

  it('then a Slack change whose Change ID column a person removed is still found in the file, by its lines, and not made again', async () => {
    const store = await openStore();
    await raiseR1(store, 'slack:trigger:789.012');
    const [headers = [], ...rows] = await workbookRows(path, 'Audit log');
    const column = headers.indexOf('Change ID');
    const without = [headers, ...rows].map((row) => row.filter((_, i) => i !== column));
    await personSaves({ kind: 'cells', path, title: 'Audit log', rows: without });
    const lines = await newAuditLines();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).not.toHaveProperty('Change ID');
    await store.load();
    expect(await newAuditLines()).toEqual(lines);
    await store.close();
  });

  it('then where the person changed the same cell, their value stays and the Audit log says the change could not be re-applied, once', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    const [headers = [], ...rows] = await workbookRows(stale, 'Risks');
    const column = headers.indexOf('Probability (P)');
    const edited = [
      headers,
      ...rows.map((row) => (row[0] === 'R - 1' ? row.map((v, i) => (i === column ? 1 : v)) : row)),
    ];
    await personSaves({ kind: 'cells', path: stale, title: 'Risks', rows: edited });
    await personSavesTheirCopy();

    await store.load();
    expect(await cell('Risks', 'R-1', 'Probability (P)')).toBe(1);
    const lines = await newAuditLines();
    expect(lines).toEqual([
      expect.objectContaining({
        Who: 'risk-bot',
        Item: 'R - 1',
        Field: 'not re-applied',
        Note: expect.stringContaining(
          '; R - 1 probability now holds "1": someone changed it since, so their value stays',
        ),
      }),
    ]);
    expect(logged.join('\n')).toContain('could not re-apply');
    await store.load();
    await raiseR1(store).catch(() => undefined);
    expect((await newAuditLines()).filter((line) => line.Field === 'not re-applied')).toHaveLength(1);
    await store.close();
  });

  it('then several lost changes to one cell go back in the order they were made', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    await updateItem(
      { store, settings },
      {
        id: 'R-1',
        actor: { id: 'U0PMO', programmeOffice: true },
        changes: [{ field: 'probability', value: '1' }],
        note: null,
        via: 'console',
        today,
        now: new Date(now.getTime() + 60_000).toISOString(),
      },
    );
    await personSavesTheirCopy();
    await store.load();
    expect(await cell('Risks', 'R-1', 'Probability (P)')).toBe(1);
    const reapplied = (await newAuditLines()).filter((line) => line.Field === 're-applied');
    expect(reapplied).toHaveLength(2);
    await store.close();
  });

  it("then a lost new item is added again, and one whose ID a person's copy gave to another item is not", async () => {
    const store = await openStore();
    await personOpens();
    const add = (id: string, action: string): WriteRequest => ({
      updates: [],
      inserts: [{ tab: 'actions', values: { id, action, status: 'Not started' } }],
      audit: [
        {
          when: now.toISOString(),
          who: 'U0PMO',
          item: id,
          field: 'created',
          oldValue: '',
          newValue: id,
          via: 'console',
          note: action,
        },
      ],
    });
    await store.write(add('A-27', 'Commission a carers survey'));
    await store.write(add('A-28', 'Publish the market position statement'));
    const [headers = [], ...rows] = await workbookRows(stale, 'Actions');
    await personSaves({
      kind: 'cells',
      path: stale,
      title: 'Actions',
      rows: [headers, ...rows, ['A-28', 'Typed in by hand']],
    });
    await personSavesTheirCopy();

    await store.load();
    expect(await cell('Actions', 'A-27', 'Action')).toBe('Commission a carers survey');
    expect(await cell('Actions', 'A-28', 'Action')).toBe('Typed in by hand');
    const lines = await newAuditLines();
    expect(lines.map((line) => [line.Item, line.Field])).toEqual([
      ['A-27', 'created'],
      ['A-27', 're-applied'],
      ['A-28', 'not re-applied'],
    ]);
    expect(lines[2]!.Note).toContain('"Actions" now has another A-28 (row 28), so the new one was not added again');
    await store.close();
  });

  it('then the next write puts the lost change back before making its own', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    await personSavesTheirCopy();
    await updateItem(
      { store, settings },
      {
        id: 'R-2',
        actor: { id: 'U0PMO', programmeOffice: true },
        changes: [{ field: 'probability', value: '1' }],
        note: null,
        via: 'console',
        today,
        now: now.toISOString(),
      },
    );
    expect(await cell('Risks', 'R-1', 'Probability (P)')).toBe(3);
    expect(await cell('Risks', 'R-2', 'Probability (P)')).toBe(1);
    const fields = (await newAuditLines()).map((line) => `${line.Item} ${line.Field}`);
    expect(fields.indexOf('R - 1 re-applied')).toBeGreaterThan(0);
    expect(fields.indexOf('R - 1 re-applied')).toBeLessThan(fields.findIndex((f) => f.startsWith('R - 2')));
    await store.close();
  });

  it('then a read-only store (check, previews) shows the file as it is and leaves it alone', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    await store.close();
    await personSavesTheirCopy();
    const before = await readFile(path);
    const reader = await openStore({ readOnly: true });
    expect((await reader.load()).tabs.risks.rows[0]!.cells[6]).toBe(2);
    expect((await readFile(path)).equals(before)).toBe(true);
    await expect(reader.write({ updates: [], inserts: [], audit: [] })).rejects.toThrow(/read-only/);
  });

  it('then a change saved more than seven days before is not put back, and opening the store drops it from the journal', async () => {
    const store = await openStore();
    await personOpens();
    await raiseR1(store);
    await store.close();
    await personSavesTheirCopy();
    now = new Date(now.getTime() + 7 * DAY + 60_000);
    const later = await openStore();
    expect((await later.load()).tabs.risks.rows[0]!.cells[6]).toBe(2);
    expect(await readFile(journalPath(path), 'utf8')).toBe('');
    await later.close();
  });
});

describe('the journal', () => {
  it('is one hidden file beside the workbook, one line per confirmed write with Audit lines, and a line cut short is skipped', async () => {
    const store = await openStore();
    await raiseR1(store);
    await store.write({
      updates: [{ tab: 'risks', id: 'R-2', changes: [{ field: 'trend', expected: 'No Change', value: 'Increasing' }] }],
      inserts: [],
      audit: [],
    });
    expect((await readdir(folder.dir())).sort()).toEqual(
      ['.register.xlsx.risk-bot-journal.jsonl', '.register.xlsx.risk-bot-lock', 'register.xlsx'].sort(),
    );
    const journal = journalPath(path);
    expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);
    // A crash in the middle of an append.
    await appendFile(journal, '{"id":"workbook:cut","at":"2026-11-23T10:0');
    await personOpens();
    await raiseR1(store).catch(() => undefined);
    await updateItem(
      { store, settings },
      {
        id: 'R-3',
        actor: { id: 'U0PMO', programmeOffice: true },
        changes: [{ field: 'trend', value: 'Increasing' }],
        note: null,
        via: 'console',
        today,
        now: now.toISOString(),
      },
    );
    await personSavesTheirCopy();
    await store.load();
    expect(await cell('Risks', 'R-3', 'Trend')).toBe('Increasing');
    expect(logged.join('\n')).toMatch(/skipped line 2 of the journal/);
    await store.close();
  });
});
