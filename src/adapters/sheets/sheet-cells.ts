import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import type { CellValue } from '../../domain/cell.js';
import type { CellLook } from '../../domain/register/cell-look.js';
import type { RawRow } from '../../domain/register/raw-register.js';

type CellData = sheets_v4.Schema$CellData;

// What the values API shows for each error type with UNFORMATTED_VALUE.
const ERROR_TEXT: Readonly<Record<string, string>> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: 'Loading...',
};

/** A cell's value as values.batchGet gives it with UNFORMATTED_VALUE and SERIAL_NUMBER: a date is its serial. */
function cellValueOf(cell: CellData): CellValue {
  const value = cell.effectiveValue;
  if (!value) return null;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (typeof value.stringValue === 'string') return value.stringValue === '' ? null : value.stringValue;
  if (value.errorValue) return ERROR_TEXT[value.errorValue.type ?? ''] ?? '#ERROR!';
  return null;
}

function lookOf(cell: CellData): CellLook | undefined {
  const formula = cell.userEnteredValue?.formulaValue ?? undefined;
  const format = cell.userEnteredFormat?.numberFormat;
  const look: CellLook = {
    ...(formula ? { formula } : {}),
    ...(format?.type ? { numberFormat: { type: format.type, pattern: format.pattern ?? '' } } : {}),
  };
  return Object.keys(look).length > 0 ? look : undefined;
}

/**
 * The rows of a whole tab read with its grid data (spreadsheets.get), as
 * the values API would give them, each with its cells' formulas and number
 * formats: row i of the grid is sheet row startRow + i + 1.
 */
export function gridFromCells(sheet: sheets_v4.Schema$Sheet | undefined): RawRow[] {
  const data = sheet?.data?.[0];
  const start = data?.startRow ?? 0;
  return (data?.rowData ?? []).map((rowData, index) => {
    const cells: CellValue[] = [];
    const looks: Array<CellLook | undefined> = [];
    for (const [column, cell] of (rowData.values ?? []).entries()) {
      cells[column] = cellValueOf(cell);
      const look = lookOf(cell);
      if (look !== undefined) looks[column] = look;
    }
    return {
      row: start + index + 1,
      cells: Array.from(cells, (cell) => cell ?? null),
      ...(looks.length > 0 ? { looks } : {}),
    };
  });
}
