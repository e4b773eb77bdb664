import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { CellValue } from '../../domain/cell.js';
import { fileErrorWords, type WorkbookLog, workbookFailure } from '../workbook/file-error.js';
import { dateOrder, monthFirstToIso } from './csv-dates.js';
import { parseCsv } from './csv-text.js';

/** One CSV file as a tab: titled by its file name, its lines as rows of cells from column A. */
export interface CsvTab {
  title: string;
  rows: CellValue[][];
}

/** Whether a path names a CSV register: a .csv file, or a folder (one holding .csv files is checked on reading). */
export async function isCsvRegister(path: string): Promise<boolean> {
  if (/\.csv$/i.test(path)) return true;
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

// Windows-1252's 0x80-0x9F, where it differs from Latin-1 ("–" is 0x96, "€" 0x80); 0 where it has no character.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Node 20's TextDecoder reads "windows-1252" as Latin-1, turning "–" into a control character: decoded by hand. */
function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] || byte : byte);
  return text;
}

/**
 * Text as saved by whatever made the file: UTF-8 (with or without a byte-order mark), UTF-16 when
 * it starts with that mark, and otherwise Windows-1252, which Excel's plain "CSV" uses in the UK
 * ("£", "–"), rather than replacement characters.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

/** One file's lines, its numeric dates made ISO when the file writes them month first. */
export function csvTab(title: string, text: string): CsvTab {
  const { rows } = parseCsv(text);
  const convert = dateOrder(rows) === 'month-first' ? monthFirstToIso : (cell: string) => cell;
  return { title, rows: rows.map((row) => row.map((cell) => (cell === '' ? null : convert(cell)))) };
}

async function filesOf(path: string, log: WorkbookLog | undefined): Promise<string[]> {
  let names: string[] | null;
  try {
    names = (await stat(path)).isDirectory() ? await readdir(path) : null;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const words = missing
      ? 'The register CSV file was not found.'
      : `The register CSV file could not be read (${fileErrorWords(error)}).`;
    throw workbookFailure('unavailable', words, path, error, log);
  }
  if (names === null) return [path];
  const csvs = names.filter((name) => /\.csv$/i.test(name) && !name.startsWith('.')).sort();
  if (csvs.length === 0)
    throw workbookFailure('unavailable', 'The register folder holds no .csv files.', path, 'no .csv files', log);
  return csvs.map((name) => join(path, name));
}

/**
 * The CSV register at `path` read afresh: a .csv file is one tab, a folder
 * one tab per .csv file in it (as a spreadsheet exports each of its tabs),
 * each titled by its file name without ".csv". `source` names it in
 * messages: the file, or "folder/*.csv".
 */
export async function readCsvTabs(path: string, log?: WorkbookLog): Promise<{ source: string; tabs: CsvTab[] }> {
  const tabs: CsvTab[] = [];
  const files = await filesOf(path, log);
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw workbookFailure(
        'unavailable',
        `A register CSV file could not be read (${fileErrorWords(error)}).`,
        file,
        error,
        log,
      );
    }
    tabs.push(csvTab(basename(file, extname(file)), decode(bytes)));
  }
  return { source: files[0] === path ? path : join(path, '*.csv'), tabs };
}
