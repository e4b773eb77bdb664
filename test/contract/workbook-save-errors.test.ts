import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../src/adapters/workbook/create-workbook.js';
import { fileErrorWords } from '../../src/adapters/workbook/file-error.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { explainStartupError } from '../../src/composition/startup-error.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { type DomainError, isDomainError } from '../../src/domain/domain-error.js';
import { updateItem } from '../../src/use-cases/update-item.js';
import { workbookFolderPerTest } from '../helpers/workbook-folder.js';

const settings = loadSettings();
const today = '2026-11-23';

const folder = workbookFolderPerTest('workbook-save-');
let logged: string[];
const log = (text: string) => void logged.push(text);

beforeEach(() => {
  logged = [];
});

/** A copy of the sample register in the test's folder, under `name`. */
const register = (name?: string): Promise<string> => folder.copySample(name);

// The machine runs tests as root, which ignores file permissions. A name this long leaves no room
// for the temporary copy's name beside it (255 bytes at most), so every save fails, deterministically.
const LONG_NAME = `${'r'.repeat(240)}.xlsx`;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

function expectNoPath(message: string): void {
  expect(message).not.toContain(folder.dir());
  expect(message).not.toContain(basename(folder.dir()));
  expect(message).not.toContain(tmpdir());
  expect(message).not.toContain('rrrr');
  expect(message).not.toContain('/');
  expect(message).not.toMatch(/ENAMETOOLONG|EACCES|open '/);
}

describe('when a save of the register fails', () => {
  it('then the user is told in plain words, with no path or OS text; the path and cause go to the log; the file is unchanged', async () => {
    const path = await register(LONG_NAME);
    const before = await readFile(path);
    const store = new WorkbookRegisterStore({ path, tabs: settings.tabs, log });
    const error = await refusal(
      updateItem(
        { store, settings },
        {
          id: 'r1',
          actor: { id: 'U0PMO', programmeOffice: true },
          changes: [{ field: 'probability', value: '3' }],
          note: null,
          via: 'command',
          today,
          now: `${today}T10:00:00.000Z`,
        },
      ),
    );
    expect(error.code).toBe('store_failed');
    expect(error.message).toMatch(
      /^The register workbook could not be saved \(the file name is too long to save a copy beside it\)\. Nothing was written: it is as it was\. The bot's log has the details \(ref [0-9a-f]{8}\)\.$/,
    );
    expectNoPath(error.message);
    expect(error.details).toMatchObject({ path, ref: expect.any(String) });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`workbook error ${String(error.details.ref)}`);
    expect(logged[0]).toContain(path);
    expect(logged[0]).toContain('ENAMETOOLONG');
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(folder.dir())).toEqual([LONG_NAME]);
  }, 30_000);

  it('then with no log to refer to, the message gives no reference', async () => {
    const path = await register(LONG_NAME);
    const store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
    const error = await refusal(
      store.write({
        updates: [],
        inserts: [],
        audit: [
          {
            when: `${today}T10:00:00.000Z`,
            who: 'U1',
            item: 'R - 1',
            field: 'note',
            oldValue: '',
            newValue: 'x',
            via: 'command',
            note: 'x',
          },
        ],
      }),
    );
    expect(error.message).toBe(
      'The register workbook could not be saved (the file name is too long to save a copy beside it). Nothing was written: it is as it was.',
    );
  }, 30_000);

  it('then at the terminal (risk-bot, local mode) the operator is also shown the file', async () => {
    const path = await register(LONG_NAME);
    const store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
    const error = await refusal(
      store.write({
        updates: [],
        inserts: [],
        audit: [
          {
            when: `${today}T10:00:00.000Z`,
            who: 'U1',
            item: 'R - 1',
            field: 'note',
            oldValue: '',
            newValue: 'x',
            via: 'command',
            note: 'x',
          },
        ],
      }),
    );
    expect(explainStartupError(error)).toBe(`${error.message}\nFile: ${path}`);
  }, 30_000);
});

describe('when the register cannot be read while serving a request', () => {
  it('then a missing file is reported without its path', async () => {
    const path = join(folder.dir(), 'gone.xlsx');
    const error = await refusal(new WorkbookRegisterStore({ path, tabs: settings.tabs, log }).load());
    expect(error).toMatchObject({ code: 'unavailable', details: { path } });
    expect(error.message).toMatch(
      /^The register workbook was not found\. The bot's log has the details \(ref [0-9a-f]{8}\)\.$/,
    );
    expect(logged[0]).toContain(path);
  });
});

describe('when a new workbook cannot be created', () => {
  it('then the message names no path and nothing is left behind', async () => {
    const path = join(folder.dir(), LONG_NAME);
    const error = await refusal(createWorkbook(path, [{ title: 'Risks', headers: ['Risk ID'], rows: [['R-1']] }]));
    expect(error).toMatchObject({ code: 'store_failed', details: { path } });
    expect(error.message).toBe(
      'The workbook could not be created (the file name is too long to save a copy beside it); nothing was written.',
    );
    expectNoPath(error.message);
    expect(await readdir(folder.dir())).toEqual([]);
  });
});

describe('file-system errors in plain words', () => {
  it.each([
    ['EACCES', "EACCES: permission denied, open '/srv/risk/.register.xlsx.1.ab.tmp'", 'permission denied'],
    ['ENOSPC', "ENOSPC: no space left on device, write '/srv/risk/.register.xlsx.1.ab.tmp'", 'the disk is full'],
    ['EXDEV', "EXDEV: cross-device link not permitted, rename '/a' -> '/b'", 'a file-system error, EXDEV'],
    [undefined, 'Corrupted zip: /srv/risk/register.xlsx', 'an unexpected error'],
  ])('when the code is %s, then the words name no file', (code, text, words) => {
    expect(fileErrorWords(Object.assign(new Error(text), { code }))).toBe(words);
  });
});
