import type { IncomingMessage, ServerResponse } from 'node:http';

/** How far a request's timestamp may be from now, either way: Slack's replay window. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * Refuses a request stamped more than five minutes ahead. Bolt refuses old
 * ones but accepts future ones, which would let a captured request be
 * replayed later. Returns true when it answered (401).
 */
export function refuseFutureRequest(req: IncomingMessage, res: ServerResponse, nowSeconds: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const stamp = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(stamp) || stamp <= nowSeconds + MAX_CLOCK_SKEW_SECONDS) return false;
  res.writeHead(401, { 'content-type': 'text/plain' });
  res.end('request timestamp is in the future');
  return true;
}
