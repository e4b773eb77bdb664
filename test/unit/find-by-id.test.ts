import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/domain-error.js';
import { findById, rowsWithId } from '../../src/domain/register/find-by-id.js';

const rows = [
  { row: 2, id: 'R - 1' },
  { row: 3, id: 'r2' },
  { row: 4, id: 'R-02' },
  { row: 5, id: '' },
];
const idOf = (row: { id: string }) => row.id;

function failure(id: string) {
  try {
    findById(rows, idOf, id);
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details };
  }
  return null;
}

describe('finding a row by ID', () => {
  it('when the ID is written another way ("r1", "R 1"), then the one row is found', () => {
    expect(findById(rows, idOf, 'r1')).toBe(rows[0]);
    expect(findById(rows, idOf, 'R 1')).toBe(rows[0]);
  });

  it('when no row has the ID, then item_not_found says so in one wording', () => {
    expect(failure('R-9')).toEqual({
      code: 'item_not_found',
      message: 'There is no risk or action R-9 in the register',
      details: { id: 'R-9' },
    });
  });

  it('when two rows have the ID, then item_duplicated names both rows', () => {
    expect(failure('R-2')).toEqual({
      code: 'item_duplicated',
      message: 'R-2 is on 2 rows (3, 4); give each its own ID in the sheet first',
      details: { id: 'R-2', rows: [3, 4] },
    });
  });

  it('when a store looks a row up at write time, then the error is the same and its details name the tab and the ID as given', () => {
    expect(() => findById(rows, idOf, 'r 9', 'Risks')).toThrow(
      expect.objectContaining({
        message: 'There is no risk or action R-9 in the register',
        details: { tab: 'Risks', id: 'r 9' },
      }),
    );
  });

  it('when the ID is blank, then it matches no row, not the rows with a blank ID cell', () => {
    expect(rowsWithId(rows, idOf, '  ')).toEqual([]);
    expect(failure('')).toMatchObject({ code: 'item_not_found' });
  });

  it('when the ID is very long, then the message quotes it cut short', () => {
    const found = failure(`R-${'9'.repeat(500)}`);
    expect(found?.message.length).toBeLessThan(100);
  });
});

describe('IDs in the styles registers use', () => {
  const styled = ['RISK-001', 'R-1', 'RSK-12', 'H1', '1.1', '1.10', '2.1', 'PR-RSK-007'].map((id, i) => ({
    row: i + 2,
    id,
  }));

  it.each([
    ['RISK-001', 'RISK-001'],
    ['risk 001', 'RISK-001'],
    ['R-1', 'R-1'],
    ['r1', 'R-1'],
    ['R - 1', 'R-1'],
    ['R001', 'R-1'],
    ['rsk-012', 'RSK-12'],
    ['h 1', 'H1'],
    ['1.1', '1.1'],
    ['1.10', '1.10'],
    [' 2.1 ', '2.1'],
    ['pr-rsk-007', 'PR-RSK-007'],
  ])('when both RISK-001 and R-1 are rows, "%s" finds %s and no other', (id, found) => {
    expect(findById(styled, idOf, id).id).toBe(found);
  });
});
