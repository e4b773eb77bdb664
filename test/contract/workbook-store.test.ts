import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATE_FORMAT,
  dateToSerial,
  fromExcelValue,
  readCell,
  serialToDate,
} from '../../src/adapters/workbook/cell-values.js';
import { createWorkbook } from '../../src/adapters/workbook/create-workbook.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { type CellValue, cellText } from '../../src/domain/cell.js';
import { DomainError } from '../../src/domain/domain-error.js';
import { allowSameSizeSaves, personSaves, workbookRows } from '../helpers/workbook-person.js';
import { describeEditsDuringWrite, type EditingFixture } from './edits-during-write.js';
import {
  contractTabs,
  describeRegisterStoreContract,
  type StoreFixture,
  sampleRegister,
} from './register-store-contract.js';

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet): CellValue[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) => {
    const row = sheet.getRow(r + 1);
    return Array.from({ length: row.cellCount }, (_, c) => readCell(row.getCell(c + 1)));
  });
}

/** Writes `initial` as createWorkbook would for a real register: numbers under a "date" header become dates. */
async function writeRegister(path: string, initial: Record<string, CellValue[][]>): Promise<void> {
  await createWorkbook(
    path,
    Object.entries(initial).map(([title, [headerRow = [], ...rows]]) => {
      const headers = headerRow.map((header) => cellText(header));
      const dateColumns = headers.flatMap((header, i) => (/date/i.test(header) ? [i] : []));
      return { title, headers, rows, dateColumns };
    }),
  );
}

/** A human saving the workbook at `path` from a spreadsheet program: values move, the file is rewritten in place. */
async function saveHumanEdit(path: string, title: string, edit: (rows: CellValue[][]) => CellValue[][]): Promise<void> {
  const workbook = await readWorkbook(path);
  const sheet = workbook.getWorksheet(title);
  if (!sheet) throw new Error(`no tab ${title}`);
  const before = sheetRows(sheet);
  const after = edit(structuredClone(before));
  const height = Math.max(before.length, after.length);
  const width = Math.max(0, ...before.map((row) => row.length), ...after.map((row) => row.length));
  for (let r = 0; r < height; r += 1) {
    for (let c = 0; c < width; c += 1) sheet.getCell(r + 1, c + 1).value = after[r]?.[c] ?? null;
  }
  await workbook.xlsx.writeFile(path);
}

interface FixtureOptions {
  /**
   * The person's save during a write keeps the file's size, inode and
   * modification time exactly (a file system stamping to the second, or a
   * program that keeps times): only its content tells it apart.
   */
  sameSizeAndTime?: boolean;
}

