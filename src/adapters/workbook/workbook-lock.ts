import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../../domain/domain-error.js';
import { inQueue } from '../shared/keyed-queue.js';
import { fileErrorWords } from './file-error.js';
import { isRunning } from './is-running.js';

/** Who holds a workbook: written into the lock file as JSON. */
interface Holder {
  pid: number;
  host: string;
  /** Linux's boot ID: a lock from before a restart of the machine is stale whatever its pid. */
  boot: string;
  /** What the process is, for the message another one gets: "the Slack bot (npm start)". */
  purpose: string;
  since: string;
  /** Tells this lock from one a later process with a reused pid took. */
  token: string;
}

export interface WorkbookLock {
  /** Gives the lock up (once every opening of it in this process has). Never throws. */
  release(): void;
}

/** The lock beside a workbook: `.register.xlsx.risk-bot-lock`. */
export function lockPath(workbook: string): string {
  return join(dirname(workbook), `.${basename(workbook)}.risk-bot-lock`);
}

/** Locks this process holds, by lock path: a second opening in the process shares the first's. */
const held = new Map<string, { token: string; count: number }>();

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function removeIfOurs(path: string, token: string): void {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (holder.token === token) unlinkSync(path);
  } catch {
    // Gone already, or no longer ours: nothing to give up.
  }
}

let exitHookInstalled = false;
function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on a normal end and on process.exit (the bot's SIGTERM handling ends so); a SIGKILL leaves a
  // lock whose pid is dead, which the next start takes over.
  process.on('exit', () => {
    for (const [path, { token }] of held) removeIfOurs(path, token);
    held.clear();
  });
}

async function readHolder(path: string): Promise<{ text: string; holder: Holder | null } | 'gone'> {
  try {
    const text = await readFile(path, 'utf8');
    try {
      const holder = JSON.parse(text) as Holder;
      return { text, holder: Number.isInteger(holder.pid) ? holder : null };
    } catch {
      return { text, holder: null };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/** Whether the holder's process is, as far as this machine can tell, still running. */
function stillHeld(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.boot !== '' && holder.boot !== bootId()) return false;
  // Our own pid in a lock this process does not hold: a lock left by an earlier process that had our pid.
  if (holder.pid === process.pid) return false;
  return isRunning(holder.pid);
}

/**
 * Moves a stale lock out of the way. If another process took it over in the
 * meantime, what was moved is its fresh lock: that is put back. (Three
 * processes starting in the same instant over a stale lock could still slip
 * through; the version check before every save remains behind it.)
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== staleText) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function refusal(workbook: string, path: string, holder: Holder): DomainError {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return new DomainError(
    'unavailable',
    `The register workbook ${basename(workbook)} is open for writing by another risk-bot process: ` +
      `pid ${holder.pid}${where}, ${holder.purpose}, since ${holder.since}. Two processes writing one workbook ` +
      `lose each other's changes, so this one did not start. Stop that process first and start this again ` +
      `(to run several bots, use a Google Sheet). If pid ${holder.pid} is not a risk-bot, delete the lock file ` +
      `${basename(path)} beside the workbook.`,
    { path: workbook, lock: path, pid: holder.pid, host: holder.host },
  );
}

/**
 * Takes the lock that lets one process at a time write the workbook: a file
 * beside it, created only if absent (O_EXCL), naming this process. A lock
 * whose process is no longer running (killed, or from before a restart of
 * the machine) is taken over. Given up on exit. Refused with a message that
 * names the process holding it and says what to do.
 */
export async function lockWorkbook(workbook: string, purpose: string): Promise<WorkbookLock> {
  const path = lockPath(resolve(workbook));
  // Openings in this process one at a time, so a second sees the first's lock as this process's own.
  return inQueue(`lock:${path}`, () => takeLock(workbook, path, purpose));
}

async function takeLock(workbook: string, path: string, purpose: string): Promise<WorkbookLock> {
  const release = (): void => {
    const mine = held.get(path);
    if (mine === undefined) return;
    mine.count -= 1;
    if (mine.count > 0) return;
    held.delete(path);
    removeIfOurs(path, mine.token);
  };
  const mine = held.get(path);
  if (mine !== undefined) {
    mine.count += 1;
    return { release };
  }
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    boot: bootId(),
    purpose,
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + 2000;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(holder));
        await handle.sync();
      } finally {
        await handle.close();
      }
      held.set(path, { token: holder.token, count: 1 });
      releaseAllOnExit();
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DomainError(
          'unavailable',
          `The register workbook ${basename(workbook)} could not be locked for writing (${fileErrorWords(error)}): ` +
            'the bot needs to create files in its folder.',
          { path: workbook, lock: path },
          { cause: error },
        );
      }
    }
    const found = await readHolder(path);
    if (found === 'gone') continue;
    if (found.holder !== null && stillHeld(found.holder)) throw refusal(workbook, path, found.holder);
    // Empty or garbled: its creator may be writing it this instant; past a moment, it died doing so.
    const young =
      Date.now() -
        (await stat(path).then(
          (s) => s.mtimeMs,
          () => 0,
        )) <
      1000;
    if (found.holder === null && young && Date.now() < deadline) {
      await new Promise((settle) => setTimeout(settle, 50));
      continue;
    }
    await takeOver(path, found.text);
  }
}
