import type { Leases } from '../../ports/leases.js';

/** Leases for a single instance, in memory: no Redis needed when only one bot runs. */
export class MemoryLeases implements Leases {
  readonly #held = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(name: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    // Insertion order is expiry order only for equal TTLs; sweep everything expired now and then.
    if (this.#held.size > 1000) for (const [key, until] of this.#held) if (until <= now) this.#held.delete(key);
    const until = this.#held.get(name);
    if (until !== undefined && until > now) return false;
    this.#held.set(name, now + ttlMs);
    return true;
  }

  async release(name: string): Promise<void> {
    this.#held.delete(name);
  }

  async close(): Promise<void> {}
}
