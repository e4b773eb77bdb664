import { describe, expect, it } from 'vitest';
import { canonicalId } from '../../src/domain/item-id.js';
import { nextId } from '../../src/domain/items/new-item.js';
import type { Register } from '../../src/domain/register/register.js';

/** A register holding only the risks' and actions' IDs, as written: all nextId reads. */
function register(risks: string[], actions: string[] = []): Pick<Register, 'risks' | 'actions'> {
  const item = (id: string) => ({ id, key: canonicalId(id) });
  return { risks: risks.map(item), actions: actions.map(item) } as unknown as Pick<Register, 'risks' | 'actions'>;
}

describe("a new item's ID, in the register's own style", () => {
  it.each([
    ['the sample register (R - 1 … R - 13)', ['R - 1', 'R - 2', 'R - 13'], 'R-14'],
    ['plain R-1 style', ['R-1', 'R-2'], 'R-3'],
    ['no risks yet', [], 'R-1'],
    ['a PRINCE2 register (R001 …)', ['R001', 'R002', 'R003'], 'R004'],
    ['RISK-001 style', ['RISK-001', 'RISK-002', 'RISK-012'], 'RISK-013'],
    ['a health-service register (LD 01 …)', ['LD 01', 'LD 02', 'LD 03'], 'LD 04'],
    ['plain numbers', ['1', '2', '7'], '8'],
    ['mostly one style, a stray other', ['RSK-1', 'RSK-2', 'RSK-3', 'X-9'], 'RSK-4'],
  ])('when the risks are numbered as in %s, then the next is %s', (_, ids, expected) => {
    expect(nextId(register(ids), 'risk')).toBe(expected);
  });

  it('when actions are numbered A-1 …, then the next action is A-n+1, whatever the risks are', () => {
    expect(nextId(register(['RISK-001'], ['A-1', 'A-26']), 'action')).toBe('A-27');
    expect(nextId(register(['RISK-001'], ['ACT-09', 'ACT-10']), 'action')).toBe('ACT-11');
  });
});
