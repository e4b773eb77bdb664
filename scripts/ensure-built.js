#!/usr/bin/env node
// Runs before `npm start` and the installed risk-bot command so the bot runs compiled JavaScript:
// transpiles src/ into build/ with esbuild (a fraction of a second; type-checking is tsc's job, in
// `npm run typecheck` and CI) when build/ is missing or older than any source file. Files are not
// bundled: build/<folder>/<file>.js sits as deep as src/<folder>/<file>.ts, so paths like
// new URL('../../config/default.json', import.meta.url) hold in both.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'build');
const stamp = join(out, '.built');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(src);
const newest = Math.max(
  ...files.map((file) => statSync(file).mtimeMs),
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: files,
    outdir: out,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file is written beside its place and renamed over it, never cleared first or written in
  // place: a bot or command starting meanwhile (two at once on a fresh clone) finds whole files.
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  writeFileSync(stamp, new Date().toISOString());
}
