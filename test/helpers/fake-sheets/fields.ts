/**
 * A fields mask ("sheets(properties(sheetId,title),conditionalFormats)",
 * "userEnteredValue,userEnteredFormat.numberFormat") as dotted paths.
 */
export function fieldPaths(fields: string): string[] {
  const paths: string[] = [];
  let i = 0;
  const list = (prefix: string): void => {
    for (;;) {
      let name = '';
      while (i < fields.length && !',()'.includes(fields[i]!)) name += fields[i++];
      const path = prefix + name.trim();
      if (fields[i] === '(') {
        i++;
        list(`${path}.`);
        i++; // ')'
      } else if (name.trim() !== '') {
        paths.push(path);
      }
      if (fields[i] === ',') {
        i++;
        continue;
      }
      return;
    }
  };
  list('');
  return paths;
}

/** Whether a mask covers `name` (itself, a part of it, or "*"). */
export function covers(paths: readonly string[], name: string): boolean {
  return paths.some((p) => p === '*' || p === name || p.startsWith(`${name}.`));
}

type Tree = Map<string, Tree | true>;

function treeOf(paths: readonly string[]): Tree {
  const root: Tree = new Map();
  for (const path of paths) {
    const parts = path.split('.');
    let node = root;
    parts.forEach((part, k) => {
      if (k === parts.length - 1) {
        node.set(part, true);
        return;
      }
      const next = node.get(part);
      if (next === true) return;
      const child: Tree = next ?? new Map();
      node.set(part, child);
      node = child;
    });
  }
  return root;
}

function pick(value: unknown, tree: Tree | true): unknown {
  if (tree === true || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((item) => pick(item, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = pick(v, sub);
  }
  return out;
}

/** Keeps only what a partial-response `fields` parameter asks for, as Google does. */
export function applyFieldMask(value: unknown, fields: string | undefined): unknown {
  return fields === undefined || fields.trim() === '' ? value : pick(value, treeOf(fieldPaths(fields)));
}
