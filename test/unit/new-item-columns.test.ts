import { describe, expect, it } from 'vitest';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { isDomainError } from '../../src/domain/domain-error.js';
import { createItem } from '../../src/use-cases/create-item.js';

const settings = loadSettings();
const OFFICE = { id: 'U0PMO', programmeOffice: true };

/** A register whose Risks tab lacks the columns given, and an Actions tab with no Timescale nor Target date. */
function store(riskHeaders: string[]) {
  return new MemoryRegisterStore({
    tabs: settings.tabs,
    grids: {
      Risks: [riskHeaders, ['R-1', ...riskHeaders.slice(1).map(() => null)]],
      Actions: [
        ['Action ID', 'Action', 'Lead', 'Status'],
        ['A-1', 'Write the plan', 'Lead Commissioner', 'Open'],
      ],
    },
  });
}

const add = (memory: MemoryRegisterStore, fields: Parameters<typeof createItem>[1]['fields']) =>
  createItem(
    { store: memory, settings },
    { fields, actor: OFFICE, via: 'modal', today: '2026-11-23', now: '2026-11-23T10:00:00Z' },
  ).then(
    (result) => result,
    (error: unknown) => error,
  );

describe('a new item whose register has no column for what the person gave', () => {
  it('when the Risks tab has no owner column, then the risk is refused naming the column, and nothing is added', async () => {
    const memory = store(['Risk ID', 'Description of risk', 'Impact (I)', 'Probability (P)']);
    const refused = await add(memory, {
      kind: 'risk',
      title: 'Supplier fails',
      owner: 'Lead Commissioner',
      impact: '2',
      probability: '2',
    });
    expect(isDomainError(refused, 'sheet_schema_invalid')).toBe(true);
    expect((refused as Error).message).toMatch(/has no "Risk owner" column, so nothing was changed/);
    expect(memory.snapshot().Risks).toHaveLength(2);
  });

  it('when an action has a target date and the tab neither Timescale nor Target date, then it is refused; without a date it is added', async () => {
    const memory = store(['Risk ID', 'Description of risk', 'Risk owner', 'Impact (I)', 'Probability (P)']);
    const dated = await add(memory, {
      kind: 'action',
      title: 'Tender',
      owner: 'Lead Commissioner',
      targetDate: '31/03/2027',
    });
    expect((dated as Error).message).toMatch(/has no "Timescale" column/);
    const undated = await add(memory, { kind: 'action', title: 'Tender', owner: 'Lead Commissioner' });
    expect(undated).toEqual({ id: 'A-2' });
  });
});
