/** Every failure the core or a store can report, as a code the edge turns into words. */
export type DomainErrorCode =
  | 'item_not_found'
  | 'item_duplicated'
  | 'item_exists'
  | 'conflict'
  | 'sheet_schema_invalid'
  /** The change would write over a cell holding a formula: refused, naming the cell and the formula. */
  | 'formula_cell'
  | 'invalid_value'
  | 'not_permitted'
  | 'rate_limited'
  | 'unavailable'
  | 'store_failed'
  /** The bot is shutting down: the change was not started, so nothing was written. */
  | 'stopping'
  /** The same request (a Slack retry or replay) was applied before: the Audit log holds its change. */
  | 'already_applied'
  /** The register is a file the bot only reads (a CSV export): nothing was written. */
  | 'read_only';

/**
 * A failure with a code and structured details. `message` is for logs and the
 * console; the Slack edge chooses its own words from `code` and `details`.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: DomainErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
