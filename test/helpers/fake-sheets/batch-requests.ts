import { covers, fieldPaths } from './fields.js';
import { dataHeight, deleteColumns, deleteRows, growGrid, insertColumns, insertRows, newTab, setCell } from './grid.js';
import { bounded, rangeIn, tabById } from './grid-ranges.js';
import { METADATA_HANDLERS } from './metadata.js';
import { badRequest, type GridRange, type Spreadsheet, type Stored, type Tab } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON from the client; each handler checks what it reads
type Json = Record<string, any>;
type Handler = (book: Spreadsheet, body: Json, fail: (message: string) => Error) => Json | undefined;

function requireFields(body: Json, fail: (m: string) => Error): string[] {
  if (typeof body.fields !== 'string' || body.fields.trim() === '')
    throw fail("At least one field must be specified in 'fields'.");
  return fieldPaths(body.fields);
}

/** CellData.userEnteredValue as stored; stringValue is always text, formulaValue a formula. */
function cellValue(cell: Json | undefined): Stored | undefined {
  const v = cell?.userEnteredValue as Json | undefined;
  if (!v) return undefined;
  if (typeof v.formulaValue === 'string') return { formula: v.formulaValue };
  if (typeof v.stringValue === 'string') return v.stringValue === '' ? undefined : v.stringValue;
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  return undefined;
}

/** Writes RowData at (row, col) for updateCells and appendCells, after checking the grid holds it. */
function writeRows(tab: Tab, rows: Json[], row: number, col: number, body: Json, fail: (m: string) => Error): void {
  const paths = requireFields(body, fail);
  const width = rows.reduce((w: number, r: Json) => Math.max(w, (r.values ?? []).length), 0);
  bounded(
    tab,
    { startRowIndex: row, endRowIndex: row + rows.length, startColumnIndex: col, endColumnIndex: col + width },
    fail,
  );
  rows.forEach((r, i) => {
    (r.values ?? []).forEach((cell: Json, j: number) => {
      if (covers(paths, 'userEnteredValue')) setCell(tab, row + i, col + j, cellValue(cell));
      if (covers(paths, 'userEnteredFormat') && cell.userEnteredFormat) {
        tab.formats.push({
          range: {
            sheetId: tab.sheetId,
            startRowIndex: row + i,
            endRowIndex: row + i + 1,
            startColumnIndex: col + j,
            endColumnIndex: col + j + 1,
          },
          fields: body.fields,
          format: cell.userEnteredFormat,
        });
      }
    });
  });
}

