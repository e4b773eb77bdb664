import { describe, expect, it } from 'vitest';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { SAMPLE_DAY, sampleMemoryStore } from '../helpers/memory-register.js';
import { describeEditsDuringWrite } from './edits-during-write.js';
import {
  contractTabs,
  describeRegisterStoreContract,
  type StoreFixture,
  sampleRegister as sampleGrids,
} from './register-store-contract.js';
import { describeSheetConventions } from './sheet-conventions.js';

const makeFixture = async (initial: Record<string, CellValue[][]> = sampleGrids()) => {
  const store = new MemoryRegisterStore({ tabs: contractTabs, grids: initial });
  return {
    store,
    snapshot: async () => store.snapshot(),
    humanEdit: async (title: string, edit: (rows: CellValue[][]) => CellValue[][]) => store.edit(title, edit),
    // A write in memory has no moment between its read and its apply: the person's edit lands just before it.
    duringNextWrite: (title: string, edit: (rows: CellValue[][]) => CellValue[][]) => store.edit(title, edit),
    close: async () => {},
  };
};

describeRegisterStoreContract('In-memory store', (initial): Promise<StoreFixture> => makeFixture(initial));

describe('In-memory store, a person editing during a write', () => {
  describeEditsDuringWrite(() => makeFixture());
});

describe('the sample register in memory', () => {
  it('when loaded, then it is the bundled sample workbook, tab for tab and cell for cell', async () => {
    const settings = loadSettings();
    const inMemory = await (await sampleMemoryStore(settings)).load();
    const fromFile = await new WorkbookRegisterStore({
      path: 'config/sample-register.xlsx',
      tabs: settings.tabs,
    }).load();
    expect(inMemory.tabs).toEqual(fromFile.tabs);
    expect(readRegister(inMemory, settings, SAMPLE_DAY)).toEqual({
      ...readRegister(fromFile, settings, SAMPLE_DAY),
      source: inMemory.source,
    });
  });

  it('when a store is written, then another made from the same start is not', async () => {
    const settings = loadSettings();
    const first = await sampleMemoryStore(settings);
    await first.write({
      updates: [{ tab: 'risks', id: 'R-3', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
      inserts: [],
      audit: [],
    });
    const second = await (await sampleMemoryStore(settings)).load();
    expect((await first.load()).tabs.risks).not.toEqual(second.tabs.risks);
  });
});

// The register in memory holds values only: the cases needing formulas or number formats are the other stores'.
describeSheetConventions('In-memory store', async (initial) => {
  const store = new MemoryRegisterStore({ tabs: contractTabs, grids: initial });
  return { store, snapshot: async () => store.snapshot(), close: async () => {} };
});
