import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bankHolidays } from './bank-holidays.js';
import { resolveSettings, type Settings, SettingsError } from './settings.js';

/** The settings shipped in the repo's `config/` folder. */
export const DEFAULT_SETTINGS_PATH = fileURLToPath(new URL('../../config/default.json', import.meta.url));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) in `override` replaces. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError([`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`], path);
  }
  try {
    // Editors on Windows may save a byte order mark, which JSON.parse does not expect.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SettingsError([`not valid JSON: ${(error as Error).message}`], path);
  }
}

/**
 * Loads `config/default.json`, with the file at `overridePath` (if any)
 * merged over it, so a board's own config need hold only what differs.
 */
export function loadSettings(overridePath?: string): Settings {
  const base = readJson(DEFAULT_SETTINGS_PATH);
  if (overridePath === undefined) return resolveSettings(base, DEFAULT_SETTINGS_PATH, (nation) => bankHolidays(nation));
  return resolveSettings(deepMerge(base, readJson(overridePath)), overridePath, (nation) => bankHolidays(nation));
}
