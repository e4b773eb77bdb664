import { existsSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockPath, lockWorkbook } from '../../src/adapters/workbook/workbook-lock.js';
import { DomainError } from '../../src/domain/domain-error.js';
import { workbookFolderPerTest } from '../helpers/workbook-folder.js';

/**
 * The lock that lets one process at a time write a workbook, in this
 * process: what it writes, what counts as held, and what is taken over. The
 * same lock between real processes (the bot, local mode, risk-bot) is in
 * test/integration/workbook-lock.test.ts.
 */
const DEAD_PID = 999_999;
const folder = workbookFolderPerTest('workbook-lock-');

const plant = async (path: string, holder: Record<string, unknown>) =>
  writeFile(
    lockPath(path),
    JSON.stringify({
      host: hostname(),
      boot: '',
      purpose: 'a test',
      since: '2026-11-23T09:00:00Z',
      token: 't',
      ...holder,
    }),
  );

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('the workbook lock', () => {
  it('is a hidden file beside the workbook naming this process, shared by openings in the process, gone when the last lets go', async () => {
    const path = await folder.copySample();
    const first = await lockWorkbook(path, 'the Slack bot (npm start)');
    const second = await lockWorkbook(path, 'another store in the same process');
    expect(lockPath(path)).toBe(`${folder.dir()}/.register.xlsx.risk-bot-lock`);
    expect(JSON.parse(await readFile(lockPath(path), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
      purpose: 'the Slack bot (npm start)',
    });
    first.release();
    expect(existsSync(lockPath(path))).toBe(true);
    second.release();
    second.release();
    expect(existsSync(lockPath(path))).toBe(false);
  });

  it('when two openings in the process take it at the same moment, then they share one lock', async () => {
    const path = await folder.copySample();
    const [first, second] = await Promise.all([lockWorkbook(path, 'one store'), lockWorkbook(path, 'another store')]);
    first.release();
    expect(JSON.parse(await readFile(lockPath(path), 'utf8'))).toMatchObject({
      pid: process.pid,
      purpose: 'one store',
    });
    second.release();
    expect(existsSync(lockPath(path))).toBe(false);
  });

  it('when a running process holds it, then it is refused naming that process and what to do', async () => {
    const path = await folder.copySample();
    // The test runner's parent process is running, and is not this one.
    await plant(path, { pid: process.ppid, purpose: 'the Slack bot (npm start)' });
    const error = await refusal(lockWorkbook(path, 'local mode (npm start)'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(
      `The register workbook register.xlsx is open for writing by another risk-bot process: pid ${process.ppid}, the Slack bot (npm start), since 2026-11-23T09:00:00Z.`,
    );
    expect(error.message).toContain('Stop that process first');
    expect(error.message).toContain('delete the lock file .register.xlsx.risk-bot-lock');
    expect(error.message).not.toContain(folder.dir());
    expect(error.details).toMatchObject({ path, pid: process.ppid });
  });

  it('when a process on another machine holds it, then it is refused naming the machine, since its pid cannot be checked from here', async () => {
    const path = await folder.copySample();
    await plant(path, { pid: DEAD_PID, host: 'other-host.example' });
    expect((await refusal(lockWorkbook(path, 'local mode'))).message).toContain(
      `pid ${DEAD_PID} on other-host.example`,
    );
  });

  it.each([
    ['its process is no longer running', { pid: DEAD_PID }],
    ['it is from before the machine restarted', { pid: process.ppid, boot: 'an-earlier-boot' }],
    ['it names this process, which does not hold it (a reused pid)', { pid: process.pid }],
  ])('when %s, then it is taken over', async (_why, holder) => {
    const path = await folder.copySample();
    if ('boot' in holder && !existsSync('/proc/sys/kernel/random/boot_id')) return;
    await plant(path, holder);
    const lock = await lockWorkbook(path, 'local mode');
    expect(JSON.parse(await readFile(lockPath(path), 'utf8'))).toMatchObject({
      pid: process.pid,
      purpose: 'local mode',
    });
    lock.release();
  });

  it('when it is empty or garbled, then it is waited for a moment (its maker may be writing it), then taken over', async () => {
    const path = await folder.copySample();
    await writeFile(lockPath(path), '');
    const old = Date.now() / 1000 - 5;
    await utimes(lockPath(path), old, old);
    const lock = await lockWorkbook(path, 'local mode');
    lock.release();
    await writeFile(lockPath(path), '{"pid":');
    const started = Date.now();
    const again = await lockWorkbook(path, 'local mode');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    again.release();
  });

  it('when the folder cannot take a file, then it says so without the path', async () => {
    const path = `${folder.dir()}/no-such-folder/register.xlsx`;
    const error = await refusal(lockWorkbook(path, 'local mode'));
    expect(error.message).toBe(
      'The register workbook register.xlsx could not be locked for writing (the file or its folder is missing): the bot needs to create files in its folder.',
    );
  });
});
