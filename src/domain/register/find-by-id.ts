import { DomainError } from '../domain-error.js';
import { canonicalId } from '../item-id.js';
import { clip } from '../text.js';

/** The rows whose ID names the same item as `id`, however either is spaced or cased; none for a blank ID. */
export function rowsWithId<T>(rows: readonly T[], idOf: (row: T) => string, id: string): T[] {
  const wanted = canonicalId(id);
  if (wanted === '') return [];
  return rows.filter((row) => canonicalId(idOf(row)) === wanted);
}

/**
 * The one row an ID names, however it is written ("r3", "R - 3"): an item in
 * a read register, or a raw row found again at write time (`tab`, its title,
 * then goes in the error's details). Refuses an ID on no row, or on two rows,
 * since the bot cannot know which one is meant.
 */
export function findById<T extends { row: number }>(
  rows: readonly T[],
  idOf: (row: T) => string,
  id: string,
  tab?: string,
): T {
  const matches = rowsWithId(rows, idOf, id);
  if (matches.length === 1) return matches[0]!;
  const key = clip(canonicalId(id), 40);
  const where = { ...(tab === undefined ? {} : { tab }), id: clip(id, 40) };
  if (matches.length === 0)
    throw new DomainError('item_not_found', `There is no risk or action ${key} in the register`, where);
  const rowNumbers = matches.map((match) => match.row);
  throw new DomainError(
    'item_duplicated',
    `${key} is on ${matches.length} rows (${rowNumbers.join(', ')}); give each its own ID in the sheet first`,
    { ...where, rows: rowNumbers },
  );
}
