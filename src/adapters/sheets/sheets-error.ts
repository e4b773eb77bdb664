import { DomainError } from '../../domain/domain-error.js';
import { type Failure, failureKind, parseRetryAfter } from './retry-policy.js';

interface GaxiosLike {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

function header(headers: unknown, name: string): string | null {
  // gaxios hands over node-fetch's Headers, not the global class: test for get() rather than instanceof.
  const get = (headers as { get?: unknown } | null)?.get;
  if (typeof get === 'function') return (get as (n: string) => string | null).call(headers, name);
  if (headers && typeof headers === 'object') {
    const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return found ? String(found[1]) : null;
  }
  return null;
}

function googleMessage(data: unknown): string | null {
  const error = (data as { error?: { message?: unknown } } | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : null;
}

/** What a googleapis (gaxios) error means for retrying, read off its status and headers. */
export function describeFailure(error: unknown, now = Date.now()): Failure {
  const e = (error ?? {}) as GaxiosLike;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : null);
  return {
    kind: failureKind(status),
    status,
    retryAfterSeconds: parseRetryAfter(header(e.response?.headers, 'retry-after'), now),
    message: googleMessage(e.response?.data) ?? e.message ?? String(error),
  };
}

/**
 * A failure as the user hears it: what happened and that nothing was written.
 * The original error stays as `cause` for the log.
 */
export function sheetsFailureError(failure: Failure, action: string, cause: unknown, written = false): DomainError {
  const outcome = written ? '' : ' Nothing was written.';
  if (failure.kind === 'rate_limited') {
    return new DomainError(
      'rate_limited',
      `Google Sheets is busy (too many requests) and the bot gave up ${action} after several tries.${outcome} Try again in a minute.`,
      { status: failure.status },
      { cause },
    );
  }
  if (failure.kind === 'uncertain') {
    return new DomainError(
      'unavailable',
      `Google Sheets did not answer ${action} (${failure.status ?? 'no response'}).${outcome} Try again shortly.`,
      { status: failure.status },
      { cause },
    );
  }
  const hint =
    failure.status === 403
      ? " Share the sheet with the bot's service account as an editor."
      : failure.status === 404
        ? ' Check the spreadsheet ID.'
        : '';
  return new DomainError(
    'store_failed',
    `Google Sheets refused ${action}: ${failure.message}.${hint}${outcome}`,
    { status: failure.status },
    { cause },
  );
}
