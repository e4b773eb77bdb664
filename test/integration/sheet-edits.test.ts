import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { digestDeps } from '../../src/composition/start-jobs.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import { postDigest } from '../../src/use-cases/post-digest.js';
import { recordSheetChanges } from '../../src/use-cases/record-sheet-changes.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import { QUICK_SLACK, sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const base = loadSettings();
const settings: Settings = { ...base, boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }] };
const MONDAY = '2026-11-23';
const NEXT_MONDAY = '2026-11-30';

let slack: FakeSlackServer;
let sheets: FakeSheetsServer;
beforeAll(async () => {
  slack = await startFakeSlackServer();
  sheets = await startSheets();
});
afterAll(async () => {
  await slack.close();
  await sheets.close();
});

/** The digest for `day`, posted at 09:00 that day as the schedule posts it; the posted message's text. */
async function digestOn(store: RegisterStore, day: string): Promise<string> {
  slack.reset();
  const clock = () => new Date(`${day}T09:00:00Z`);
  const deps = {
    ...digestDeps(store, settings, slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK), clock, () => {}),
    timeZone: settings.timeZone,
    leases: new MemoryLeases(),
  };
  const outcome = await postDigest(deps, settings.boards[0]!, day);
  expect(outcome.kind).toBe('posted');
  return JSON.stringify(slack.callsTo('chat.postMessage').map((call) => call.args.blocks));
}

/** Sets cells in the workbook file as a person does in Excel: the row with the ID, the column with the header. */
async function editWorkbook(path: string, edits: Array<[tab: string, id: string, header: string, value: CellValue]>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const [tab, id, header, value] of edits) {
    const sheet = workbook.getWorksheet(tab)!;
    let headerRow = 0;
    let column = 0;
    sheet.eachRow((row, number) => {
      row.eachCell((cell, col) => {
        if (headerRow === 0 && String(cell.value).replace(/\s+/g, ' ').trim() === header) {
          headerRow = number;
          column = col;
        }
      });
    });
    let done = false;
    sheet.eachRow((row) => {
      if (!done && String(row.getCell(1).value).replace(/\s/g, '') === id.replace(/\s/g, '')) {
        row.getCell(column).value = value as ExcelJS.CellValue;
        done = true;
      }
    });
    if (!done || column === 0) throw new Error(`no ${id} / ${header} on ${tab}`);
  }
  await workbook.xlsx.writeFile(path);
}

describe('changes people make in the workbook itself', () => {
  it('when R-6 is lowered and R-2 closed in the file between two digests, then the next digest names each and the Audit log holds one line per edit', async () => {
    const path = sampleWorkbookCopy('sheet-edits-');
    const store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
    const register = async (day: string) => readRegister(await store.load(), settings, day);
    const r6 = (await register(MONDAY)).risks.find((risk) => risk.key === 'R-6')!;
    expect(r6).toMatchObject({ rating: 4, band: { label: 'Medium' } });

    await digestOn(store, MONDAY);
    const before = (await register(MONDAY)).audit.length;
    await editWorkbook(path, [
      ['Risks', 'R - 6', 'Impact (I)', 1],
      ['Risks', 'R - 2', 'Status', 'Closed'],
    ]);
    const text = await digestOn(store, NEXT_MONDAY);

    expect(text).toMatch(/R - 6\*? [^"]*4 \\u2192 2|R - 6[^"]*4 → 2/);
    expect(text).toContain('Closed or done');
    const after = await register(NEXT_MONDAY);
    const sheetLines = after.audit.slice(before).filter((line) => line.via === 'sheet');
    expect(sheetLines.map((line) => [line.item, line.field, line.oldValue, line.newValue])).toEqual(
      expect.arrayContaining([
        ['R - 6', 'impact', '2', '1'],
        ['R - 2', 'status', expect.any(String), 'Closed'],
      ]),
    );
    // Once: a third digest the week after finds nothing new to write.
    await digestOn(store, '2026-12-07');
    const third = await register('2026-12-07');
    expect(third.audit.filter((line) => line.via === 'sheet')).toHaveLength(sheetLines.length);
  });
});

describe('a register that works its Trend out with formulas', () => {
  it('when a rating is moved by hand, then the change is recorded and the Trend left to its formula, and the next look finds nothing new', async () => {
    const path = sampleWorkbookCopy('sheet-edits-');
    const store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
    const deps = { store, settings, log: () => {} };
    await recordSheetChanges(deps, new Date(`${MONDAY}T09:00:00Z`));
    await editWorkbook(path, [
      ['Risks', 'R - 6', 'Trend', { formula: 'IF(TRUE,"No Change","")' } as unknown as CellValue],
      ['Risks', 'R - 6', 'Impact (I)', 1],
    ]);
    const outcome = await recordSheetChanges(deps, new Date(`${MONDAY}T10:00:00Z`));
    expect(outcome).toEqual({ kind: 'recorded', lines: expect.any(Number), cells: 0 });
    const lines = readRegister(await store.load(), settings, MONDAY).audit.filter((line) => line.via === 'sheet');
    expect(lines.map((line) => [line.item, line.field, line.newValue])).toContainEqual(['R - 6', 'impact', '1']);
    expect(await recordSheetChanges(deps, new Date(`${MONDAY}T11:00:00Z`))).toEqual({ kind: 'unchanged' });
  });
});

