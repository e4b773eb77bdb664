/** A piece of work the bot has taken on and must finish, or own up to, before it stops. */
export interface WorkEntry {
  /** For the log: "command /risk from U123", "run nudges@2026-11-23". */
  what: string;
  /** The lease claimed for it, released if the work is cut short so another instance (or a retry) can take it up. */
  lease?: string;
  /** Tells the person who asked that the bot stopped before their request was done. */
  tellUnfinished?: () => Promise<void>;
}

/**
 * The work a bot process is doing on behalf of people and schedules, so a
 * shutdown can wait for it, and know what it leaves unfinished.
 */
export class WorkInProgress {
  readonly #running = new Map<symbol, WorkEntry>();
  #idle: Array<() => void> = [];

  async run<T>(entry: WorkEntry, work: () => Promise<T>): Promise<T> {
    const key = Symbol(entry.what);
    this.#running.set(key, entry);
    try {
      return await work();
    } finally {
      this.#running.delete(key);
      if (this.#running.size === 0) for (const wake of this.#idle.splice(0)) wake();
    }
  }

  get size(): number {
    return this.#running.size;
  }

  unfinished(): WorkEntry[] {
    return [...this.#running.values()];
  }

  /** Resolves true when nothing is running, or false after `timeoutMs` with work still going. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.#running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#idle = this.#idle.filter((other) => other !== wake);
        resolve(false);
      }, timeoutMs);
      this.#idle.push(wake);
    });
  }
}
