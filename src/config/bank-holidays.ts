import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SettingsError } from './settings.js';
import { isoDate, UK_NATIONS } from './settings-schema.js';

export const BANK_HOLIDAYS_PATH = fileURLToPath(new URL('../../config/bank-holidays.json', import.meta.url));

const bankHolidaysSchema = z.object(
  Object.fromEntries(UK_NATIONS.map((nation) => [nation, z.array(isoDate)])) as Record<
    (typeof UK_NATIONS)[number],
    z.ZodArray<typeof isoDate>
  >,
);

/** The bank holidays of one UK nation, from the list shipped in config/. */
export function bankHolidays(nation: (typeof UK_NATIONS)[number], path = BANK_HOLIDAYS_PATH): string[] {
  const parsed = bankHolidaysSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      path,
    );
  return parsed.data[nation];
}
