import type { IncomingMessage } from 'node:http';

/**
 * A cap on the bytes of request bodies held in memory at once, across all
 * requests. Each request reserves its declared length before reading, so a
 * crowd of slow senders cannot together hold more than the budget.
 */
export class BodyBudget {
  #used = 0;

  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  reserve(bytes: number): boolean {
    if (this.#used + bytes > this.limit) return false;
    this.#used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 400 | 408 | 413; reason: string };

/**
 * Reads a body of a declared length, stopping as soon as it passes that
 * length (the request is then refused, not buffered further) or when the
 * sender takes longer than `timeoutMs`.
 */
export function readBody(req: IncomingMessage, declared: number, timeoutMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    // One buffer of the declared size, filled as bytes come: no second copy when the last one arrives.
    const body = Buffer.alloc(declared);
    let received = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      // Unread bytes stay unread: the refusal closes the connection.
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (received + chunk.length > declared)
        return finish({ ok: false, status: 413, reason: 'body longer than declared' });
      chunk.copy(body, received);
      received += chunk.length;
    };
    const onEnd = () =>
      finish(
        received === declared ? { ok: true, body } : { ok: false, status: 400, reason: 'body shorter than declared' },
      );
    const onError = () => finish({ ok: false, status: 400, reason: 'connection ended mid-body' });
    const timer = setTimeout(() => finish({ ok: false, status: 408, reason: 'body too slow' }), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
