import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * What identifies one saved version of the workbook, to notice a save by
 * someone else. Size, modification time and inode are cheap but not enough:
 * a save in the same clock tick (Linux stamps files from a coarse clock,
 * FAT and many network shares to the second or two), or by a program that
 * keeps the time, with the same size, looks the same. The content's hash
 * tells them apart.
 */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The file's bytes and their version, read from one open file so both describe the same save. */
export async function readVersioned(path: string): Promise<{ bytes: Buffer; version: FileVersion }> {
  const handle = await open(path, 'r');
  try {
    const { size, mtimeMs, ino } = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, version: { size, mtimeMs, ino, sha256: hashOf(bytes) } };
  } finally {
    await handle.close();
  }
}

/** Whether the file at `path` is still the version read: same size, time and inode first, then the same bytes. */
export async function isUnchanged(path: string, read: FileVersion): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // Gone (moved away, or mid-rename by another program): not the version read.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size, mtimeMs, ino } = await handle.stat();
    if (size !== read.size || mtimeMs !== read.mtimeMs || ino !== read.ino) return false;
    return hashOf(await handle.readFile()) === read.sha256;
  } finally {
    await handle.close();
  }
}
