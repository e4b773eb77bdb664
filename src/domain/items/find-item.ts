import { findById } from '../register/find-by-id.js';
import type { Item, Register } from '../register/register.js';

/** The risk or action an ID names, however it is written; refused as findById refuses. */
export function findItem(register: Pick<Register, 'risks' | 'actions'>, id: string): Item {
  return findById<Item>([...register.risks, ...register.actions], (item) => item.key, id);
}
