import { loadSettings } from '../src/config/load-settings.js';
import { type CellValue, cellText } from '../src/domain/cell.js';
import { canonicalId } from '../src/domain/item-id.js';
import { claimRecords } from '../src/domain/reminders/nudge-ledger.js';
import type { RegisterStore } from '../src/ports/register-store.js';
import { createItem } from '../src/use-cases/create-item.js';
import { snoozeItem } from '../src/use-cases/snooze-item.js';
import { updateItem } from '../src/use-cases/update-item.js';
import type { FakeSheetsServer } from '../test/helpers/fake-sheets-server.js';
import { SAMPLE_DAY } from '../test/helpers/memory-register.js';
import { sampleSheet } from '../test/helpers/sample-sheet.js';
import { sheetsStore, startSheets } from '../test/helpers/sheets-fixture.js';

/**
 * Late landings: half the writes reach Google and are applied 1 to 30 s
 * after the bot's connection dropped, some while a person sorts the tab,
 * for every kind of change the bot makes. Each change carries a marker, so
 * the sheet can be searched afterwards for how often it landed and where.
 * Targets: applied twice 0, on the wrong item 0.
 */
const settings = loadSettings();
const owner = { id: 'U0PMO', email: null, programmeOffice: true };
const now = '2026-11-23T10:00:00.000Z';
const PER_KIND = 4;

interface Kind {
  name: string;
  /** Makes change `i` (0-based) marked with `marker`; says which item it is for. */
  change(store: RegisterStore, i: number, marker: string): Promise<unknown>;
  itemOf(i: number): string;
  /** How to find its Audit lines: by marker in any cell, or by item and field for changes that carry no text. */
  field?: string;
}

const KINDS: Kind[] = [
  {
    name: 'update',
    itemOf: (i) => `A-${i + 1}`,
    change: (store, i, marker) =>
      updateItem(
        { store, settings },
        {
          id: `A-${i + 1}`,
          changes: [{ field: 'progress', value: String(10 + i) }],
          note: marker,
          actor: owner,
          via: 'command',
          today: SAMPLE_DAY,
          now,
        },
      ),
  },
  {
    name: 'note',
    itemOf: (i) => `A-${i + 5}`,
    change: (store, i, marker) =>
      updateItem(
        { store, settings },
        { id: `A-${i + 5}`, changes: [], note: marker, actor: owner, via: 'command', today: SAMPLE_DAY, now },
      ),
  },
  {
    name: 'new item',
    itemOf: () => '',
    change: (store, _i, marker) =>
      createItem(
        { store, settings },
        {
          fields: {
            kind: 'action',
            title: marker,
            owner: 'Lead Commissioner',
            impact: '',
            probability: '',
            targetDate: 'Mar 2027',
            note: marker,
          },
          actor: owner,
          via: 'modal',
          today: SAMPLE_DAY,
          now,
        },
      ),
  },
  {
    name: 'Mark done',
    itemOf: (i) => `R-${i + 1}`,
    change: (store, i, marker) =>
      updateItem(
        { store, settings },
        {
          id: `R-${i + 1}`,
          changes: [{ field: 'status', value: 'closed' }],
          note: marker,
          actor: owner,
          via: 'button',
          today: SAMPLE_DAY,
          now,
        },
      ),
  },
  {
    name: 'New date',
    itemOf: (i) => `A-${i + 9}`,
    change: (store, i, marker) =>
      updateItem(
        { store, settings },
        {
          id: `A-${i + 9}`,
          changes: [{ field: 'targetDate', value: `2027-02-0${i + 1}` }],
          note: marker,
          actor: owner,
          via: 'modal',
          today: SAMPLE_DAY,
          now,
        },
      ),
  },
  {
    name: 'Snooze',
    itemOf: (i) => `R-${i + 5}`,
    field: 'snooze',
    change: (store, i) =>
      snoozeItem(
        { store, settings },
        { id: `R-${i + 5}`, days: 7, actor: owner, via: 'button', today: SAMPLE_DAY, now },
      ),
  },
  {
    name: 'Reviewed',
    itemOf: (i) => `R-${i + 9}`,
    change: (store, i, marker) =>
      updateItem(
        { store, settings },
        { id: `R-${i + 9}`, changes: [], note: marker, actor: owner, via: 'button', today: SAMPLE_DAY, now },
      ),
  },
  {
    name: 'ledger line',
    itemOf: (i) => `R-${i + 1}`,
    change: (store, i, marker) =>
      store.write({
        updates: [],
        inserts: [],
        audit: claimRecords(
          [{ item: { id: `R-${i + 1}` }, stage: 'due', aboutDate: SAMPLE_DAY }] as never,
          { messageKey: marker, recipient: 'U0X', channel: 'D0X' },
          now,
        ),
      }),
  },
];

const rowsWith = (rows: CellValue[][], text: string) =>
  rows.filter((row) => row.some((cell) => cellText(cell).includes(text)));

/** A change's Audit lines: those carrying its marker, or for a change with no text (a snooze) its item's lines of its field. */
function linesOf(kind: Kind, i: number, marker: string, snapshot: Record<string, CellValue[][]>): CellValue[][] {
  const audit = (snapshot['Audit log'] ?? []).slice(1);
  if (kind.field === undefined) return rowsWith(audit, marker);
  return audit.filter(
    (row) =>
      canonicalId(cellText(row[2] ?? null)) === canonicalId(kind.itemOf(i)) && cellText(row[3] ?? null) === kind.field,
  );
}

