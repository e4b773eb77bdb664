import { join } from 'node:path';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import type { Settings } from '../../src/config/settings.js';
import type { RawRegister } from '../../src/domain/register/raw-register.js';
import { REPO_ROOT } from './run-command.js';

/** The day config/sample-register.xlsx was built for. */
export const SAMPLE_DAY = '2026-11-23';

const samples = new Map<Settings['tabs'], Promise<RawRegister>>();

/**
 * A fresh copy of the bundled sample register (config/sample-register.xlsx,
 * read once per test file) in memory, for a test that needs a register but
 * not a workbook file: it loads as the workbook does, cell for cell.
 */
export async function sampleMemoryStore(settings: Pick<Settings, 'tabs'>): Promise<MemoryRegisterStore> {
  let sample = samples.get(settings.tabs);
  if (sample === undefined) {
    sample = new WorkbookRegisterStore({
      path: join(REPO_ROOT, 'config/sample-register.xlsx'),
      tabs: settings.tabs,
    }).load();
    samples.set(settings.tabs, sample);
  }
  return MemoryRegisterStore.copyOf(await sample, settings.tabs, 'the sample register in memory');
}
