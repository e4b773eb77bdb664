import { getHeapStatistics } from 'node:v8';
import { svgPng } from '../src/adapters/pictures/svg-png.js';
import { renderBlocks } from '../src/adapters/slack/blocks/render-blocks.js';
import { loadSettings } from '../src/config/load-settings.js';
import type { CellValue } from '../src/domain/cell.js';
import { addDays } from '../src/domain/dates/calendar.js';
import { digestPictures } from '../src/domain/digest/pictures/digest-pictures.js';
import type { RawRegister, RawTab, TabKey } from '../src/domain/register/raw-register.js';
import { readRegister } from '../src/domain/register/read-register.js';
import { planNudges } from '../src/domain/reminders/nudge-plan.js';
import { boardDigest } from '../src/use-cases/board-digest.js';

/**
 * Reading and digesting a register of 10,000 risks, 10,000 actions and
 * 10,000 Audit lines, as the store hands it over (raw cells, free-text
 * timescales and all): time and peak heap, against issue 17's targets
 * (digest with blocks and picture within 200 ms, peak heap within 100 MiB);
 * then a register ten times that size, read and digested once.
 */
const TODAY = '2026-11-23';
const DEFAULT_SIZE = 10_000;
const TIMESCALES = [
  'Dec 26',
  '2026/27',
  'Model developed by end Jan 27. Staff training Mar – June 27 Implementation 2027/28',
  '30/11/2026',
  'TBC',
  '31st March 2027',
  'Nov2026',
];

function tab(key: TabKey, title: string, headers: string[], rows: CellValue[][]): RawTab {
  return { key, title, found: true, headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

export function bigRegister(SIZE = DEFAULT_SIZE): RawRegister {
  const owners = Array.from({ length: 200 }, (_, i) => `Lead ${i}`);
  const risks = Array.from({ length: SIZE }, (_, i) => [
    `R-${i + 1}`,
    owners[i % 200]!,
    `Risk number ${i} about something that could go wrong`,
    (i % 3) + 1,
    ((i * 7) % 3) + 1,
    TIMESCALES[i % TIMESCALES.length]!,
    addDays(TODAY, -(i % 120))
      .split('-')
      .reverse()
      .join('/'),
    'Open',
  ]);
  const actions = Array.from({ length: SIZE }, (_, i) => [
    `A-${i + 1}`,
    `Action ${i}: put in place a plan`,
    owners[(i * 13) % 200]!,
    TIMESCALES[(i * 3) % TIMESCALES.length]!,
    ['Not started', 'In progress', 'Blocked', 'Done'][i % 4]!,
    i % 100,
  ]);
  // A year of history: 10,000 rating changes spread over the last 365 days.
  const audit = Array.from({ length: SIZE }, (_, i) => [
    `${addDays(TODAY, -(i % 365))}T10:00:00Z`,
    'U00000001',
    `R-${(i % SIZE) + 1}`,
    'rating',
    String((i % 9) + 1),
    String(((i + 1) % 9) + 1),
    'command',
    '',
  ]);
  return {
    source: 'bench',
    tabs: {
      risks: tab(
        'risks',
        'Risks',
        [
          'Risk ID',
          'Risk owner',
          'Description of risk',
          'Impact (I)',
          'Probability (P)',
          'Target resolution date',
          'Date last updated',
          'Status',
        ],
        risks,
      ),
      actions: tab('actions', 'Actions', ['Action ID', 'Action', 'Lead', 'Timescale', 'Status', 'Progress %'], actions),
      people: tab(
        'people',
        'People',
        ['Name', 'Slack user'],
        owners.map((name, i) => [name, `U${String(i).padStart(8, '0')}`]),
      ),
      audit: tab(
        'audit',
        'Audit log',
        ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'],
        audit,
      ),
    },
  };
}

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Digest with its Block Kit messages (thread replies included) and its pictures drawn to PNG, as the post does. */
function digestWithBlocksAndPicture(
  register: ReturnType<typeof readRegister>,
  settings: ReturnType<typeof loadSettings>,
) {
  const { digest, message } = boardDigest(register, settings, TODAY);
  for (let rest: typeof message | null = message; rest !== null; ) rest = renderBlocks(rest).overflow;
  const pictures = digestPictures(
    digest,
    { id: 'default', name: 'Programme board', scale: settings.scale },
    register.audit,
  );
  svgPng(pictures.heatMap.svg, pictures.heatMap.width);
  if (pictures.trend) svgPng(pictures.trend.svg, pictures.trend.width);
}

/** Peak heap while `work` runs, sampled every few milliseconds, and the heap in use when it started. */
function peakHeap(work: () => void): { before: number; peak: number } {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
  work();
  clearInterval(sample);
  return { before, peak: Math.max(peak, process.memoryUsage().heapUsed) };
}

export async function benchDigestScale(): Promise<Record<string, string>> {
  const settings = loadSettings();
  const raw = bigRegister();
  // Heap: one read, digest and nudge plan as a scheduled run does them, the raw cells already in memory.
  const one = peakHeap(() => {
    const register = readRegister(raw, settings, TODAY);
    digestWithBlocksAndPicture(register, settings);
    planNudges(register, TODAY, settings.reminders);
  });
  const runs = { read: [] as number[], digest: [] as number[], nudges: [] as number[] };
  const time = <T>(into: number[], work: () => T): T => {
    const started = performance.now();
    const result = work();
    into.push(performance.now() - started);
    return result;
  };
  for (let run = 0; run < 5; run++) {
    const register = time(runs.read, () => readRegister(raw, settings, TODAY));
    time(runs.digest, () => digestWithBlocksAndPicture(register, settings));
    time(runs.nudges, () => planNudges(register, TODAY, settings.reminders));
  }
  const median = (values: number[]) => `${[...values].sort((a, b) => a - b)[2]!.toFixed(0)} ms`;
  return {
    'register size': `${DEFAULT_SIZE} risks + ${DEFAULT_SIZE} actions + ${DEFAULT_SIZE} Audit log lines`,
    'read the register (cells to items), median of 5': median(runs.read),
    'digest: compute, Block Kit with thread, pictures as PNG': `${median(runs.digest)} (target ≤ 200 ms)`,
    'nudge plan': median(runs.nudges),
    'peak heap, whole process, one run': `${MiB(one.peak)} (target ≤ 100 MiB), of which ${MiB(one.peak - one.before)} above the raw cells`,
    ...tenfold(settings),
  };
}

/** A register ten times that size, read and digested once: it must not run out of memory. */
function tenfold(settings: ReturnType<typeof loadSettings>): Record<string, string> {
  const size = DEFAULT_SIZE * 10;
  const raw = bigRegister(size);
  let read = 0;
  const started = performance.now();
  const heap = peakHeap(() => {
    const register = readRegister(raw, settings, TODAY);
    read = performance.now() - started;
    digestWithBlocksAndPicture(register, settings);
  });
  const total = performance.now() - started;
  return {
    'ten times the size': `${size} risks + ${size} actions + ${size} Audit log lines`,
    '  read, then digest with blocks and picture': `${(read / 1000).toFixed(1)} s + ${((total - read) / 1000).toFixed(1)} s`,
    '  peak heap, whole process': `${MiB(heap.peak)} (of ${MiB(getHeapStatistics().heap_size_limit)} allowed), ${MiB(heap.peak - heap.before)} above the raw cells`,
  };
}