async function makeWorkbookFixture(
  initial: Record<string, CellValue[][]>,
  options: FixtureOptions = {},
): Promise<StoreFixture & EditingFixture & { path: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'workbook-store-'));
  const path = join(dir, 'register.xlsx');
  await writeRegister(path, initial);
  const keep = options.sameSizeAndTime ? await allowSameSizeSaves(path) : undefined;
  let during: (() => Promise<void>) | undefined;
  return {
    path,
    dir,
    store: new WorkbookRegisterStore({
      path,
      tabs: contractTabs,
      betweenReadAndSave: async () => {
        const edit = during;
        during = undefined;
        await edit?.();
      },
    }),
    async snapshot() {
      const workbook = await readWorkbook(path);
      return Object.fromEntries(workbook.worksheets.map((sheet) => [sheet.name, sheetRows(sheet)]));
    },
    humanEdit: (title, edit) => saveHumanEdit(path, title, edit),
    // Once the store has read the file for its next write, before that write is saved, another process saves the
    // person's edit (the rows worked out here, from the file as it is then).
    duringNextWrite(title, edit) {
      during = async () => {
        const before = await stat(path);
        const rows = edit(await workbookRows(path, title));
        await personSaves({ kind: 'cells', path, title, rows, keepSizeAndTime: keep });
        const after = await stat(path);
        if (keep && (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino))
          throw new Error("the person's save was meant to keep the file's size, time and inode");
      };
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeRegisterStoreContract('WorkbookRegisterStore', makeWorkbookFixture);

describe('WorkbookRegisterStore, a person saving the file from another program during a write', () => {
  describeEditsDuringWrite(() => makeWorkbookFixture(sampleRegister()));
});

describe('WorkbookRegisterStore, a save during a write that keeps the size and time (only the content differs)', () => {
  describeEditsDuringWrite(() => makeWorkbookFixture(sampleRegister(), { sameSizeAndTime: true }));
});

describe('WorkbookRegisterStore, workbook specifics', () => {
  let fx: Awaited<ReturnType<typeof makeWorkbookFixture>>;
  beforeEach(async () => {
    fx = await makeWorkbookFixture(sampleRegister());
  });
  afterEach(async () => {
    await fx.close();
  });

  /** Rewrites the Risks tab's row 2 cells with exceljs values a spreadsheet program would leave. */
  async function putRiskCells(cells: Record<string, ExcelJS.CellValue>, numFmt?: string): Promise<void> {
    const workbook = await readWorkbook(fx.path);
    const sheet = workbook.getWorksheet('Risks')!;
    for (const [address, value] of Object.entries(cells)) {
      sheet.getCell(address).value = value;
      if (numFmt) sheet.getCell(address).numFmt = numFmt;
    }
    await workbook.xlsx.writeFile(fx.path);
  }

  it('when a cell holds a date, then it reads as a serial number, with a fraction only for a time of day', async () => {
    await putRiskCells({ B2: new Date(Date.UTC(2010, 8, 15)), M2: new Date(Date.UTC(2010, 8, 21, 12)) }, 'dd/mm/yyyy');
    const cells = (await fx.store.load()).tabs.risks.rows[0]!.cells;
    expect([cells[1], cells[12]]).toEqual([40436, 40442.5]);
  });

  it('when a cell holds a formula, then it reads as the cached result', async () => {
    await putRiskCells({
      H2: { formula: 'F2*G2', result: 6 },
      I2: { formula: 'IF(H2>=6,"High","Medium")', result: 'High' },
      K2: { formula: 'DATE(2011,3,31)', result: new Date(Date.UTC(2011, 2, 31)) },
      L2: { formula: 'VLOOKUP(C2,People!A:B,2,FALSE)', result: { error: '#REF!' } },
      N2: { formula: 'NOW()' },
    });
    const cells = (await fx.store.load()).tabs.risks.rows[0]!.cells;
    expect([cells[7], cells[8], cells[10], cells[11], cells[13]]).toEqual([6, 'High', 40633, '#REF!', null]);
  });

  it('when cells hold rich text, a hyperlink, an error or a merged range, then they read as the text people see', async () => {
    await putRiskCells({
      C2: { richText: [{ text: 'Director of ', font: { bold: true } }, { text: 'Commissioning' }] },
      D2: { text: 'see the board paper', hyperlink: 'https://example.org/paper.pdf' },
      E2: { error: '#N/A' },
    });
    const workbook = await readWorkbook(fx.path);
    workbook.getWorksheet('Risks')!.mergeCells('J2:J3');
    await workbook.xlsx.writeFile(fx.path);
    const [r1, r2] = (await fx.store.load()).tabs.risks.rows;
    expect([r1!.cells[2], r1!.cells[3], r1!.cells[4], r1!.cells[9]]).toEqual([
      'Director of Commissioning',
      'see the board paper',
      '#N/A',
      'Interim lead commissioner appointed',
    ]);
    expect(r2!.cells[9]).toBeNull();
  });

  it('when the Rating column is a formula filled down, then a new impact is written and every row keeps its formula', async () => {
    await putRiskCells({
      H2: { formula: 'F2*G2', result: 6, shareType: 'shared', ref: 'H2:H3' } as ExcelJS.CellValue,
      H3: { sharedFormula: 'H2', result: 6 },
    });
    await fx.store.write({
      updates: [
        {
          tab: 'risks',
          id: 'R-1',
          changes: [
            { field: 'impact', expected: 3, value: 2 },
            { field: 'rating', expected: 6, value: 4, follows: ['impact', 'probability'] },
          ],
        },
      ],
      inserts: [],
      audit: [],
    });
    const sheet = (await readWorkbook(fx.path)).getWorksheet('Risks')!;
    expect(sheet.getCell('F2').value).toBe(2);
    expect(sheet.getCell('H2').formula).toBe('F2*G2');
    expect(sheet.getCell('H3').formula).toBe('F3*G3');
  });

  it('when 50,000 formatted but blank rows follow the register, then it loads and finds only the rows with text', async () => {
    const workbook = await readWorkbook(fx.path);
    const sheet = workbook.getWorksheet('Actions')!;
    for (let row = 4; row < 50_004; row += 1) {
      sheet.getCell(row, 1).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } };
    }
    sheet.getCell(30_000, 2).value = '   ';
    await workbook.xlsx.writeFile(fx.path);
    const { actions } = (await fx.store.load()).tabs;
    expect(actions.rows.map((row) => [row.row, row.cells[0]])).toEqual([
      [2, 'A-1'],
      [3, 'A-2'],
    ]);
    const result = await fx.store.write({
      updates: [],
      inserts: [{ tab: 'actions', values: { id: 'A-3', action: 'Communication Plan' } }],
      audit: [],
    });
    expect(result.cellsWritten).toEqual(['Actions!A4', 'Actions!B4']);
  }, 60_000);

  it('when the file is missing, then load and write report unavailable, the path in details and not in the message', async () => {
    const path = join(fx.dir, 'nowhere.xlsx');
    const store = new WorkbookRegisterStore({ path, tabs: contractTabs });
    await expect(store.load()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.not.stringContaining(fx.dir),
      details: { path },
    });
    const write = store.write({ updates: [{ tab: 'risks', id: 'R-1', changes: [] }], inserts: [], audit: [] });
    await expect(write).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('not found') });
  });

  it('when the file is not a workbook, then load reports unavailable, the path in details and not in the message', async () => {
    await writeFile(fx.path, 'Risk No.,Date Raised\nR - 1,15.9.10\n');
    await expect(fx.store.load()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('not a valid .xlsx'),
      details: { path: fx.path },
    });
    await expect(fx.store.load()).rejects.toMatchObject({ message: expect.not.stringContaining(fx.dir) });
  });

  it('when text starting with = is written, then the file holds a string, not a formula', async () => {
    await fx.store.write({
      updates: [
        {
          tab: 'actions',
          id: 'A-1',
          changes: [
            {
              field: 'latestNote',
              expected: 'Draft shared with providers',
              value: '=HYPERLINK("http://evil.example","x")',
            },
          ],
        },
      ],
      inserts: [],
      audit: [],
    });
    const cell = (await readWorkbook(fx.path)).getWorksheet('Actions')!.getCell('H2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('when a number is written to a date column, then it is a date formatted d mmm yyyy, and cells sharing its old style keep theirs', async () => {
    const workbook = await readWorkbook(fx.path);
    const actions = workbook.getWorksheet('Actions')!;
    actions.getCell('I3').value = 'TBC';
    // Same look as the other text cells, so the file gives them one shared style.
    actions.getCell('I3').style = { ...actions.getCell('B3').style };
    await workbook.xlsx.writeFile(fx.path);
    await fx.store.write({
      updates: [{ tab: 'actions', id: 'A-2', changes: [{ field: 'dateLastUpdated', expected: 'TBC', value: 40603 }] }],
      inserts: [],
      audit: [],
    });
    const sheet = (await readWorkbook(fx.path)).getWorksheet('Actions')!;
    expect(sheet.getCell('I3').value).toEqual(new Date(Date.UTC(2011, 2, 1)));
    expect(sheet.getCell('I3').numFmt).toBe(DATE_FORMAT);
    expect(sheet.getCell('B3').numFmt).toBeUndefined();
  });

  it('when a date column has its own date format, then a date written there keeps it', async () => {
    await putRiskCells({ M3: new Date(Date.UTC(2010, 8, 21)) }, 'dd/mm/yyyy');
    await fx.store.write({
      updates: [{ tab: 'risks', id: 'R-2', changes: [{ field: 'dateLastUpdated', expected: 40442, value: 40603 }] }],
      inserts: [],
      audit: [],
    });
    expect((await readWorkbook(fx.path)).getWorksheet('Risks')!.getCell('M3').numFmt).toBe('dd/mm/yyyy');
  });

  it('when a write is refused, then the file is byte for byte as it was; after any write no temporary file is left', async () => {
    const before = await readFile(fx.path);
    const refused = fx.store.write({
      updates: [{ tab: 'risks', id: 'R-1', changes: [{ field: 'status', expected: 'Closed', value: 'Open' }] }],
      inserts: [],
      audit: [],
    });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    expect((await readFile(fx.path)).equals(before)).toBe(true);
    await fx.store.write({
      updates: [{ tab: 'risks', id: 'R-1', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
      inserts: [],
      audit: [],
    });
    expect(await readdir(fx.dir)).toEqual(['register.xlsx']);
  });

  it('when two stores on the same file write at once, then both writes land', async () => {
    const other = new WorkbookRegisterStore({ path: join(fx.dir, '.', 'register.xlsx'), tabs: contractTabs });
    await Promise.all([
      fx.store.write({
        updates: [{ tab: 'risks', id: 'R-1', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
        inserts: [],
        audit: [],
      }),
      other.write({
        updates: [{ tab: 'risks', id: 'R-4', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
        inserts: [],
        audit: [],
      }),
    ]);
    const { risks } = (await fx.store.load()).tabs;
    expect(risks.rows.map((row) => row.cells[14])).toEqual(['Closed', 'Open', 'Open', 'Closed']);
  });

  it('when the register is loaded, then the source is the file path', async () => {
    expect((await fx.store.load()).source).toBe(fx.path);
  });
});

describe('createWorkbook', () => {
  it('when a register is created, then headers are bold and frozen, dates are formatted, and text starting with = stays text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'create-workbook-'));
    try {
      const path = join(dir, 'new.xlsx');
      await createWorkbook(path, [
        {
          title: 'Actions',
          headers: ['Action ID', 'Target date', 'Latest note'],
          rows: [
            ['A-1', 40724, '=1+1'],
            ['A-2', 'TBC', null],
          ],
          dateColumns: [1],
        },
      ]);
      const sheet = (await readWorkbook(path)).getWorksheet('Actions')!;
      expect(sheet.getCell('A1').font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2011, 5, 30)));
      expect(sheet.getCell('B2').numFmt).toBe(DATE_FORMAT);
      expect(sheet.getCell('B3').value).toBe('TBC');
      expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell('C2').alignment?.wrapText).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
      expect(await readdir(dir)).toEqual(['new.xlsx']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cell values', () => {
  it.each([
    [null, null],
    ['R - 1', 'R - 1'],
    [3, 3],
    [true, true],
    [new Date(Date.UTC(1899, 11, 30)), 0],
    [new Date(Date.UTC(2011, 2, 31)), 40633],
    [new Date(Date.UTC(2011, 2, 31, 6)), 40633.25],
    [{ formula: 'A1', result: 'text' }, 'text'],
    [{ sharedFormula: 'A1', result: new Date(Date.UTC(2011, 2, 31)) }, 40633],
    [{ formula: 'A1' }, null],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ text: 'link', hyperlink: 'https://example.org' }, 'link'],
    [{ text: { richText: [{ text: 'rich link' }] }, hyperlink: 'https://example.org' }, 'rich link'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
  ])('when exceljs gives %j, then the core sees %j', (value, expected) => {
    expect(fromExcelValue(value)).toEqual(expected);
  });

  it('when a serial goes to a Date and back, then it is unchanged', () => {
    for (const serial of [1, 40436, 40442.5, 45000]) expect(dateToSerial(serialToDate(serial))).toBe(serial);
  });
});
