import ExcelJS from 'exceljs';
import { fileErrorWords, type WorkbookLog, workbookFailure } from './file-error.js';
import { type FileVersion, readVersioned } from './file-version.js';

/**
 * The workbook at `path` parsed, with the version of the bytes parsed. A
 * missing, unreadable or broken file is `unavailable`, in words for Slack
 * users (no path; the path and cause go to `log` under the reference given).
 */
export async function openWorkbook(
  path: string,
  log: WorkbookLog | undefined,
): Promise<{ workbook: ExcelJS.Workbook; version: FileVersion }> {
  let read: Awaited<ReturnType<typeof readVersioned>>;
  try {
    read = await readVersioned(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const words = missing
      ? 'The register workbook was not found.'
      : `The register workbook could not be read (${fileErrorWords(error)}).`;
    throw workbookFailure('unavailable', words, path, error, log);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(read.bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const words = 'The register workbook could not be read: it is not a valid .xlsx file.';
    throw workbookFailure('unavailable', words, path, error, log);
  }
  return { workbook, version: read.version };
}
