import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-command.js';

/**
 * The shape of `src` as STYLE.md draws it, checked on the import graph:
 * dependencies point inward (the domain imports nothing outside itself and
 * no I/O; ports only the domain; use cases no adapter, wiring or I/O), and
 * no module imports itself through others.
 */
const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports or re-exports, type-only ones included: relative ones as repo paths (src/…), packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3]!);
  return specifiers.map((spec) =>
    spec.startsWith('.') ? relative(REPO_ROOT, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))) : spec,
  );
}

const graph = new Map(sourceFiles(SRC).map((file) => [relative(REPO_ROOT, file), importsOf(file)]));
const modulesUnder = (folder: string) => [...graph].filter(([file]) => file.startsWith(`src/${folder}/`));
const isPackage = (target: string) => !target.startsWith('src/');

/** Imports that break a rule, as "file -> target". */
function breaking(folder: string, allowed: (target: string) => boolean): string[] {
  return modulesUnder(folder).flatMap(([file, targets]) =>
    targets.filter((target) => !allowed(target)).map((target) => `${file} -> ${target}`),
  );
}

/** Tarjan's strongly connected components with more than one module, or one that imports itself. */
function cycles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of (graph.get(node) ?? []).filter((target) => graph.has(target))) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('the import graph of src', () => {
  it('reads every module (the check is not vacuous)', () => {
    expect(modulesUnder('domain').length).toBeGreaterThan(30);
    expect(graph.get('src/domain/register/read-register.ts')).toContain('src/domain/register/raw-register.ts');
  });

  it('the domain imports only the domain: no ports, config, messages, use cases, adapters, packages or Node I/O', () => {
    expect(breaking('domain', (target) => target.startsWith('src/domain/'))).toEqual([]);
  });

  it('ports import only the domain and the descriptions of messages', () => {
    expect(
      breaking('ports', (target) =>
        ['src/domain/', 'src/ports/', 'src/messages/'].some((folder) => target.startsWith(folder)),
      ),
    ).toEqual([]);
  });

  it('use cases import the domain, ports, messages and each other, and no adapter, wiring, job, Slack, Google or Node I/O', () => {
    const inward = ['src/domain/', 'src/ports/', 'src/messages/', 'src/use-cases/', 'src/config/'];
    expect(
      breaking('use-cases', (target) => !isPackage(target) && inward.some((folder) => target.startsWith(folder))),
    ).toEqual([]);
  });

  it('messages describe what to say without I/O: the domain and each other only', () => {
    expect(
      breaking('messages', (target) => target.startsWith('src/domain/') || target.startsWith('src/messages/')),
    ).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });
});
