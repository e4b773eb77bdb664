import { afterEach, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import { MILITARY_ACTION_PLAN } from '../helpers/public-templates.js';
import type { MakeStoreFixture, StoreFixture } from './register-store-contract.js';

const audit = (item: string, field: string, oldValue: string, newValue: string): AuditRecord => ({
  when: '2026-03-02T10:15:00+00:00',
  who: 'U0LEAD',
  item,
  field,
  oldValue,
  newValue,
  via: 'command',
  note: '',
});

/** A register whose tabs have none of the configured titles: a risk log, a plan, and a lookup list. */
function otherTitles(): Record<string, CellValue[][]> {
  return {
    'Risk register': [
      ['Programme risk log'],
      ['Ref', 'Risk statement', 'Likelihood', 'Impact', 'Risk Owner', 'Status'],
      ['R1', 'Budget cut in year', 2, 3, 'Finance lead', 'Open'],
      ['R2', 'Provider exits the market', 1, 3, 'Commissioning lead', 'Open'],
    ],
    Lookups: [
      ['Likelihood', 'Impact'],
      [1, 1],
      [2, 2],
      [3, 3],
    ],
    Plan: [
      ['ID', 'Task', 'Responsible', 'Due Date', 'Status', 'Progress'],
      ['A1', 'Draft the strategy', 'Head of Strategy', 46112, 'In progress', 20],
    ],
  };
}

/**
 * What every store does with a register whose tabs are titled otherwise: it
 * finds them by their headers, and writes where it read.
 */
export function describeTabsByHeaders(makeFixture: MakeStoreFixture): void {
  describe('tabs with other titles', () => {
    let fx: StoreFixture | undefined;
    afterEach(async () => {
      await fx?.close();
      fx = undefined;
    });

    it('when no tab has a configured title, then each is found by what its headers hold', async () => {
      fx = await makeFixture(otherTitles());
      const { risks, actions, people } = (await fx.store.load()).tabs;
      expect(risks).toMatchObject({ title: 'Risk register', found: true, headerRow: 2 });
      expect(risks.rows.map((row) => row.cells[0])).toEqual(['R1', 'R2']);
      expect(actions).toMatchObject({ title: 'Plan', found: true, headerRow: 1 });
      expect(people.found).toBe(false);
    });

    it('when an item on a tab found by its headers is updated, then the write goes to that tab', async () => {
      fx = await makeFixture(otherTitles());
      const result = await fx.store.write({
        updates: [
          { tab: 'risks', id: 'R2', changes: [{ field: 'probability', expected: 1, value: 2 }] },
          { tab: 'actions', id: 'A1', changes: [{ field: 'progress', expected: 20, value: 60 }] },
        ],
        inserts: [],
        audit: [audit('R2', 'probability', '1', '2'), audit('A1', 'progress', '20', '60')],
      });
      expect(result.cellsWritten).toEqual(["'Risk register'!C4", 'Plan!F2']);
      const after = await fx.snapshot();
      expect(after['Risk register']![3]![2]).toBe(2);
      expect(after.Plan![1]![5]).toBe(60);
      expect(after.Lookups).toEqual(otherTitles().Lookups);
      expect(Object.keys(after)).toContain('Audit log');
    });

    it('when the register is one tab named Sheet1 holding a plan, then the plan is read from it', async () => {
      fx = await makeFixture(MILITARY_ACTION_PLAN.grids);
      const { risks, actions } = (await fx.store.load()).tabs;
      expect(risks.found).toBe(false);
      expect(actions).toMatchObject({ title: 'Sheet1', found: true });
      expect(actions.rows).toHaveLength(3);
    });
  });
}
