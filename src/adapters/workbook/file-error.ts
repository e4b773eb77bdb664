import { DomainError } from '../../domain/domain-error.js';
import { logRef } from '../log/log.js';

/** What the operator's log is written with; the workbook adapter has no other way to report. */
export type WorkbookLog = (text: string) => void;

// Node's own text names the file ("EACCES: permission denied, open '/srv/…'"), so users get these words instead.
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the file or its folder is missing',
  ENOTDIR: 'part of its folder path is not a folder',
  EISDIR: 'a folder is in the way',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this system',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the file name is too long to save a copy beside it',
  EBUSY: 'the file is in use',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'a disk error',
};

/** A file-system failure in plain words, naming no file: "permission denied", "the disk is full". */
export function fileErrorWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return 'an unexpected error';
  return WORDS[code] ?? `a file-system error, ${code}`;
}

/**
 * A failure of the workbook file as a DomainError. Its message is shown in
 * Slack, so it names no path and quotes no OS text; the path and the cause
 * go in `details` and, under a reference the message gives, in the log.
 */
export function workbookFailure(
  code: 'unavailable' | 'store_failed',
  words: string,
  path: string,
  error: unknown,
  log: WorkbookLog | undefined,
): DomainError {
  const ref = logRef();
  const cause = error instanceof Error ? error.message : String(error);
  log?.(`workbook error ${ref}: ${words} File: ${path}. Cause: ${cause}`);
  const message = log === undefined ? words : `${words} The bot's log has the details (ref ${ref}).`;
  return new DomainError(code, message, { path, ref, cause: error }, { cause: error });
}
