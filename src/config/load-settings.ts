import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ukBankHolidays } from '../adapters/calendar/uk-bank-holidays.js';
import { withBuiltInHeaders } from './header-names.js';
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

/** A board's file over the defaults, its header names added to the built-in ones (header-names.ts). */
function mergeOver(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override) || !('tabs' in override)) return deepMerge(base, override);
  return deepMerge(base, { ...override, tabs: withBuiltInHeaders(base.tabs, override.tabs) });
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
 * Header names in the file add to the built-in names of their field.
 */
export function loadSettings(overridePath?: string): Settings {
  const base = readJson(DEFAULT_SETTINGS_PATH);
  if (overridePath === undefined) return resolveSettings(base, DEFAULT_SETTINGS_PATH, ukBankHolidays);
  return resolveSettings(mergeOver(base, readJson(overridePath)), overridePath, ukBankHolidays);
}
