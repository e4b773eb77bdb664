import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';

// ".register.xlsx.<pid>.<8 hex>.tmp": the writer's pid lets a later start tell a killed save's copy from a live one.
const TEMP_TAIL = /^\.([1-9]\d{0,9})\.[0-9a-f]{8}\.tmp$/;

/** The pid of the process writing `name`, when it is one of writeWorkbookFile's temporary files for `workbook` (a basename). */
export function tempFileWriter(name: string, workbook: string): number | undefined {
  const head = `.${workbook}`;
  if (!name.startsWith(head)) return undefined;
  const match = TEMP_TAIL.exec(name.slice(head.length));
  return match ? Number(match[1]) : undefined;
}

/**
 * Saves a workbook by writing a temporary file in the same folder and renaming
 * it over the original, so a reader, a crash or a failed write never sees a
 * half-written file: the original stays as it was until the rename.
 * `beforeRename` may throw to abandon the write (the temporary file is removed).
 */
export async function writeWorkbookFile(
  workbook: ExcelJS.Workbook,
  path: string,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const data = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // Same folder, so the rename stays on one file system and is atomic; dot-prefixed to stay out of sight.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const mode = await stat(path).then(
      (s) => s.mode,
      () => undefined,
    );
    if (mode !== undefined) await chmod(temp, mode & 0o777);
    await beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
