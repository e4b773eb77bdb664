/** How a failed request is treated. */
export type FailureKind =
  /** Refused before anything happened (429): safe to try again after a wait. */
  | 'rate_limited'
  /** May or may not have been applied (5xx, time-out, dropped connection): a write must check before trying again. */
  | 'uncertain'
  /** Will fail the same way again (400, 403, 404): give up. */
  | 'permanent';

export interface Failure {
  kind: FailureKind;
  status: number | null;
  /** Seconds the server asked us to wait, from Retry-After. */
  retryAfterSeconds: number | null;
  message: string;
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

/**
 * Truncated exponential backoff with full jitter (Google's advice for the
 * Sheets API): a random wait up to base x 2^attempt, never above the cap,
 * and never shorter than the server's Retry-After.
 */
export function backoffDelayMs(attempt: number, retryAfterSeconds: number | null, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  const jittered = Math.round(random() * ceiling);
  return retryAfterSeconds === null ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

/** Classifies a response status; `null` means no response at all (network error, time-out). */
export function failureKind(status: number | null): FailureKind {
  if (status === 429) return 'rate_limited';
  if (status === null || status >= 500 || status === 408) return 'uncertain';
  return 'permanent';
}
