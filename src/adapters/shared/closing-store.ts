import { DomainError } from '../../domain/domain-error.js';
import type { RegisterStore, WriteRequest, WriteResult } from '../../ports/register-store.js';

/**
 * A store that takes no new writes once `closed` is aborted (the bot is
 * shutting down): a write not yet begun is refused, saying nothing was
 * written, so the person can be told their change was not made. Writes
 * already under way finish. Reads go on as before.
 */
export class ClosingStore implements RegisterStore {
  constructor(
    private readonly inner: RegisterStore,
    private readonly closed: AbortSignal,
  ) {}

  load(): ReturnType<RegisterStore['load']> {
    return this.inner.load();
  }

  write(request: WriteRequest): Promise<WriteResult> {
    if (this.closed.aborted) {
      return Promise.reject(
        new DomainError(
          'stopping',
          'The bot is restarting, so this change was not made: nothing was written. Send it again in a minute.',
        ),
      );
    }
    return this.inner.write(request);
  }
}
