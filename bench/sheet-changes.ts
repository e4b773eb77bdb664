import { loadSettings } from '../src/config/load-settings.js';
import type { CellValue } from '../src/domain/cell.js';
import type { RawRegister } from '../src/domain/register/raw-register.js';
import { readRegister } from '../src/domain/register/read-register.js';
import { snapshotOf } from '../src/domain/register/register-snapshot.js';
import { sheetChanges } from '../src/domain/register/sheet-changes.js';
import { readSnapshot, snapshotRows } from '../src/domain/register/snapshot-tab.js';
import { bigRegister } from './digest-scale.js';

/**
 * Seeing what people changed in a register of 10,000 risks and 10,000
 * actions: the snapshot taken, written as the hidden tab's lines and read
 * back, and compared with the register after a week of hand edits (one risk
 * in 100 re-rated, one action in 100 given a later timescale, 50 rows
 * deleted, 50 added). Target: well under one second in all, so a scheduled
 * run can afford it every time.
 */
const TODAY = '2026-11-23';
const TAKEN_AT = '2026-11-23T09:00:00+00:00';
const NOW = '2026-11-30T09:00:00+00:00';

/** The register after a week of edits in the sheet. */
function editedByHand(raw: RawRegister): RawRegister {
  const risks = raw.tabs.risks.rows
    .filter((_, i) => i % 200 !== 7)
    .map((row, i) => ({
      ...row,
      cells: i % 100 === 0 ? row.cells.with(3, ((Number(row.cells[3]) % 3) + 1) as CellValue) : row.cells,
    }));
  const actions = raw.tabs.actions.rows.map((row, i) => ({
    ...row,
    cells: i % 100 === 0 ? row.cells.with(3, '2028/29') : row.cells,
  }));
  const added = Array.from({ length: 50 }, (_, i) => ({
    row: 20_000 + i,
    cells: [
      `R-${20_000 + i}`,
      'Lead 1',
      `A risk added by hand ${i}`,
      2,
      2,
      'Dec 26',
      '23/11/2026',
      'Open',
    ] as CellValue[],
  }));
  return {
    ...raw,
    tabs: {
      ...raw.tabs,
      risks: { ...raw.tabs.risks, rows: [...risks, ...added] },
      actions: { ...raw.tabs.actions, rows: actions },
    },
  };
}

export async function benchSheetChanges(): Promise<Record<string, string>> {
  const settings = loadSettings();
  const raw = bigRegister();
  const before = readRegister(raw, settings, TODAY);
  const after = readRegister(editedByHand(raw), settings, TODAY);
  const runs = { take: [] as number[], encode: [] as number[], decode: [] as number[], diff: [] as number[] };
  const time = <T>(into: number[], work: () => T): T => {
    const started = performance.now();
    const result = work();
    into.push(performance.now() - started);
    return result;
  };
  let rows: CellValue[][] = [];
  let changes: ReturnType<typeof sheetChanges> | null = null;
  for (let run = 0; run < 5; run++) {
    const snapshot = time(runs.take, () => snapshotOf(before));
    rows = time(runs.encode, () => snapshotRows(snapshot, TAKEN_AT));
    const recorded = time(runs.decode, () => readSnapshot(rows));
    changes = time(runs.diff, () => sheetChanges(recorded!.snapshot, after, NOW));
  }
  const median = (values: number[]) => `${[...values].sort((a, b) => a - b)[2]!.toFixed(0)} ms`;
  const cells = rows.flatMap((row) => row.map((cell) => String(cell ?? '').length));
  return {
    'register size': `${before.risks.length} risks + ${before.actions.length} actions`,
    'snapshot of the register, median of 5': median(runs.take),
    'encode to tab lines': median(runs.encode),
    'decode from tab lines': median(runs.decode),
    'compare with the register edited by hand': `${median(runs.diff)} (target well under 1 s in all)`,
    'tab size': `${rows.length} lines, ${(cells.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MiB of text, longest cell ${Math.max(...cells)} characters`,
    found: `${changes!.audit.length} Audit lines, ${changes!.cells.length} cells to write`,
  };
}
