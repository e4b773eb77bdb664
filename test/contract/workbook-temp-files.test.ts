import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { openStore } from '../../src/composition/open-store.js';
import { readEnv } from '../../src/config/env.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { workbookFolderPerTest } from '../helpers/workbook-folder.js';

const settings = loadSettings();
const today = '2026-11-23';
const DEAD_PID = 999_999;

const folder = workbookFolderPerTest('workbook-temp-');
let logged: string[];
const log = (text: string) => void logged.push(text);

beforeEach(() => {
  logged = [];
});

/** A copy of the sample register in the test's folder, under `name`. */
const register = (name?: string): Promise<string> => folder.copySample(name);

describe('when a save was killed between writing its temporary copy and renaming it', () => {
  const dead = `.register.xlsx.${DEAD_PID}.deadbeef.tmp`;
  const live = `.register.xlsx.${process.pid}.cafef00d.tmp`;
  // Each is near the pattern but not a stale copy of this workbook, or is a copy a running process is writing.
  const keep = [
    live,
    'notes.txt',
    `register.xlsx.${DEAD_PID}.deadbeef.tmp`,
    `.other.xlsx.${DEAD_PID}.deadbeef.tmp`,
    `.register.xlsx.${DEAD_PID}.deadbeef.tmp.bak`,
    `.register.xlsx.${DEAD_PID}.DEADBEEF.tmp`,
    `.register.xlsx.${DEAD_PID}.tmp`,
  ];

  async function plant(): Promise<void> {
    expect(() => process.kill(DEAD_PID, 0), `process ${DEAD_PID} must not be running for this test`).toThrow();
    for (const name of [dead, ...keep]) await writeFile(join(folder.dir(), name), 'a full copy of the register');
    // A folder with a stale copy's name was not made by a save.
    await mkdir(join(folder.dir(), `.register.xlsx.${DEAD_PID}.0badf00d.tmp`));
  }

  it("then opening the store removes the copy whose writer is dead, and keeps a live writer's copy and every other file", async () => {
    const path = await register();
    await plant();
    const store = await WorkbookRegisterStore.open({ path, tabs: settings.tabs, log });
    await store.close();
    expect((await readdir(folder.dir())).sort()).toEqual(
      [...keep, `.register.xlsx.${DEAD_PID}.0badf00d.tmp`, 'register.xlsx'].sort(),
    );
    expect(logged).toEqual(['workbook register.xlsx: removed 1 temporary copy left by saves that were cut off']);
    expect((await store.load()).tabs.risks.rows.length).toBeGreaterThan(0);
  });

  it("then the bot's start (openStore with a workbook) removes it too", async () => {
    const path = await register();
    await plant();
    const { store } = await openStore({ workbook: path }, readEnv({}), settings, today, log);
    expect(await readdir(folder.dir())).not.toContain(dead);
    expect(await readdir(folder.dir())).toContain(live);
    expect((await store.load()).source).toBe(path);
  });

  it('then with no stale copy nothing is removed or logged', async () => {
    const path = await register();
    await (await WorkbookRegisterStore.open({ path, tabs: settings.tabs, log })).close();
    expect(await readdir(folder.dir())).toEqual(['register.xlsx']);
    expect(logged).toEqual([]);
  });
});
