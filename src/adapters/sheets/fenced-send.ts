import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import { DomainError } from '../../domain/domain-error.js';
import { type SheetsApi, SheetsCallError } from './sheets-api.js';
import { sheetsFailureError } from './sheets-error.js';
import { type SheetCells, sheetCells } from './write-check.js';
import {
  FENCE_KEEP_MS,
  FENCE_KEY,
  fenceMadeAt,
  fenceRemovals,
  fenceRequest,
  newFence,
  type WriteFence,
} from './write-fence.js';

/**
 * Sends batches that are applied once however Google answers: each carries
 * a fence (write-fence.ts). A lost answer is retried with the same fence, so
 * whichever attempt Google applies first is the only one it applies, even
 * one it finishes long after the bot gave up on it; when the tries run out,
 * the bot makes the fence itself, which stops any attempt still on its way,
 * and so knows for sure that nothing was written.
 */
export class FencedSender {
  readonly #api: SheetsApi;
  readonly #now: () => number;
  readonly #kept: WriteFence[] = [];
  /** When to look for fences earlier runs left: once those of any run before this one are old enough to go. */
  #sweepAt: number;

  constructor(api: SheetsApi, now: () => number) {
    this.#api = api;
    this.#now = now;
    this.#sweepAt = now() + FENCE_KEEP_MS;
  }

  /** Sends `requests` as one batch and returns the cells of `ranges` as it left them. */
  async send(requests: sheets_v4.Schema$Request[], ranges: readonly string[]): Promise<SheetCells> {
    let fence = newFence(this.#now());
    const old = await this.#oldFences();
    const body = () => [fenceRequest(fence), ...fenceRemovals(old), ...requests];
    for (let attempt = 0; ; attempt++) {
      try {
        const after = await this.#api.batchUpdateSeeing(body(), ranges);
        this.#landed(fence, old);
        return sheetCells(after);
      } catch (error) {
        if (!(error instanceof SheetsCallError)) throw error;
        const { failure } = error;
        if (failure.kind === 'rate_limited') {
          if (attempt + 1 >= this.#api.maxAttempts) throw sheetsFailureError(failure, 'the change', error);
          await this.#api.backoff(attempt, failure);
          continue;
        }
        // A first attempt refused outright changed nothing. A later refusal may be our own fence, made by an attempt that landed after all.
        if (failure.kind === 'permanent' && attempt === 0) throw sheetsFailureError(failure, 'the change', error);
        if (failure.kind === 'permanent' || attempt + 1 >= this.#api.maxAttempts) {
          const state = failure.kind === 'permanent' ? await this.#fenceState(fence) : await this.#burn(fence);
          if (state === 'ours') {
            this.#landed(fence, old);
            return sheetCells(
              await this.#api.gridData(ranges).catch((cause: unknown) => Promise.reject(unchecked(cause))),
            );
          }
          if (state === 'taken') {
            // Another entry had our fence's ID (not an attempt of ours): try again with a new fence.
            fence = newFence(this.#now());
            continue;
          }
          throw sheetsFailureError(failure, 'the change', error);
        }
        await this.#api.backoff(attempt, failure);
      }
    }
  }

  /** Whether the sheet holds our fence (an attempt landed), another entry with its ID, or nothing. */
  async #fenceState(fence: WriteFence): Promise<'ours' | 'taken' | 'absent'> {
    try {
      const value = await this.#api.metadataValue(fence.metadataId);
      return value === null ? 'absent' : value === fence.value ? 'ours' : 'taken';
    } catch (error) {
      throw lookFirst(error);
    }
  }

  /**
   * Makes the fence in a batch of its own: if that works, no attempt of the
   * write can land any more, so it was not made; if the fence is there
   * already, an attempt landed.
   */
  async #burn(fence: WriteFence): Promise<'ours' | 'taken' | 'absent'> {
    try {
      await this.#api.batchUpdateSeeing([fenceRequest(fence)], []);
      this.#kept.push(fence);
      return 'absent';
    } catch (error) {
      if (error instanceof SheetsCallError && error.failure.kind === 'permanent') return this.#fenceState(fence);
      throw lookFirst(error);
    }
  }

  #landed(fence: WriteFence, removed: readonly number[]): void {
    this.#kept.push(fence);
    const gone = new Set(removed);
    this.#kept.splice(0, this.#kept.length, ...this.#kept.filter((kept) => !gone.has(kept.metadataId)));
  }

  /** Fences old enough to go: this process's own, and once, after it has run a while, any left by earlier runs. */
  async #oldFences(): Promise<number[]> {
    const cutoff = this.#now() - FENCE_KEEP_MS;
    const ids = this.#kept.filter((fence) => fence.madeAt < cutoff).map((fence) => fence.metadataId);
    if (this.#now() >= this.#sweepAt) {
      this.#sweepAt = Number.POSITIVE_INFINITY;
      const found = await this.#api.metadataWithKey(FENCE_KEY).catch(() => []);
      for (const { metadataId, value } of found) {
        const madeAt = fenceMadeAt(value);
        if (madeAt !== null && madeAt < cutoff && !ids.includes(metadataId)) ids.push(metadataId);
      }
    }
    return ids;
  }
}

/** Google could not be asked whether a write whose answer was lost landed: the person must look before retrying. */
function lookFirst(cause: unknown): DomainError {
  return new DomainError(
    'unavailable',
    'Google Sheets lost its answer to the change and could not then be asked whether it landed. Look at the sheet (and its Audit log) before trying again, so the change is not made twice.',
    {},
    { cause },
  );
}

/**
 * A write whose answer was lost landed (its fence is there), but reading
 * back where it landed failed: it was made, once, and could not be checked.
 */
function unchecked(cause: unknown): DomainError {
  return new DomainError(
    'unavailable',
    'Google Sheets made the change but lost its answer, and then did not answer when the bot read it back to check where it landed. Look at the sheet (and its Audit log) before trying again, so the change is not made twice.',
    {},
    { cause },
  );
}
