import type { IsoDate } from '../domain/cell.js';
import type { Scale } from '../domain/items/scale.js';
import type { RegisterLayout } from '../domain/register/raw-register.js';
import { readRegister } from '../domain/register/read-register.js';
import type { Register } from '../domain/register/register.js';
import type { RegisterStore } from '../ports/register-store.js';

/** Reads the whole register in one load and interprets it as of `today`. */
export async function loadRegister(store: RegisterStore, settings: RegisterLayout, today: IsoDate): Promise<Register> {
  return readRegister(await store.load(), settings, today);
}

/** The scale's words for the levels of impact and probability, for a write to put in columns of words. */
export function levelWords(scale: Scale): Partial<Record<string, readonly string[]>> {
  return { impact: scale.impact.labels ?? [], probability: scale.probability.labels ?? [] };
}
