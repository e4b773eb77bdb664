import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readCell, serialToDate } from '../../src/adapters/workbook/cell-values.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import type { CellValue } from '../../src/domain/cell.js';
import { contractTabs } from './register-store-contract.js';
import { type ConventionsFixture, describeSheetConventions, type OwnersCell } from './sheet-conventions.js';

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A workbook as a person typed it: values only, no formats but those the test gives. */
async function plainWorkbook(path: string, initial: Record<string, CellValue[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [title, rows] of Object.entries(initial)) {
    const sheet = workbook.addWorksheet(title);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
}

/** Formulas and number formats set as in Excel; a number in a date format is stored as the date. */
async function dress(path: string, title: string, cells: readonly OwnersCell[]): Promise<void> {
  const workbook = await open(path);
  const sheet = workbook.getWorksheet(title)!;
  for (const cell of cells) {
    const target = sheet.getCell(cell.row, cell.column + 1);
    if (cell.formula !== undefined)
      target.value = { formula: cell.formula.replace(/^=/, ''), result: cell.result } as ExcelJS.CellFormulaValue;
    else if (cell.value !== undefined) target.value = cell.value;
    if (cell.numberFormat !== undefined) {
      const current = target.value;
      if (cell.numberFormat.type === 'DATE' && typeof current === 'number') target.value = serialToDate(current);
      target.style = { ...target.style, numFmt: cell.numberFormat.pattern };
    }
  }
  await workbook.xlsx.writeFile(path);
}

async function makeFixture(initial: Record<string, CellValue[][]>): Promise<ConventionsFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'workbook-conventions-'));
  const path = join(dir, 'register.xlsx');
  await plainWorkbook(path, initial);
  return {
    store: new WorkbookRegisterStore({ path, tabs: contractTabs }),
    async snapshot() {
      const workbook = await open(path);
      return Object.fromEntries(
        workbook.worksheets.map((sheet) => [
          sheet.name,
          Array.from({ length: sheet.rowCount }, (_, r) => {
            const row = sheet.getRow(r + 1);
            return Array.from({ length: row.cellCount }, (_, c) => readCell(row.getCell(c + 1)));
          }),
        ]),
      );
    },
    dress: (title, cells) => dress(path, title, cells),
    async inspect(title, row, column) {
      const cell = (await open(path)).getWorksheet(title)!.getCell(row, column + 1);
      const formula = cell.type === ExcelJS.ValueType.Formula ? { formula: `=${cell.formula}` } : {};
      const pattern = cell.numFmt ? { pattern: cell.numFmt } : {};
      return { value: readCell(cell), ...formula, ...pattern };
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

describeSheetConventions('WorkbookRegisterStore', makeFixture);
