import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../../domain/cell.js';
import type { TabKey } from '../../domain/register/raw-register.js';
import type { CellWrite, WritePlan } from '../shared/plan-write.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

const DATE_FORMAT = { type: 'DATE', pattern: 'd mmm yyyy' };

/** What a planned cell sets besides its value: a number format, or a formula copied from the row above. */
type CellExtras = Pick<CellWrite, 'numberFormat' | 'formula'>;

/**
 * A value as Sheets stores it. `stringValue` is always text, never parsed as
 * a formula (the equivalent of valueInputOption RAW), so a note starting
 * with "=" stays a note; the only formula written is one copied from the
 * sheet's own row above. A number gets the number format planned (the
 * column's own), a date one the bot's date format when none was planned.
 */
export function cellData(value: CellValue, isDate: boolean, extras: CellExtras = {}): CellData {
  if (extras.formula !== undefined) return { userEnteredValue: { formulaValue: extras.formula } };
  if (value === null || value === '') return {};
  if (typeof value === 'number') {
    const numberFormat = extras.numberFormat ?? (isDate ? DATE_FORMAT : undefined);
    return {
      userEnteredValue: { numberValue: value },
      ...(numberFormat ? { userEnteredFormat: { numberFormat } } : {}),
    };
  }
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  return { userEnteredValue: { stringValue: value } };
}

/** A number format is only sent where one is set: other cells keep theirs. */
function fieldsFor(cells: readonly CellWrite[]): string {
  return cells.some((cell) => typeof cell.value === 'number' && (cell.isDate || cell.numberFormat !== undefined))
    ? 'userEnteredValue,userEnteredFormat.numberFormat'
    : 'userEnteredValue';
}

function rowOf(cells: readonly CellWrite[]): CellData[] {
  const values: CellData[] = [];
  for (const cell of cells) values[cell.column] = cellData(cell.value, cell.isDate, cell);
  return Array.from({ length: values.length }, (_, i) => values[i] ?? {});
}

function groupByRow(cells: readonly CellWrite[]): CellWrite[][] {
  const rows = new Map<number, CellWrite[]>();
  for (const cell of cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/**
 * The whole write as one spreadsheets.batchUpdate, which Sheets applies all
 * or nothing: changed cells in place (updateCells at the row found by ID just
 * now), new items and audit rows after the last row (appendCells), and the
 * audit tab itself when it is missing.
 */
export function planRequests(
  plan: WritePlan,
  sheetIdOf: (tab: TabKey) => number,
  newAuditSheetId: number | null,
  auditTitle: string,
): Request[] {
  const requests: Request[] = [];
  if (newAuditSheetId !== null)
    requests.push({
      addSheet: { properties: { sheetId: newAuditSheetId, title: auditTitle, gridProperties: { frozenRowCount: 1 } } },
    });
  const insertedRows = new Set(plan.insertedRows.map(({ tab, row }) => `${tab}:${row}`));
  const inPlace = plan.cells.filter((cell) => !insertedRows.has(`${cell.tab}:${cell.row}`));
  const appended = plan.cells.filter((cell) => insertedRows.has(`${cell.tab}:${cell.row}`));
  for (const cell of inPlace) {
    requests.push({
      updateCells: {
        start: { sheetId: sheetIdOf(cell.tab), rowIndex: cell.row - 1, columnIndex: cell.column },
        rows: [{ values: [cellData(cell.value, cell.isDate, cell)] }],
        fields: fieldsFor([cell]),
      },
    });
  }
  const auditHeaders = plan.audit.filter((cell) => cell.header);
  const auditRows = plan.audit.filter((cell) => !cell.header);
  const auditId = newAuditSheetId ?? (plan.audit.length > 0 ? sheetIdOf('audit') : 0);
  if (auditHeaders.length > 0) {
    const first = Math.min(...auditHeaders.map((cell) => cell.column));
    requests.push({
      updateCells: {
        start: { sheetId: auditId, rowIndex: auditHeaders[0]!.row - 1, columnIndex: first },
        rows: [{ values: rowOf(auditHeaders).slice(first) }],
        fields: 'userEnteredValue',
      },
    });
  }
  const byTab = new Map<TabKey, CellWrite[]>();
  for (const cell of appended) byTab.set(cell.tab, [...(byTab.get(cell.tab) ?? []), cell]);
  for (const [tab, cells] of byTab) {
    requests.push({
      appendCells: {
        sheetId: sheetIdOf(tab),
        rows: groupByRow(cells).map((row) => ({ values: rowOf(row) })),
        fields: fieldsFor(cells),
      },
    });
  }
  if (auditRows.length > 0) {
    requests.push({
      appendCells: {
        sheetId: auditId,
        rows: groupByRow(auditRows).map((row) => ({ values: rowOf(row) })),
        fields: 'userEnteredValue',
      },
    });
  }
  return requests;
}
