interface Waiter {
  key: string;
  count: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Promises that settle once `count` things of a kind have been recorded. */
export class Waiters {
  private waiting: Waiter[] = [];

  constructor(
    private readonly countOf: (key: string) => number,
    private readonly describe: () => string,
  ) {}

  wait(key: string, count: number, timeoutMs: number): Promise<void> {
    if (this.countOf(key) >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(waiter);
          reject(
            new Error(
              `waitFor('${key}', ${count}): ${this.countOf(key)} after ${timeoutMs} ms; seen: ${this.describe()}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Settles every waiter whose count has been reached. */
  check(): void {
    for (const waiter of [...this.waiting]) {
      if (this.countOf(waiter.key) < waiter.count) continue;
      this.remove(waiter);
      waiter.resolve();
    }
  }

  rejectAll(reason: string): void {
    for (const waiter of [...this.waiting]) {
      this.remove(waiter);
      waiter.reject(new Error(`waitFor('${waiter.key}', ${waiter.count}): ${reason}`));
    }
  }

  private remove(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiting = this.waiting.filter((w) => w !== waiter);
  }
}
