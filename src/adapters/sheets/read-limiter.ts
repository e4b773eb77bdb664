/**
 * Keeps reads under a per-minute budget (Sheets allows 60 read requests per
 * minute per user, and one service account is one user): a read that would
 * exceed it waits until the oldest read in the window is a minute old.
 */
export class ReadLimiter {
  readonly #stamps: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.#stamps.length > 0 && this.#stamps[0]! <= now - 60_000) this.#stamps.shift();
      if (this.#stamps.length < this.perMinute) {
        this.#stamps.push(now);
        return;
      }
      await this.sleep(this.#stamps[0]! + 60_000 - now);
    }
  }
}
