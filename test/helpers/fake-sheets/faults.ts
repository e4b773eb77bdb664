import { ApiError, type Fault, type RequestKind } from './types.js';

/** mulberry32: a small seeded generator, so a soak test fails the same way twice. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const describeFault = (fault: Fault): string =>
  'status' in fault
    ? `status:${fault.status}`
    : 'hang' in fault
      ? 'hang'
      : 'drop' in fault
        ? 'drop'
        : 'applyLate' in fault
          ? `applyLate:${fault.applyLate.afterMs}`
          : 'applyThenDrop';

const matches = (fault: Fault, kind: RequestKind) => fault.kind === undefined || fault.kind === kind;

/** Injected faults, consumed in order by the first requests they match; then random ones, if set. */
export class FaultPlan {
  #queue: Fault[] = [];
  #random: { rate: number; faults: Fault[]; next: () => number } | null = null;

  inject(faults: Fault[]): void {
    this.#queue.push(...faults);
  }

  setRandom(options: { rate: number; faults: Fault[]; seed: number } | null): void {
    this.#random = options && { rate: options.rate, faults: [...options.faults], next: seeded(options.seed) };
  }

  get pending(): readonly Fault[] {
    return this.#queue;
  }

  take(kind: RequestKind): Fault | null {
    const i = this.#queue.findIndex((fault) => matches(fault, kind));
    if (i >= 0) return this.#queue.splice(i, 1)[0]!;
    const random = this.#random;
    if (!random) return null;
    // Two draws per request whatever happens, so the sequence depends only on the number of requests.
    const roll = random.next();
    const pick = random.next();
    const candidates = random.faults.filter((fault) => matches(fault, kind));
    if (roll >= random.rate || candidates.length === 0) return null;
    return candidates[Math.floor(pick * candidates.length)]!;
  }
}

const READS: readonly RequestKind[] = ['values.batchGet', 'values.get', 'spreadsheets.get'];

const MESSAGES: Record<number, string> = {
  400: 'Invalid request (injected fault).',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/** The error an injected status fault answers with, worded like Google's (429 names the read or write quota). */
export function faultError(fault: Extract<Fault, { status: number }>, kind: RequestKind): ApiError {
  if (fault.status === 429) {
    const what = READS.includes(kind) ? 'Read' : 'Write';
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    return new ApiError(
      429,
      `Quota exceeded for quota metric '${what} requests' and limit '${what} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
      headers,
    );
  }
  return new ApiError(fault.status, MESSAGES[fault.status] ?? 'Injected fault.');
}