/**
 * The window the design leaves: after a write lands in the wrong place, the
 * time between the fresh read a put-back is planned on and the batch that
 * puts the cell back, with every request taking 300 ms (the median of five).
 */
async function repairWindow(server: FakeSheetsServer): Promise<number> {
  const windows: number[] = [];
  for (let run = 0; run < 5; run++) {
    const sheet = await sampleSheet(server, settings, SAMPLE_DAY);
    server.setLatency(300);
    try {
      server.duringNextWrite(sheet, 'Risks', ([header = [], ...rows]) => [header, ...rows.reverse()]);
      await updateItem(
        { store: sheetsStore(server, sheet), settings },
        {
          id: 'R-3',
          changes: [{ field: 'probability', value: '1' }],
          note: null,
          actor: owner,
          via: 'command',
          today: SAMPLE_DAY,
          now,
        },
      );
      const served = server.requests.filter((request) => request.servedAt !== undefined);
      const writes = served.filter((request) => request.kind === 'spreadsheets.batchUpdate');
      const repair = writes[1];
      const read = [...served]
        .reverse()
        // A write's read (the one a put-back is planned on) is a spreadsheets.get with grid data.
        .find((request) => request.kind === 'spreadsheets.get' && request.servedAt! < repair!.servedAt!);
      if (repair && read) windows.push(repair.servedAt! - read.servedAt!);
    } finally {
      server.setLatency(0);
    }
  }
  windows.sort((a, b) => a - b);
  return windows[Math.floor(windows.length / 2)] ?? Number.NaN;
}

export async function benchLateLandings(): Promise<Record<string, string>> {
  const server: FakeSheetsServer = await startSheets();
  try {
    // How many Audit lines one clean change of each kind writes, to tell once from twice.
    const perChange = await Promise.all(
      KINDS.map(async (kind) => {
        const sheet = await sampleSheet(server, settings, SAMPLE_DAY);
        await kind.change(sheetsStore(server, sheet), 0, 'reference-marker');
        return linesOf(kind, 0, 'reference-marker', server.snapshot(sheet)).length;
      }),
    );
    const lateFaults = [1000, 5000, 15000, 30000].map((afterMs) => ({
      kind: 'spreadsheets.batchUpdate' as const,
      applyLate: { afterMs },
    }));
    const sheets = await Promise.all(KINDS.map(() => sampleSheet(server, settings, SAMPLE_DAY)));
    server.setRandomFaults({ rate: 0.5, faults: lateFaults, seed: 2026 });
    const outcomes = await Promise.all(
      KINDS.flatMap((kind, k) =>
        Array.from({ length: PER_KIND }, async (_, i) => {
          const marker = `late-${k}-${i}-marker`;
          // Every other change meets a person sorting the tab it writes to.
          if (i % 2 === 1)
            server.duringNextWrite(
              sheets[k]!,
              kind.itemOf(i).startsWith('A') ? 'Actions' : 'Risks',
              ([header = [], ...rows]) => [header, ...rows.reverse()],
            );
          const store = sheetsStore(server, sheets[k]!, { timeoutMs: 2000 });
          const error = await kind.change(store, i, marker).then(
            () => null,
            (e: unknown) => e as Error,
          );
          return { kind, k, i, marker, error };
        }),
      ),
    );
    server.setRandomFaults(null);
    // Every late write has landed (or failed on its fence) by now.
    await new Promise((resolve) => setTimeout(resolve, 31_000));
    let once = 0;
    let twice = 0;
    let none = 0;
    let wrong = 0;
    const failures: string[] = [];
    for (const { kind, k, i, marker, error } of outcomes) {
      const snapshot = server.snapshot(sheets[k]!);
      const applied = Math.round(linesOf(kind, i, marker, snapshot).length / perChange[k]!);
      if (applied === 0) none++;
      else if (applied === 1) once++;
      else twice++;
      if (error) failures.push(`${kind.name}: ${error.message.slice(0, 80)}`);
      const tab = kind.itemOf(i).startsWith('A') ? (snapshot.Actions ?? []) : (snapshot.Risks ?? []);
      if (
        kind.itemOf(i) !== '' &&
        rowsWith(tab, marker).some((row) => canonicalId(cellText(row[0] ?? null)) !== canonicalId(kind.itemOf(i)))
      )
        wrong++;
    }
    const lateApplied = server.requests.filter(
      (request) => request.fault?.startsWith('applyLate') && request.applied,
    ).length;
    const late = server.requests.filter((request) => request.fault?.startsWith('applyLate')).length;
    const window = await repairWindow(server);
    return {
      'changes sent': `${outcomes.length} (${KINDS.length} kinds x ${PER_KIND}; half of all writes applied 1-30 s after the client gave up, every other change meeting a sort)`,
      'late writes': `${late}, of which ${lateApplied} applied when they arrived (the rest found their fence used)`,
      'applied once': `${once}`,
      'applied twice': `${twice} (target 0)`,
      'on the wrong item': `${wrong} (target 0)`,
      'the window left (Sheets at 300 ms latency)': `${window} ms between the repair read and the repair write, only after a write landed in the wrong place`,
      'not applied (refused, the person told)': `${none}${failures.length > 0 ? `: ${[...new Set(failures)].slice(0, 3).join('; ')}` : ''}`,
    };
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, value] of Object.entries(await benchLateLandings()))
    process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
