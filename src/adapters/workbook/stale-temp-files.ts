import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempFileWriter } from './atomic-write.js';
import { isRunning } from './is-running.js';

/**
 * Removes the temporary copies of the workbook at `path` that a save killed
 * between writing and renaming left behind: each is a full copy of the
 * register. Only files named as writeWorkbookFile names them for this
 * workbook, and only those whose writer is no longer running: another
 * process may be mid-save. Never throws; returns how many were removed.
 */
export async function removeStaleTempFiles(path: string, log?: (text: string) => void): Promise<number> {
  const folder = dirname(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const pid = tempFileWriter(name, basename(path));
    if (pid === undefined || isRunning(pid)) continue;
    const file = join(folder, name);
    try {
      // A regular file only: a link or folder of that name was not made by a save.
      if (!(await lstat(file)).isFile()) continue;
      await unlink(file);
      removed += 1;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        log?.(`workbook: could not remove the stale temporary copy ${file} (${code ?? String(error)})`);
    }
  }
  if (removed > 0)
    log?.(
      `workbook ${basename(path)}: removed ${removed} temporary cop${removed === 1 ? 'y' : 'ies'} left by saves that were cut off`,
    );
  return removed;
}
