import { cpus } from 'node:os';
import { benchDigestScale } from './digest-scale.js';
import { benchSheetsRequests } from './sheets-requests.js';

/** Runs every benchmark and prints its figures, with the machine they were taken on. */
const benches: Array<[string, () => Promise<Record<string, string>>]> = [
  ['Digest at scale', benchDigestScale],
  ['Sheets requests', benchSheetsRequests],
];

process.stdout.write(`risk-bot benchmarks: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
for (const [name, run] of benches) {
  const figures = await run();
  process.stdout.write(`\n${name}\n`);
  for (const [label, value] of Object.entries(figures)) process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
