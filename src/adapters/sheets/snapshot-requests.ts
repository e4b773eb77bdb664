import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../../domain/cell.js';
import { SNAPSHOT_TAB_TITLE } from '../../domain/register/snapshot-tab.js';
import { findSheet } from './sheet-tabs.js';
import type { SheetInfo } from './sheets-api.js';

type Request = sheets_v4.Schema$Request;

/**
 * The hidden snapshot tab made afresh with `rows` (what the register holds,
 * to see later what people changed): the old one deleted and a new one
 * added with room for exactly these rows, in the write's own batch. Text is
 * written as text, never parsed ("2.1" stays "2.1", "=x" is no formula).
 */
export function snapshotRequests(
  rows: readonly (readonly CellValue[])[] | undefined,
  infos: readonly SheetInfo[],
): { requests: Request[]; info?: SheetInfo } {
  if (rows === undefined) return { requests: [] };
  const old = findSheet(infos, SNAPSHOT_TAB_TITLE);
  // Clear of the scratch and new Audit tab IDs (+1, +2) a batch may add.
  const id = Math.max(0, ...infos.map((info) => info.sheetId)) + 3;
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const cell = (value: CellValue) =>
    value === null || value === ''
      ? {}
      : typeof value === 'number'
        ? { userEnteredValue: { numberValue: value } }
        : { userEnteredValue: { stringValue: String(value) } };
  const info = { sheetId: id, title: SNAPSHOT_TAB_TITLE, rowCount: Math.max(1, rows.length), columnCount: columns };
  const requests = [
    ...(old ? [{ deleteSheet: { sheetId: old.sheetId } }] : []),
    {
      addSheet: {
        properties: {
          sheetId: id,
          title: SNAPSHOT_TAB_TITLE,
          hidden: true,
          gridProperties: { rowCount: Math.max(1, rows.length), columnCount: columns },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId: id, rowIndex: 0, columnIndex: 0 },
        rows: rows.map((row) => ({ values: row.map(cell) })),
        fields: 'userEnteredValue',
      },
    },
  ];
  return { requests, info };
}