describe('changes people make in the Google Sheet itself', () => {
  it('when a person lowers R-6 and moves A-17 later in the sheet between two digests, then the next digest names each, the Audit log holds them once, and the snapshot tab stays hidden', async () => {
    const sample = await new WorkbookRegisterStore({
      path: sampleWorkbookCopy('sheet-edits-'),
      tabs: settings.tabs,
    }).load();
    const id = sheets.addSpreadsheet(MemoryRegisterStore.copyOf(sample, settings.tabs).snapshot());
    const store = sheetsStore(sheets, id);
    const register = async (day: string) => readRegister(await store.load(), settings, day);

    await digestOn(store, MONDAY);
    expect(Object.keys(sheets.snapshot(id))).not.toContain('risk-bot snapshot');
    expect(sheets.sheetProperties(id, 'risk-bot snapshot').rowCount).toBeGreaterThan(30);
    const before = (await register(MONDAY)).audit.length;
    const a17 = (await register(MONDAY)).actions.find((action) => action.key === 'A-17')!;

    const edit = (title: string, itemId: string, header: string, value: CellValue) =>
      sheets.humanEdit(id, title, (rows) => {
        const headerRow = rows.findIndex((row) =>
          row.some((cell) => String(cell).replace(/\s+/g, ' ').trim() === header),
        );
        const column = rows[headerRow]!.findIndex((cell) => String(cell).replace(/\s+/g, ' ').trim() === header);
        const row = rows.find((cells) => String(cells[0]).replace(/\s/g, '') === itemId.replace(/\s/g, ''))!;
        row[column] = value;
        return rows;
      });
    edit('Risks', 'R - 6', 'Impact (I)', 1);
    edit('Actions', 'A-17', 'Timescale', '31/03/2027');
    const text = await digestOn(store, NEXT_MONDAY);

    expect(text).toMatch(/R - 6[^"]*4 → 2/);
    expect(text).toContain('Target date moved');
    expect(text).toMatch(/A-17[^"]*later/);
    const after = await register(NEXT_MONDAY);
    const sheetLines = after.audit.slice(before).filter((line) => line.via === 'sheet');
    expect(sheetLines.map((line) => [line.item, line.field, line.newValue])).toEqual(
      expect.arrayContaining([
        ['R - 6', 'impact', '1'],
        ['A-17', 'targetDate', '2027-03-31'],
      ]),
    );
    // The slip is counted in the sheet, as the bot counts its own.
    const moved = after.actions.find((action) => action.key === 'A-17')!;
    expect(moved.timesSlipped).toBe(a17.timesSlipped + 1);
    await digestOn(store, '2026-12-07');
    expect((await register('2026-12-07')).audit.filter((line) => line.via === 'sheet')).toHaveLength(sheetLines.length);
  });
});

describe('what a look at the sheet costs in Google requests', () => {
  it('when nothing was changed by hand, then a look is the register read alone; when something was, one write more (with the read that guards it)', async () => {
    const sample = await new WorkbookRegisterStore({
      path: sampleWorkbookCopy('sheet-edits-'),
      tabs: settings.tabs,
    }).load();
    const id = sheets.addSpreadsheet(MemoryRegisterStore.copyOf(sample, settings.tabs).snapshot());
    const store = sheetsStore(sheets, id);
    const deps = { store, settings, log: () => {} };
    await recordSheetChanges(deps, new Date(`${MONDAY}T09:00:00Z`));
    await store.load(); // the tab list known, as in a running bot

    sheets.resetCounts();
    expect(await recordSheetChanges(deps, new Date(`${MONDAY}T10:00:00Z`))).toEqual({ kind: 'unchanged' });
    expect(sheets.requests.map((request) => request.kind)).toEqual(['values.batchGet']);

    sheets.humanEdit(id, 'Risks', (rows) => {
      const header = rows.findIndex((row) => row.includes('Impact (I)'));
      rows.find((row) => /^R ?- ?6$/.test(String(row[0])))![rows[header]!.indexOf('Impact (I)')] = 1;
      return rows;
    });
    sheets.resetCounts();
    const outcome = await recordSheetChanges(deps, new Date(`${MONDAY}T11:00:00Z`));
    expect(outcome).toMatchObject({ kind: 'recorded' });
    expect(sheets.requests.map((request) => request.kind).sort()).toEqual([
      'spreadsheets.batchUpdate',
      'spreadsheets.get',
      'values.batchGet',
    ]);
  });
});
