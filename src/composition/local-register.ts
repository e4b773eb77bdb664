import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkbook } from '../adapters/workbook/create-workbook.js';
import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { buildSampleRegister } from '../sample/sample-register.js';

/** Local mode's register: a working copy, so console edits never touch the committed sample. */
export const LOCAL_REGISTER_PATH = fileURLToPath(new URL('../../.local/register.xlsx', import.meta.url));

/** Builds the sample register around `today` at `path` unless a copy is there already. */
export async function ensureLocalRegister(path: string, settings: Settings, today: IsoDate): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  await createWorkbook(path, buildSampleRegister(today, settings.tabs));
  return path;
}
