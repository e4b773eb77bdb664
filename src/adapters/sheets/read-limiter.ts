/** Reads let through at once after a quiet spell, before pacing sets in. */
export const READ_BURST = 3;

/**
 * Keeps reads under Google's quota (60 read requests a minute per user, and
 * one service account is one user) by pacing them evenly: one every
 * 60/perMinute seconds, after a burst of a few when the bot has been quiet.
 * A rolling window would let a busy minute spend its whole budget in its
 * first seconds and then make everyone wait for the rest of it; paced, a
 * read waits at most one interval. In any 60 s at most perMinute + burst
 * reads go out, so perMinute + 3 must stay within 60.
 */
export class ReadLimiter {
  #tokens: number;
  #at: number;
  readonly #intervalMs: number;

  constructor(
    perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly burst = READ_BURST,
  ) {
    this.#intervalMs = 60_000 / perMinute;
    this.#tokens = burst;
    this.#at = now();
  }

  async take(): Promise<void> {
    await this.ready();
    this.#tokens -= 1;
  }

  /**
   * Waits until a read may go out, without taking it: a write waiting here
   * lets the writes that arrive meanwhile join it, so they share its read
   * instead of each waiting for the next.
   */
  async ready(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.#tokens = Math.min(this.burst, this.#tokens + (now - this.#at) / this.#intervalMs);
      this.#at = now;
      if (this.#tokens >= 1) return;
      await this.sleep(Math.ceil((1 - this.#tokens) * this.#intervalMs));
    }
  }
}
