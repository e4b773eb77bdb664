import { randomBytes } from 'node:crypto';
import { parseRange } from './a1.js';
import { sheetProperties } from './batch-requests.js';
import { type NumberFormat, numberFormatAt } from './cell-looks.js';
import { applyFieldMask } from './fields.js';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, formulaMarker, getCell, newTab, setHumanRows } from './grid.js';
import { badRequest, type CellValue, type Spreadsheet, type Stored, type Tab } from './types.js';

type Query = Record<string, string | string[]>;
type Json = Record<string, unknown>;

/** An ID shaped like Google's (44 characters of base64url). */
export const newSpreadsheetId = (): string => randomBytes(33).toString('base64url');

/**
 * A spreadsheet from rows per tab. The first tab gets sheetId 0 and later
 * ones large IDs (as in Google, a sheetId is not an index). Each grid is at
 * least 1000 x 26, like a new Google sheet, and larger if the rows need it.
 */
export function buildSpreadsheet(id: string, title: string, tabs: Record<string, CellValue[][]>): Spreadsheet {
  const sheets = Object.entries(tabs).map(([name, rows], i) => {
    const tab = newTab(i === 0 ? 0 : 1_000_000 + i, name, { rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS });
    setHumanRows(tab, rows);
    return tab;
  });
  if (sheets.length === 0) sheets.push(newTab(0, 'Sheet1'));
  return { spreadsheetId: id, title, sheets, nextProtectedRangeId: 1, developerMetadata: [] };
}

/** A copy to apply a batch to: rows and lists are copied, stored cells (never mutated) are shared. */
export function cloneSpreadsheet(book: Spreadsheet): Spreadsheet {
  const cloneTab = (tab: Tab): Tab => ({
    ...tab,
    grid: { ...tab.grid },
    rows: tab.rows.map((row) => row?.slice()),
    validations: tab.validations.slice(),
    conditionalFormats: tab.conditionalFormats.slice(),
    protectedRanges: tab.protectedRanges.slice(),
    formats: tab.formats.slice(),
  });
  return { ...book, sheets: book.sheets.map(cloneTab), developerMetadata: book.developerMetadata.slice() };
}

const valueKey = (value: string | number | boolean) =>
  typeof value === 'string' ? 'stringValue' : typeof value === 'number' ? 'numberValue' : 'boolValue';

function cellData(cell: Stored | undefined, numberFormat: NumberFormat | undefined): Json {
  const format = numberFormat ? { userEnteredFormat: { numberFormat } } : {};
  if (cell === undefined) return format;
  if (typeof cell === 'object') {
    // The fake never evaluates a formula: it shows the result a test gave it, else a marker.
    const shown = cell.result ?? formulaMarker(cell.formula);
    return {
      userEnteredValue: { formulaValue: cell.formula },
      effectiveValue: { [valueKey(shown)]: shown },
      ...format,
    };
  }
  const key = valueKey(cell);
  return {
    userEnteredValue: { [key]: cell },
    effectiveValue: { [key]: cell },
    formattedValue: typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell),
    ...format,
  };
}

/** GridData for includeGridData: only rows that hold data, so it stays cheap on a tall, empty grid. */
function gridData(tab: Tab, startRow: number, endRow: number, startCol: number, endCol: number): Json {
  const rowData: Json[] = [];
  for (let r = startRow; r < Math.min(endRow, tab.rows.length); r++) {
    const width = Math.min(endCol, tab.rows[r]?.length ?? 0);
    rowData.push({
      values: Array.from({ length: Math.max(width - startCol, 0) }, (_, c) =>
        cellData(getCell(tab, r, startCol + c), numberFormatAt(tab, r, startCol + c)),
      ),
    });
  }
  return { startRow, startColumn: startCol, rowData };
}

export function spreadsheetResource(book: Spreadsheet, query: Query = {}): Json {
  const raw = query.ranges;
  const ranges = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map((r) => parseRange(book, r));
  const withData = query.includeGridData === 'true';
  const tabs = ranges.length > 0 ? book.sheets.filter((t) => ranges.some((r) => r.tab === t)) : book.sheets;
  const sheets = tabs.map((tab) => {
    const own = ranges.filter((r) => r.tab === tab);
    const data = !withData
      ? []
      : (own.length > 0 ? own : [{ startRow: 0, endRow: null, startCol: 0, endCol: null }]).map((r) =>
          gridData(tab, r.startRow, r.endRow ?? tab.grid.rowCount, r.startCol, r.endCol ?? tab.grid.columnCount),
        );
    return {
      properties: sheetProperties(book, tab),
      ...(tab.conditionalFormats.length > 0 ? { conditionalFormats: tab.conditionalFormats } : {}),
      ...(tab.protectedRanges.length > 0 ? { protectedRanges: tab.protectedRanges } : {}),
      ...(data.length > 0 ? { data } : {}),
    };
  });
  const resource = {
    spreadsheetId: book.spreadsheetId,
    properties: { title: book.title, locale: 'en_GB', autoRecalc: 'ON_CHANGE', timeZone: 'Europe/London' },
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.spreadsheetId}/edit`,
  };
  const fields = query.fields;
  return applyFieldMask(resource, Array.isArray(fields) ? fields[0] : fields) as Json;
}

/** spreadsheets.create: a title and, optionally, tabs with their properties (no cell data). */
export function createSpreadsheet(body: Json): Spreadsheet {
  const properties = (body.properties ?? {}) as Json;
  const given = (Array.isArray(body.sheets) ? body.sheets : []) as Array<{ properties?: Json }>;
  const book = buildSpreadsheet(
    newSpreadsheetId(),
    typeof properties.title === 'string' ? properties.title : 'Untitled spreadsheet',
    {},
  );
  if (given.length > 0) {
    book.sheets = given.map(({ properties: p = {} }, i) =>
      newTab(
        typeof p.sheetId === 'number' ? p.sheetId : i === 0 ? 0 : 1_000_000 + i,
        typeof p.title === 'string' ? p.title : `Sheet${i + 1}`,
        (p.gridProperties ?? {}) as Partial<Tab['grid']>,
      ),
    );
    const titles = new Set(book.sheets.map((t) => t.title.toLowerCase()));
    if (titles.size !== book.sheets.length) throw badRequest('Invalid sheets: two sheets have the same name.');
  }
  return book;
}
