import { DomainError } from '../domain-error.js';
import { canonicalId } from '../item-id.js';
import type { Item, Register } from '../register/register.js';

/**
 * The risk or action an ID names, however it is written ("r3", "R - 3").
 * Refuses an ID on two rows, since the bot cannot know which one is meant.
 */
export function findItem(register: Pick<Register, 'risks' | 'actions'>, id: string): Item {
  const key = canonicalId(id);
  const shown = key.length > 40 ? `${key.slice(0, 39)}…` : key;
  const matches: Item[] = [...register.risks, ...register.actions].filter((item) => item.key === key);
  if (matches.length === 0) throw new DomainError('item_not_found', `There is no risk or action ${shown} in the register`, { id: shown });
  if (matches.length > 1) {
    throw new DomainError('item_duplicated', `${key} is on ${matches.length} rows (${matches.map((m) => m.row).join(', ')}); give each its own ID in the sheet first`, { id: key, rows: matches.map((m) => m.row) });
  }
  return matches[0]!;
}
