import { formatRange, parseRange, type TabRange } from './a1.js';
import { dataHeight, dataWidth, growGrid, insertRows, readRows, setCell, transpose, type ValueRender } from './grid.js';
import { badRequest, type Spreadsheet, type Stored } from './types.js';

type Query = Record<string, string | string[]>;
type Json = Record<string, unknown>;

const one = (query: Query, name: string): string | undefined => {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
};

function renderOption(query: Query): ValueRender {
  const how = one(query, 'valueRenderOption') ?? 'FORMATTED_VALUE';
  if (how !== 'FORMATTED_VALUE' && how !== 'UNFORMATTED_VALUE' && how !== 'FORMULA')
    throw badRequest(`Invalid value at 'value_render_option' (${how})`);
  return how;
}

function majorDimension(value: unknown): 'ROWS' | 'COLUMNS' {
  if (value === undefined || value === 'ROWS' || value === 'DIMENSION_UNSPECIFIED') return 'ROWS';
  if (value === 'COLUMNS') return 'COLUMNS';
  throw badRequest(`Invalid value at 'major_dimension' (${String(value)})`);
}

function valueRange(r: TabRange, how: ValueRender, major: 'ROWS' | 'COLUMNS'): Json {
  const rows = readRows(r, how);
  const values = major === 'ROWS' ? rows : transpose(rows);
  return { range: formatRange(r), majorDimension: major, ...(values.length > 0 ? { values } : {}) };
}

/** values.batchGet: every range must name an existing tab, or the whole request is 400. */
export function batchGet(book: Spreadsheet, query: Query): Json {
  const raw = query.ranges;
  const ranges = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const how = renderOption(query);
  const major = majorDimension(one(query, 'majorDimension'));
  const resolved = ranges.map((range) => parseRange(book, range));
  return { spreadsheetId: book.spreadsheetId, valueRanges: resolved.map((r) => valueRange(r, how, major)) };
}

export function get(book: Spreadsheet, range: string, query: Query): Json {
  return valueRange(parseRange(book, range), renderOption(query), majorDimension(one(query, 'majorDimension')));
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value as written. RAW keeps text as text ("=1+2" stays that text).
 * USER_ENTERED parses like a person typing: "=…" becomes a formula, numbers,
 * TRUE/FALSE and yyyy-mm-dd dates (as serial numbers) are recognised, and a
 * leading apostrophe forces text. null means "leave the cell alone"; "" clears it.
 */
function inputValue(value: unknown, option: string): Stored | undefined | 'skip' {
  if (value === null || value === undefined) return 'skip';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string')
    throw badRequest(`Invalid values: ${JSON.stringify(value)} is not a string, number or boolean`);
  if (value === '') return undefined;
  if (option === 'RAW') return value;
  if (value.startsWith('=')) return { formula: value };
  if (value.startsWith("'")) return value.slice(1);
  if (NUMBER.test(value.trim())) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toUpperCase() === 'TRUE';
  const date = ISO_DATE.exec(value);
  if (date)
    return (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return value;
}

function inputOption(value: unknown): string {
  if (value === undefined) throw badRequest("'valueInputOption' is required but not specified");
  if (value !== 'RAW' && value !== 'USER_ENTERED')
    throw badRequest(`Invalid value at 'value_input_option' (${String(value)})`);
  return value;
}

function rowsOf(body: Json): unknown[][] {
  const values = body.values ?? [];
  if (!Array.isArray(values) || !values.every(Array.isArray)) throw badRequest("Invalid value at 'data.values'");
  return majorDimension(body.majorDimension) === 'COLUMNS' ? transpose(values as unknown[][]) : (values as unknown[][]);
}

interface Written {
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

/** Writes rows at the range's top-left; the grid grows to fit, but a bounded range refuses values outside it. */
function writeAt(r: TabRange, rows: unknown[][], option: string, startRow = r.startRow): Written {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (r.endRow !== null && startRow + rows.length > r.endRow)
    throw badRequest(
      `Requested writing within range [${formatRange(r)}], but tried writing to row [${startRow + rows.length}]`,
    );
  if (r.endCol !== null && r.startCol + width > r.endCol)
    throw badRequest(
      `Requested writing within range [${formatRange(r)}], but tried writing to column [${r.startCol + width}]`,
    );
  let cells = 0;
  for (const [i, row] of rows.entries()) {
    for (const [j, value] of row.entries()) {
      const stored = inputValue(value, option);
      if (stored === 'skip') continue;
      setCell(r.tab, startRow + i, r.startCol + j, stored);
      cells++;
    }
  }
  growGrid(r.tab, startRow + rows.length, r.startCol + width);
  const written = {
    ...r,
    startRow,
    endRow: startRow + Math.max(rows.length, 1),
    endCol: r.startCol + Math.max(width, 1),
  };
  return { updatedRange: formatRange(written), updatedRows: rows.length, updatedColumns: width, updatedCells: cells };
}

/** values.batchUpdate; the caller applies it to a draft, so a bad range anywhere changes nothing. */
export function batchUpdate(book: Spreadsheet, body: Json): Json {
  const option = inputOption(body.valueInputOption);
  const data = (body.data ?? []) as Json[];
  if (!Array.isArray(data)) throw badRequest("Invalid value at 'data'");
  const responses = data.map((entry) => {
    if (typeof entry.range !== 'string') throw badRequest("Invalid data: 'range' is required");
    return { spreadsheetId: book.spreadsheetId, ...writeAt(parseRange(book, entry.range), rowsOf(entry), option) };
  });
  const sum = (key: keyof Written) => responses.reduce((n, r) => n + (r[key] as number), 0);
  return {
    spreadsheetId: book.spreadsheetId,
    totalUpdatedRows: sum('updatedRows'),
    totalUpdatedColumns: sum('updatedColumns'),
    totalUpdatedCells: sum('updatedCells'),
    totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange.split('!')[0])).size,
    responses,
  };
}

export function update(book: Spreadsheet, range: string, query: Query, body: Json): Json {
  const option = inputOption(one(query, 'valueInputOption'));
  const r = parseRange(book, range);
  if (typeof body.range === 'string' && parseRange(book, body.range).tab !== r.tab)
    throw badRequest(`Invalid data[0]: range ${body.range} does not match the URL's ${range}`);
  return { spreadsheetId: book.spreadsheetId, ...writeAt(r, rowsOf(body), option) };
}

/**
 * values.append, kept simple: the rows go after the last row holding any
 * value in the tab, from the range's first column. INSERT_ROWS adds rows to
 * the grid; OVERWRITE (the default) grows it only when needed.
 */
export function append(book: Spreadsheet, range: string, query: Query, body: Json): Json {
  const option = inputOption(one(query, 'valueInputOption'));
  const insert = one(query, 'insertDataOption') ?? 'OVERWRITE';
  if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS')
    throw badRequest(`Invalid value at 'insert_data_option' (${insert})`);
  const r = parseRange(book, range);
  const rows = rowsOf(body);
  const height = dataHeight(r.tab);
  const startRow = Math.max(height, r.startRow);
  if (insert === 'INSERT_ROWS') insertRows(r.tab, startRow, rows.length);
  const open = { ...r, endRow: null, endCol: null };
  const table =
    height > 0
      ? {
          tableRange: formatRange(
            { ...r, startRow: 0, startCol: 0 },
            { endRow: height, endCol: Math.max(dataWidth(r.tab), 1) },
          ),
        }
      : {};
  return {
    spreadsheetId: book.spreadsheetId,
    ...table,
    updates: { spreadsheetId: book.spreadsheetId, ...writeAt(open, rows, option, startRow) },
  };
}
