import type { WriteRequest } from '../../ports/register-store.js';

/** Whether a request asks for nothing at all: no cell, no row, no Audit line, no snapshot. */
export function writesNothing(request: WriteRequest): boolean {
  return (
    request.updates.length === 0 &&
    request.inserts.length === 0 &&
    request.audit.length === 0 &&
    request.snapshot === undefined
  );
}
