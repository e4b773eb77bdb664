import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import type { SheetsRegisterStore } from '../../src/adapters/sheets/sheets-store.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { isDomainError } from '../../src/domain/domain-error.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { updateItem } from '../../src/use-cases/update-item.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const settings = loadSettings();
const TODAY = '2026-11-23';
const DIRECTOR = { id: 'U0SAMPLE01', programmeOffice: true };

let server: FakeSheetsServer;
let id: string;
let store: SheetsRegisterStore;
let grids: Record<string, CellValue[][]>;

beforeAll(async () => {
  server = await startSheets();
  const sample = await new WorkbookRegisterStore({
    path: sampleWorkbookCopy('as-of-write-'),
    tabs: settings.tabs,
  }).load();
  grids = MemoryRegisterStore.copyOf(sample, settings.tabs).snapshot();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  id = server.addSpreadsheet(structuredClone(grids));
  // Reads kept a minute, as production does: the bot's view of R-1 is a moment old when the command comes.
  store = sheetsStore(server, id, { readCacheMs: 60_000 });
  await store.load();
});

/** A person changes a cell of R - 1 in the sheet after the bot's last read. */
function personSets(header: string, value: CellValue): void {
  server.humanEdit(id, 'Risks', (rows) => {
    const headerRow = rows.findIndex((row) => row.includes(header));
    const column = rows[headerRow]!.indexOf(header);
    rows.find((row) => /^R ?- ?1$/.test(String(row[0])))![column] = value;
    return rows;
  });
}

const r1 = async () =>
  readRegister(await sheetsStore(server, id).load(), settings, TODAY).risks.find((risk) => risk.key === 'R-1')!;
const lastAudit = async () => readRegister(await sheetsStore(server, id).load(), settings, TODAY).audit;

const change = (asOfWrite: boolean, value: string) =>
  updateItem(
    { store, settings },
    {
      id: 'R-1',
      changes: [{ field: 'probability', value }],
      note: null,
      actor: DIRECTOR,
      via: asOfWrite ? 'command' : 'modal',
      today: TODAY,
      now: '2026-11-23T10:00:00Z',
      asOfWrite,
    },
  );

describe('a command applies to what the sheet holds when it is written', () => {
  it('when someone changed the probability after the bot read it, then "probability 1" is made, and the Audit log says it replaced their value', async () => {
    const before = await r1();
    const theirs = before.probability === 3 ? 2 : 3;
    personSets('Probability (P)', theirs);
    const { update } = await change(true, '1');
    expect((await r1()).probability).toBe(1);
    const line = (await lastAudit()).find((entry) => entry.item.startsWith('R') && entry.field === 'probability');
    expect(line).toMatchObject({ oldValue: String(theirs), newValue: '1' });
    expect(update.rating.before).toBe((before.impact ?? 0) * theirs);
  });

  it('when someone changed the impact meanwhile, then the rating is worked out from the impact the sheet holds then', async () => {
    const before = await r1();
    const impact = before.impact === 3 ? 1 : 3;
    const wanted = before.probability === 2 ? 1 : 2;
    personSets('Impact (I)', impact);
    const { update } = await change(true, String(wanted));
    expect(await r1()).toMatchObject({ impact, probability: wanted, rating: impact * wanted });
    expect(update.rating.after).toBe(impact * wanted);
  });

  it('when a form was filled in on the old value, then the change is refused as a conflict and nothing is written', async () => {
    const before = await r1();
    personSets('Probability (P)', before.probability === 3 ? 2 : 3);
    const refused = await change(false, '1').catch((error: unknown) => error);
    expect(isDomainError(refused, 'conflict')).toBe(true);
    expect((await r1()).probability).not.toBe(1);
  });
});
