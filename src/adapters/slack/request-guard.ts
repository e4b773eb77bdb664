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

/** Slack's payloads are a few kilobytes (a full modal, tens); anything far larger is not from Slack. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a body declared larger than Slack ever sends, before it is read:
 * Bolt reads the whole body into memory before checking the signature.
 * A body without a declared length is cut off once it passes the limit.
 * Returns true when it answered (413).
 */
export function refuseOversizedRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
    res.end('request body too large');
    return true;
  }
  if (req.headers['content-length'] === undefined) {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > MAX_BODY_BYTES) req.destroy();
    });
  }
  return false;
}
