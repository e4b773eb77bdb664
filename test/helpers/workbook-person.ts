import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { readCell } from '../../src/adapters/workbook/cell-values.js';
import type { CellValue } from '../../src/domain/cell.js';
import { runTs } from './run-command.js';

/** What the person's program saves (see person-save.ts, which does it in a process of its own). */
export type PersonSave =
  /** A copy of the workbook made earlier, saved over it (renamed into place, as Excel saves). */
  | { kind: 'copy'; from: string; path: string }
  /** The tab's cells as given, saved in place; with `keepSizeAndTime`, to that size and time. */
  | {
      kind: 'cells';
      path: string;
      title: string;
      rows: CellValue[][];
      keepSizeAndTime?: { size: number; mtimeMs: number };
    };

/** Saves the workbook from another process, as a person's spreadsheet program would; resolves once it is saved. */
export async function personSaves(spec: PersonSave): Promise<void> {
  const { code, stderr } = await runTs('test/helpers/person-save.ts', [], {}, JSON.stringify(spec));
  if (code !== 0) throw new Error(`the person's save failed (${code}): ${stderr}`);
}

/** A tab's rows as a person sees them (dates as serial numbers), header line first. */
export async function workbookRows(path: string, title: string): Promise<CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(title);
  if (!sheet) throw new Error(`no tab ${title}`);
  return Array.from({ length: sheet.rowCount }, (_, r) => {
    const row = sheet.getRow(r + 1);
    return Array.from({ length: row.cellCount }, (_, c) => readCell(row.getCell(c + 1)));
  });
}

/**
 * Gives the workbook room to be saved again at the same size (a zip comment
 * of `room` bytes, which every reader skips) and a modification time on a
 * whole second, so a later save can keep both exactly.
 */
export async function allowSameSizeSaves(path: string, room = 8192): Promise<{ size: number; mtimeMs: number }> {
  const bytes = await readFile(path);
  const end = bytes.length - 22;
  if (bytes.readUInt32LE(end) !== 0x06054b50) throw new Error('expected a zip ending in a comment-less directory');
  const padded = Buffer.concat([bytes, Buffer.alloc(room, 0x20)]);
  padded.writeUInt16LE(room, end + 20);
  await writeFile(path, padded);
  const second = Math.floor(Date.now() / 1000) - 60;
  await utimes(path, second, second);
  const { size, mtimeMs } = await stat(path);
  return { size, mtimeMs };
}