function checkTitle(book: Spreadsheet, title: string, except: Tab | null, fail: (m: string) => Error): void {
  if (title.trim() === '') throw fail('A sheet name cannot be blank.');
  // Sheets compares tab names without regard to case.
  if (book.sheets.some((t) => t !== except && t.title.toLowerCase() === title.toLowerCase())) {
    throw fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function sheetProperties(book: Spreadsheet, tab: Tab): Json {
  const { rowCount, columnCount, frozenRowCount } = tab.grid;
  // Like Google, zero values are left out of the JSON (so frozenRowCount is absent when 0).
  return {
    sheetId: tab.sheetId,
    title: tab.title,
    index: book.sheets.indexOf(tab),
    sheetType: 'GRID',
    gridProperties: { rowCount, columnCount, ...(frozenRowCount ? { frozenRowCount } : {}) },
    ...(tab.hidden ? { hidden: true } : {}),
  };
}

function dimension(tab: Tab, body: Json, fail: (m: string) => Error): { rows: boolean; start: number; count: number } {
  const r = body.range ?? {};
  if (r.dimension !== 'ROWS' && r.dimension !== 'COLUMNS') throw fail('dimension must be ROWS or COLUMNS');
  const start = r.startIndex ?? 0;
  const end = r.endIndex ?? start;
  const limit = r.dimension === 'ROWS' ? tab.grid.rowCount : tab.grid.columnCount;
  if (start < 0 || end <= start || start > limit)
    throw fail(`Invalid dimension range ${start}..${end} (grid has ${limit} ${r.dimension.toLowerCase()})`);
  return { rows: r.dimension === 'ROWS', start, count: end - start };
}

const HANDLERS: Record<string, Handler> = {
  addSheet(book, body, fail) {
    const p = body.properties ?? {};
    if (p.sheetId !== undefined && book.sheets.some((t) => t.sheetId === p.sheetId))
      throw fail(`Sheet with id ${p.sheetId} already exists.`);
    let n = book.sheets.length + 1;
    while (book.sheets.some((t) => t.title.toLowerCase() === `sheet${n}`)) n++;
    const title: string = p.title ?? `Sheet${n}`;
    checkTitle(book, title, null, fail);
    let id = typeof p.sheetId === 'number' ? p.sheetId : 1_000_000 + book.sheets.length;
    while (p.sheetId === undefined && book.sheets.some((t) => t.sheetId === id)) id++;
    const tab = newTab(id, title, p.gridProperties ?? {});
    if (p.hidden === true) tab.hidden = true;
    book.sheets.splice(Math.min(p.index ?? book.sheets.length, book.sheets.length), 0, tab);
    return { addSheet: { properties: sheetProperties(book, tab) } };
  },
  deleteSheet(book, body, fail) {
    const tab = tabById(book, body.sheetId, fail);
    if (book.sheets.length === 1) throw fail("You can't remove all the sheets in a document.");
    book.sheets.splice(book.sheets.indexOf(tab), 1);
    return undefined;
  },
  updateSheetProperties(book, body, fail) {
    const p = body.properties ?? {};
    const tab = tabById(book, p.sheetId, fail);
    const paths = requireFields(body, fail);
    if (covers(paths, 'title')) {
      checkTitle(book, p.title ?? '', tab, fail);
      tab.title = p.title;
    }
    for (const key of ['rowCount', 'columnCount', 'frozenRowCount'] as const) {
      if (covers(paths, `gridProperties.${key}`) || paths.includes('gridProperties'))
        tab.grid[key] = p.gridProperties?.[key] ?? 0;
    }
    if (tab.grid.frozenRowCount > tab.grid.rowCount) throw fail('frozenRowCount is beyond the last row');
    if (covers(paths, 'index')) {
      book.sheets.splice(book.sheets.indexOf(tab), 1);
      book.sheets.splice(Math.min(p.index ?? 0, book.sheets.length), 0, tab);
    }
    return undefined;
  },
  setDataValidation(book, body, fail) {
    const { tab, range } = rangeIn(book, body.range, fail);
    const same = (r: GridRange) => JSON.stringify(r) === JSON.stringify(range);
    tab.validations = tab.validations.filter((v) => !same(v.range));
    if (body.rule) tab.validations.push({ range, rule: body.rule });
    return undefined;
  },
  addConditionalFormatRule(book, body, fail) {
    const rule = body.rule ?? {};
    const ranges: Json[] = rule.ranges ?? [];
    if (ranges.length === 0) throw fail('A conditional format rule needs at least one range.');
    const tabs = ranges.map((r) => rangeIn(book, r, fail).tab);
    if (tabs.some((t) => t !== tabs[0]))
      throw fail('All ranges of a conditional format rule must be on the same sheet.');
    const list = tabs[0]!.conditionalFormats;
    const index = body.index ?? 0;
    if (index > list.length) throw fail(`index ${index} is beyond the ${list.length} rules of the sheet`);
    list.splice(index, 0, rule);
    return undefined;
  },
  deleteConditionalFormatRule(book, body, fail) {
    const tab = tabById(book, body.sheetId, fail);
    const index = body.index ?? 0;
    if (index >= tab.conditionalFormats.length)
      throw fail(`No conditional format on sheet ${tab.sheetId} at index ${index}`);
    const [rule] = tab.conditionalFormats.splice(index, 1);
    return { deleteConditionalFormatRule: { rule } };
  },
  repeatCell(book, body, fail) {
    const { tab, range } = rangeIn(book, body.range, fail);
    const paths = requireFields(body, fail);
    if (covers(paths, 'userEnteredValue')) {
      const value = cellValue(body.cell);
      for (let r = range.startRowIndex; r < range.endRowIndex; r++)
        for (let c = range.startColumnIndex; c < range.endColumnIndex; c++) setCell(tab, r, c, value);
    }
    if (covers(paths, 'userEnteredFormat'))
      tab.formats.push({ range, fields: body.fields, format: body.cell?.userEnteredFormat ?? null });
    return undefined;
  },
  updateCells(book, body, fail) {
    const origin = body.start ?? body.range ?? {};
    const tab = tabById(book, origin.sheetId, fail);
    const row = body.start ? (origin.rowIndex ?? 0) : (origin.startRowIndex ?? 0);
    const col = body.start ? (origin.columnIndex ?? 0) : (origin.startColumnIndex ?? 0);
    writeRows(tab, body.rows ?? [], row, col, body, fail);
    return undefined;
  },
  appendCells(book, body, fail) {
    const tab = tabById(book, body.sheetId, fail);
    const rows: Json[] = body.rows ?? [];
    const at = dataHeight(tab);
    growGrid(tab, at + rows.length, 0); // appendCells inserts rows when the grid is full
    writeRows(tab, rows, at, 0, body, fail);
    return undefined;
  },
  appendDimension(book, body, fail) {
    const tab = tabById(book, body.sheetId, fail);
    if (!(body.length > 0)) throw fail('length must be positive');
    if (body.dimension === 'ROWS') tab.grid.rowCount += body.length;
    else if (body.dimension === 'COLUMNS') tab.grid.columnCount += body.length;
    else throw fail('dimension must be ROWS or COLUMNS');
    return undefined;
  },
  insertDimension(book, body, fail) {
    const tab = tabById(book, body.range?.sheetId, fail);
    const d = dimension(tab, body, fail);
    if (d.rows) insertRows(tab, d.start, d.count);
    else insertColumns(tab, d.start, d.count);
    return undefined;
  },
  deleteDimension(book, body, fail) {
    const tab = tabById(book, body.range?.sheetId, fail);
    const d = dimension(tab, body, fail);
    if (d.start + d.count > (d.rows ? tab.grid.rowCount : tab.grid.columnCount))
      throw fail('Cannot delete beyond the grid');
    if (d.rows) deleteRows(tab, d.start, d.count);
    else deleteColumns(tab, d.start, d.count);
    return undefined;
  },
  addProtectedRange(book, body, fail) {
    const given = body.protectedRange ?? {};
    const { tab, range } = rangeIn(book, given.range, fail);
    const protectedRange = { ...given, range, protectedRangeId: book.nextProtectedRangeId++ };
    tab.protectedRanges.push(protectedRange);
    return { addProtectedRange: { protectedRange } };
  },
  deleteProtectedRange(book, body, fail) {
    const tab = book.sheets.find((t) => t.protectedRanges.some((p) => p.protectedRangeId === body.protectedRangeId));
    if (!tab) throw fail(`No protected range with id: ${body.protectedRangeId}`);
    tab.protectedRanges = tab.protectedRanges.filter((p) => p.protectedRangeId !== body.protectedRangeId);
    return undefined;
  },
};

Object.assign(HANDLERS, METADATA_HANDLERS);

export const SUPPORTED_REQUESTS = Object.keys(HANDLERS);

/**
 * Applies spreadsheets.batchUpdate requests in order to `book`, which should
 * be a draft: the first invalid request throws a 400 naming it, as in
 * "Invalid requests[2].addSheet: …", and the caller discards the draft.
 */
export function applyRequests(book: Spreadsheet, requests: unknown): Json[] {
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest('Must specify at least one request.');
  return requests.map((request: Json, i) => {
    const names = Object.keys(request ?? {});
    const name = names[0];
    const fail = (message: string) => badRequest(`Invalid requests[${i}]${name ? `.${name}` : ''}: ${message}`);
    if (names.length !== 1 || !name) throw fail('each request must set exactly one kind of request');
    const handler = HANDLERS[name];
    if (!handler)
      throw fail(`the fake Sheets server does not support ${name} (it supports ${SUPPORTED_REQUESTS.join(', ')})`);
    return handler(book, request[name] ?? {}, fail) ?? {};
  });
}

export { sheetProperties };
