import { cpus } from 'node:os';
import { benchDigestScale } from './digest-scale.js';
import { benchFaults } from './faults.js';
import { benchLateLandings } from './late-landings.js';
import { benchLoad } from './load.js';
import { benchPictures } from './pictures.js';
import { benchSheetChanges } from './sheet-changes.js';
import { benchSheetsRequests } from './sheets-requests.js';
import { benchSlowConnections } from './slow-connections.js';
import { benchStartup } from './startup.js';
import { benchWorkbookWindow } from './workbook-window.js';

/** Runs every benchmark and prints its figures, with the machine they were taken on. */
const benches: Array<[string, () => Promise<Record<string, string>>]> = [
  ['Start-up of the compiled bot', benchStartup],
  ['Digest at scale', benchDigestScale],
  ['Digest pictures: heat map and trend, SVG drawn to PNG', benchPictures],
  ['Changes made in the sheet, at scale', benchSheetChanges],
  ['Sheets requests', benchSheetsRequests],
  ['A minute of load through Slack (LOAD_SECONDS, default 60)', benchLoad],
  ['Faults: Sheets, Slack 429, killed runs', benchFaults],
  ['Late landings: writes Google applies 1-30 s after the bot gave up', benchLateLandings],
  ['Slow connections on the public URL', benchSlowConnections],
  ['Workbook: the moment between the last check and the rename', benchWorkbookWindow],
];

process.stdout.write(
  `risk-bot benchmarks: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`,
);
for (const [name, run] of benches) {
  const started = performance.now();
  const figures = await run();
  figures['(took)'] ??= `${((performance.now() - started) / 1000).toFixed(1)} s`;
  process.stdout.write(`\n${name}\n`);
  for (const [label, value] of Object.entries(figures)) process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
