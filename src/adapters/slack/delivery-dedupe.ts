/**
 * Remembers which Slack deliveries were handled, so a retried or replayed
 * request (same trigger_id or event_id) is acknowledged but not run twice.
 * In memory, for one instance; several instances share a Redis-backed one.
 */
export class DeliveryDedupe {
  readonly #seen = new Map<string, number>();

  constructor(private readonly ttlMs = 30 * 60_000, private readonly now: () => number = Date.now) {}

  /** True the first time a key is seen (within the time-to-live), false after. */
  firstTime(key: string): boolean {
    const now = this.now();
    for (const [seenKey, at] of this.#seen) {
      if (now - at < this.ttlMs) break;
      this.#seen.delete(seenKey);
    }
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, now);
    return true;
  }
}

/** The ID that names one delivery: an event's event_id, or the trigger_id of a command or interaction. */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return null;
}
