import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWorkbook } from '../src/adapters/workbook/create-workbook.js';
import { loadSettings } from '../src/config/load-settings.js';
import { SettingsError } from '../src/config/settings.js';
import { dateInZone } from '../src/domain/dates/calendar.js';
import { isValidIsoDate } from '../src/domain/dates/timescale.js';
import { isDomainError } from '../src/domain/domain-error.js';
import { buildSampleRegister } from '../src/sample/sample-register.js';

const USAGE = 'usage: tsx scripts/build-sample-register.ts [--today YYYY-MM-DD] [--out FILE]';
const DEFAULT_OUT = fileURLToPath(new URL('../config/sample-register.xlsx', import.meta.url));

/** Builds the bundled sample register (.xlsx) with its dates placed around `--today`. */
async function main(argv: string[]): Promise<number> {
  let values: { today?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { today: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`build-sample-register: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.today !== undefined && !isValidIsoDate(values.today)) {
    process.stderr.write(
      `build-sample-register: --today must be a real date as YYYY-MM-DD, not "${values.today}"\n${USAGE}\n`,
    );
    return 2;
  }
  const settings = loadSettings();
  // "Today" is the board's calendar date (Europe/London by default), not the machine's.
  const today = values.today ?? dateInZone(new Date(), settings.timeZone);
  const out = values.out === undefined ? DEFAULT_OUT : resolve(values.out);
  const tabs = buildSampleRegister(today, settings.tabs);
  mkdirSync(dirname(out), { recursive: true });
  await createWorkbook(out, tabs);
  const counts = tabs.map((tab) => `${tab.title}: ${tab.rows.length} rows`).join(', ');
  process.stdout.write(`Wrote the sample register for ${today} to ${out}\n  ${counts}\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SettingsError || isDomainError(error)) {
    process.stderr.write(`build-sample-register: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
