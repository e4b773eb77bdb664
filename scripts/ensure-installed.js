#!/usr/bin/env node
// Runs before `npm start` and `npm test` so both work on a fresh clone:
// installs from the lock file when node_modules is missing or older than it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = new URL('../package-lock.json', import.meta.url);
const installed = new URL('../node_modules/.package-lock.json', import.meta.url);

const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  process.stderr.write('Installing dependencies from package-lock.json (first run)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: new URL('..', import.meta.url),
  });
  process.exit(result.status ?? 1);
}
