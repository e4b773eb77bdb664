import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { riskBot } from '../helpers/risk-bot.js';
import { startSheets, TEST_KEY } from '../helpers/sheets-fixture.js';

const SAMPLE = 'config/sample-register.xlsx';
const TODAY = '2026-11-23';
let server: FakeSheetsServer;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'risk-bot-sheets-cli-'));

beforeAll(async () => {
  server = await startSheets();
  const keyFile = join(dir, 'key.json');
  writeFileSync(keyFile, JSON.stringify(TEST_KEY.keyJson));
  // Nothing but a key file and the API URL: as an operator would run it against a proxy.
  env = { GOOGLE_APPLICATION_CREDENTIALS: keyFile, GOOGLE_SHEETS_API_URL: server.url };
});
afterAll(async () => {
  await server.close();
});

const cli = (args: string[], extraEnv: Record<string, string> = {}) => riskBot(args, { ...env, ...extraEnv });

describe('risk-bot with a Google Sheet', () => {
  it('setup-sheet on a new spreadsheet makes the tabs, and a second run adds nothing', async () => {
    const first = await cli(['setup-sheet', '--new', 'JCB risk register']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('added the "Risks" tab');
    const id = /spreadsheets\/d\/([^/]+)\/edit/.exec(first.stdout)![1]!;
    expect(Object.keys(server.snapshot(id))).toEqual(
      expect.arrayContaining(['Risks', 'Actions', 'People', 'Audit log']),
    );
    expect(server.snapshot(id).Risks![0]).toContain('Impact (I)');
    expect(server.validations(id, 'Risks').length).toBeGreaterThanOrEqual(4);
    const rules = server.conditionalFormats(id, 'Risks').length;
    expect(rules).toBeGreaterThan(0);

    const again = await cli(['setup-sheet', '--sheet', id]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already set up');
    expect(server.conditionalFormats(id, 'Risks')).toHaveLength(rules);
  });

  it('import copies the sample workbook into an empty sheet; digest and check then read it through REGISTER_SHEET_ID', async () => {
    const id = server.addSpreadsheet({ Sheet1: [] });
    const imported = await cli(['import', SAMPLE, '--sheet', id]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('"Risks": 13 row(s)');

    const digest = await cli(['digest', '--today', TODAY, '--format', 'json'], { REGISTER_SHEET_ID: id });
    expect(digest.code, digest.stderr).toBe(0);
    const json = JSON.parse(digest.stdout);
    expect(json.source).toContain(id);
    expect(json.risks).toHaveLength(13);
    expect(json.overdue.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(['A-7', 'A-13', 'A-18', 'A-22', 'A-25']),
    );

    const local = await cli(['digest', '--workbook', SAMPLE, '--today', TODAY, '--format', 'json']);
    const { source: _a, ...fromSheet } = json;
    const { source: _b, ...fromWorkbook } = JSON.parse(local.stdout);
    expect(fromSheet).toEqual(fromWorkbook);

    const check = await cli(['check', '--sheet', id, '--today', TODAY]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('3 errors and 5 warnings');
  });

  it('import refuses a sheet that already holds a register, and writes nothing', async () => {
    const id = server.addSpreadsheet({
      Risks: [
        ['Risk ID', 'Description of risk'],
        ['R-1', 'already here'],
      ],
    });
    const before = server.snapshot(id);
    const result = await cli(['import', SAMPLE, '--sheet', id]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already holds 1 row(s)');
    expect(result.stderr).toContain('nothing was written');
    expect(server.snapshot(id)).toEqual(before);
  });

  it('export writes the sheet to a workbook that reads back the same', async () => {
    const id = server.addSpreadsheet({ Sheet1: [] });
    await cli(['import', SAMPLE, '--sheet', id]);
    const out = join(dir, 'export.xlsx');
    const exported = await cli(['export', out, '--sheet', id]);
    expect(exported.code, exported.stderr).toBe(0);
    const settings = loadSettings();
    const back = await new WorkbookRegisterStore({ path: out, tabs: settings.tabs }).load();
    const original = await new WorkbookRegisterStore({ path: SAMPLE, tabs: settings.tabs }).load();
    expect(back.tabs.risks.rows.map((r) => r.cells)).toEqual(original.tabs.risks.rows.map((r) => r.cells));
    expect(back.tabs.actions.rows.length).toBe(original.tabs.actions.rows.length);
  });

  it('without a key, a sheet command says which variables to set', async () => {
    const result = await riskBot(['digest', '--sheet', 'abc'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });

  it('with a key the server does not know, it fails clearly and writes nothing', async () => {
    const id = server.addSpreadsheet({ Sheet1: [] });
    const other = join(dir, 'other-key.json');
    const { makeServiceAccountKey } = await import('../helpers/fake-sheets-server.js');
    writeFileSync(other, JSON.stringify(makeServiceAccountKey('stranger@else.iam.gserviceaccount.com').keyJson));
    const result = await cli(['digest', '--sheet', id], { GOOGLE_APPLICATION_CREDENTIALS: other });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Google Sheets refused');
  });
});
