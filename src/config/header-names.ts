import { z } from 'zod';
import { normalizeHeader } from '../domain/register/header-map.js';

const headerListSchema = z.array(z.string().trim().min(1)).min(1);

/**
 * The header names of one field in a settings file: a list adds to the
 * built-in names (and is tried first), `{ "replace": true, "names": [...] }`
 * uses those names alone.
 */
export const headerNamesSchema = z.union(
  [
    headerListSchema,
    z.strictObject({
      names: headerListSchema,
      replace: z.boolean().optional(),
    }),
  ],
  { error: 'a list of header names (["Chance"]), or { "replace": true, "names": ["Chance"] }' },
);
export type HeaderNamesSetting = z.infer<typeof headerNamesSchema>;

/** The names a setting gives, whichever form it takes. */
export function namesOf(setting: HeaderNamesSetting): string[] {
  return Array.isArray(setting) ? setting : setting.names;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A setting's names with the built-in ones after them, unless it replaces them; a name given twice is kept once. */
function combine(builtIn: unknown, setting: unknown): unknown {
  const parsed = headerNamesSchema.safeParse(setting);
  // Left as written, so validation reports it under its own key.
  if (!parsed.success || !Array.isArray(builtIn)) return setting;
  const own = namesOf(parsed.data);
  if (!Array.isArray(parsed.data) && parsed.data.replace === true) return own;
  const seen = new Set(own.map(normalizeHeader));
  const rest = builtIn.filter((name) => typeof name !== 'string' || !seen.has(normalizeHeader(name)));
  return [...own, ...rest];
}

/**
 * The `tabs` settings of a board's file laid over the built-in ones: header
 * names add to the built-in names of their field (a person adding "Prob"
 * still has "Likelihood" read), or replace them when the file says so; the
 * rest is left for the general merge. Returns the file's `tabs` with each
 * header setting combined.
 */
export function withBuiltInHeaders(builtInTabs: unknown, fileTabs: unknown): unknown {
  if (!isPlainObject(builtInTabs) || !isPlainObject(fileTabs)) return fileTabs;
  const tabs: Record<string, unknown> = { ...fileTabs };
  for (const [key, tab] of Object.entries(fileTabs)) {
    const builtIn = builtInTabs[key];
    if (!isPlainObject(tab) || !isPlainObject(tab.headers) || !isPlainObject(builtIn)) continue;
    const builtInHeaders = isPlainObject(builtIn.headers) ? builtIn.headers : {};
    const headers = Object.fromEntries(
      Object.entries(tab.headers).map(([field, setting]) => [field, combine(builtInHeaders[field], setting)]),
    );
    tabs[key] = { ...tab, headers };
  }
  return tabs;
}
