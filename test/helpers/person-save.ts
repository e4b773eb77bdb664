import { readFileSync } from 'node:fs';
import { copyFile, rename, utimes, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { PersonSave } from './workbook-person.js';

/**
 * Another program on the machine: a person's spreadsheet program saving the
 * workbook, run as its own process by workbook-person.ts with what to save
 * on stdin (JSON). Exits non-zero, saying why on stderr, if it could not.
 */

/** `bytes` (a zip with no comment, as exceljs writes) made `size` long by a zip file comment: a valid .xlsx still. */
function withZipComment(bytes: Buffer, size: number): Buffer {
  const end = bytes.length - 22;
  if (bytes.readUInt32LE(end) !== 0x06054b50) throw new Error('expected a zip ending in a comment-less directory');
  const pad = size - bytes.length;
  if (pad < 0 || pad > 0xffff) throw new Error(`cannot pad ${bytes.length} bytes to ${size}`);
  const padded = Buffer.concat([bytes, Buffer.alloc(pad, 0x20)]);
  padded.writeUInt16LE(pad, end + 20);
  return padded;
}

async function save(spec: PersonSave): Promise<void> {
  if (spec.kind === 'copy') {
    // As Excel saves: a new file beside the old one, renamed over it.
    const temp = `${spec.path}.~person`;
    await copyFile(spec.from, temp);
    await rename(temp, spec.path);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(spec.path);
  const sheet = workbook.getWorksheet(spec.title);
  if (!sheet) throw new Error(`no tab ${spec.title}`);
  const height = Math.max(sheet.rowCount, spec.rows.length);
  const width = Math.max(sheet.columnCount, ...spec.rows.map((row) => row.length));
  for (let r = 0; r < height; r += 1) {
    for (let c = 0; c < width; c += 1) sheet.getCell(r + 1, c + 1).value = spec.rows[r]?.[c] ?? null;
  }
  const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  if (spec.keepSizeAndTime === undefined) {
    await writeFile(spec.path, bytes);
    return;
  }
  // Rewritten in place (same inode) to the same size, and the time put back: what a program that keeps
  // times, or a file system that stamps to the second, shows of a save made in the same second.
  const { size, mtimeMs } = spec.keepSizeAndTime;
  await writeFile(spec.path, withZipComment(bytes, size));
  await utimes(spec.path, mtimeMs / 1000, mtimeMs / 1000);
}

try {
  await save(JSON.parse(readFileSync(0, 'utf8')) as PersonSave);
} catch (error) {
  process.stderr.write(`person-save: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
