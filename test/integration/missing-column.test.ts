import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../src/adapters/workbook/create-workbook.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { localMode } from '../helpers/risk-bot.js';

const settings = loadSettings();
let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A register shaped like a template with no Status column: R-1 can only be closed once the column is added. */
async function registerWithoutStatus(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'missing-column-'));
  const path = join(dir, 'register.xlsx');
  await createWorkbook(path, [
    {
      title: 'Risks',
      headers: ['Risk ID', 'Description', 'Risk owner', 'Impact', 'Probability', 'Rating', 'Risk rating'],
      rows: [['R-1', 'Supplier fails', 'Programme office', 2, 2, 4, 'Medium']],
      dateColumns: [],
    },
    {
      title: 'Audit log',
      headers: ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'],
      rows: [],
      dateColumns: [],
    },
  ]);
  return path;
}

describe('a change to a field the register has no column for, at the console', () => {
  it('when R-1 is closed or its status set on a register without a Status column, then each is refused naming the column to add, and R-1 stays as it was', async () => {
    const path = await registerWithoutStatus();
    const before = await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load();
    const { code, stdout } = await localMode(
      { REGISTER_WORKBOOK: path },
      '/risk close R-1\n/risk update R-1 status closed\n/risk update R-1 status closed note "mitigated"\n',
    );
    expect(code).toBe(0);
    const refusal =
      'The "Risks" tab has no "Status" column, so nothing was changed: add a "Status" header to its header row (row 1) (for a Google Sheet, risk-bot setup-sheet adds it), then try again';
    expect(stdout.split(refusal)).toHaveLength(4);
    expect(stdout).not.toContain('note added');
    expect(stdout).not.toContain('nothing to change');
    expect(stdout).not.toContain('Updated R-1');
    const after = await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load();
    expect(after.tabs.risks.rows).toEqual(before.tabs.risks.rows);
    expect(after.tabs.audit.rows).toEqual([]);
  });
});

/** A register whose Probability column holds words and whose Rating is a formula of Impact and Probability's score. */
async function registerOfWords(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'words-'));
  const path = join(dir, 'register.xlsx');
  await createWorkbook(path, [
    {
      title: 'Risks',
      headers: ['Risk ID', 'Description', 'Risk owner', 'Impact', 'Probability', 'Rating', 'Status', 'Score helper'],
      rows: [
        ['R-1', 'Supplier fails', 'Programme office', 2, 'Low', 2, 'Open', 1],
        ['R-2', 'Key staff leave', 'Programme office', 3, 'Medium', 6, 'Open', 2],
      ],
      dateColumns: [],
    },
    {
      title: 'Audit log',
      headers: ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'],
      rows: [],
      dateColumns: [],
    },
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Risks')!;
  sheet.getCell('F2').value = { formula: 'D2*H2', result: 2 } as ExcelJS.CellFormulaValue;
  sheet.getCell('F3').value = { formula: 'D3*H3', result: 6 } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("writing in the register's own ways, at the console", () => {
  it('when a probability is set in a column of words, then the word is written and the reply names it; a rating formula that does not use it is refused, naming the cell', async () => {
    const path = await registerOfWords();
    const { stdout } = await localMode(
      { REGISTER_WORKBOOK: path },
      '/risk update R-1 status closed\n/risk update R-2 probability high\n',
    );
    expect(stdout).toContain('Updated R-1: status Open → Closed');
    expect(stdout).toContain(
      'R-2 was not changed: its Rating in "Risks" row 3 (column F) is worked out by a formula (=D3*H3), which does not use the probability the change sets',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Risks')!;
    expect(sheet.getCell('E3').value).toBe('Medium');
    expect(sheet.getCell('F3').formula).toBe('D3*H3');
    sheet.getCell('F3').value = { formula: 'D3*E3', result: 6 } as ExcelJS.CellFormulaValue;
    await workbook.xlsx.writeFile(path);
    const again = await localMode({ REGISTER_WORKBOOK: path }, '/risk update R-2 probability high\n');
    expect(again.stdout).toContain('Updated R-2: probability Medium → High');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    expect(after.getWorksheet('Risks')!.getCell('E3').value).toBe('High');
    expect(after.getWorksheet('Risks')!.getCell('F3').formula).toBe('D3*E3');
  });
});
