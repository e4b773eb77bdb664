import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseForm } from 'node:querystring';

/** How far a request's timestamp may be from now, either way: Slack's replay window. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** A refusal: the status to answer and why, for the log (never echoed from the request). */
export interface Refusal {
  status: number;
  reason: string;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

const refuse = (status: number, reason: string): { ok: false } & Refusal => ({ ok: false, status, reason });

/** The content types Slack sends: Events API envelopes as JSON, commands and interactions as forms. */
export type SlackContentType = 'json' | 'form';

export interface SlackHeaders {
  signature: string;
  timestamp: number;
  contentType: SlackContentType;
  contentLength: number;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

/**
 * What can be told from a request's headers alone, before any of its body is
 * read: Slack's signature and timestamp are present and well formed, the
 * timestamp is a whole second within five minutes of now either way (Bolt
 * checks only the old side, and takes "Infinity" or "1e99" as fresh), the
 * content is JSON or a form, and its length is declared and within `maxBytes`.
 */
export function checkSlackHeaders(
  headers: IncomingHttpHeaders,
  nowSeconds: number,
  maxBytes: number,
): Checked<SlackHeaders> {
  const signature = single(headers['x-slack-signature']);
  const stamp = single(headers['x-slack-request-timestamp']);
  if (signature === undefined || stamp === undefined) return refuse(401, 'no Slack signature');
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return refuse(401, 'malformed Slack signature');
  if (!/^[0-9]{1,12}$/.test(stamp)) return refuse(401, 'malformed Slack timestamp');
  const timestamp = Number(stamp);
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) return refuse(401, 'stale or future Slack timestamp');
  const contentType = slackContentType(single(headers['content-type']));
  if (contentType === null) return refuse(415, 'not JSON or a form');
  const length = single(headers['content-length']);
  if (length === undefined) return refuse(411, 'no Content-Length');
  if (!/^[0-9]{1,12}$/.test(length)) return refuse(400, 'malformed Content-Length');
  const contentLength = Number(length);
  if (contentLength > maxBytes) return refuse(413, 'body too large');
  return { ok: true, value: { signature, timestamp, contentType, contentLength } };
}

/**
 * Bolt reads a body as a form only when Content-Type is exactly the form
 * type (as Slack sends it), and as JSON otherwise; anything that is neither
 * is refused here, so what passes is read the same way by both.
 */
function slackContentType(header: string | undefined): SlackContentType | null {
  if (header === 'application/x-www-form-urlencoded') return 'form';
  return header !== undefined && header.split(';')[0]!.trim().toLowerCase() === 'application/json' ? 'json' : null;
}

/** Whether `signature` is Slack's v0 HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret; compared in constant time. */
export function hasValidSignature(
  secret: string,
  headers: Pick<SlackHeaders, 'signature' | 'timestamp'>,
  body: Buffer,
): boolean {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${headers.timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether a signed body is one Bolt can take: an object, however it came
 * (JSON, a form, or a form's `payload` field of JSON). Bolt reads fields
 * of whatever the body parses to, so a signed `null` or `[]` would throw
 * inside it, where nothing catches it.
 */
export function hasObjectBody(contentType: SlackContentType, body: Buffer): boolean {
  const text = body.toString('utf8');
  try {
    if (contentType === 'form') {
      const form = parseForm(text);
      return typeof form.payload === 'string' ? isPlainObject(JSON.parse(form.payload)) : !Array.isArray(form.payload);
    }
    return isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
