import { expect } from 'vitest';
import type { StoredCell } from './corpus.js';
import { rawCell } from './slack-harness.js';

// C0 controls and DEL, except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The cell, read from the .xlsx itself, holds the text as a plain string: no formula, no control characters. */
export async function expectStoredAsText(path: string, cell: StoredCell): Promise<void> {
  const found = await rawCell(path, cell);
  expect(found.formula, `${cell.tab} ${cell.id ?? '(last line)'} ${cell.column} holds a formula`).toBeUndefined();
  expect(typeof found.value, `${cell.tab} ${cell.id ?? '(last line)'} ${cell.column} is not a string`).toBe('string');
  const text = found.value as string;
  if (cell.value !== undefined) expect(text).toBe(cell.value);
  for (const words of cell.contains ?? []) expect(text).toContain(words);
  expect(text).not.toMatch(CONTROL);
}
