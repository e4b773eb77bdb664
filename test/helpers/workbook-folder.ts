import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { REPO_ROOT } from './run-command.js';

/** A fresh folder for each test, removed after it, where copies of the sample register can be put under any name. */
export function workbookFolderPerTest(prefix: string): { dir(): string; copySample(name?: string): Promise<string> } {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async copySample(name = 'register.xlsx') {
      const path = join(dir, name);
      await copyFile(join(REPO_ROOT, 'config/sample-register.xlsx'), path);
      return path;
    },
  };
}
