import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { describeError, type Log, logRef } from '../log/log.js';
import { BodyBudget, readBody } from './body-reader.js';
import type { HttpLimits } from './http-limits.js';
import { checkSlackHeaders, hasObjectBody, hasValidSignature } from './slack-request-check.js';

/** Where Slack sends commands, interactions and events. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** What load balancers and uptime monitors probe. */
export const HEALTH_PATH = '/healthz';

/** Bolt's request listener, given a request whose body is already read and checked (Bolt takes a buffered `rawBody`). */
export type SlackListener = (req: IncomingMessage & { rawBody: Buffer }, res: ServerResponse) => void;

export interface FrontDoorDeps {
  slack: SlackListener;
  signingSecret: string;
  nowSeconds: () => number;
  log: Log;
  limits: HttpLimits;
  /** True once the bot is shutting down: new work is turned away and the health check fails, so balancers stop sending. */
  stopping: () => boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

function answer(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** A request refused before its body is read: the connection is closed, so the unread body is never taken in. */
const refuseUnread = (res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}) =>
  answer(res, status, text, { connection: 'close', ...headers });

/** The request's path, or null when it cannot be read (a broken %-escape, an over-long or empty target). */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || target === '' || target.length > 2048) return null;
  try {
    const { pathname } = new URL(target, 'http://localhost');
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

/**
 * Every request the bot's public URL receives, answered: Slack's signed
 * POSTs to /slack/events are checked (signature headers and timestamp before
 * any body is read, the body's size as it streams, then the signature and
 * that it is an object) and handed to Bolt; /healthz answers GET and HEAD;
 * OPTIONS lists what a path allows; a wrong method gets 405 with Allow; any
 * other path 404. Nothing a request sends can throw out of here: Node would
 * end the process.
 */
export function frontDoor(deps: FrontDoorDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const budget = new BodyBudget(deps.limits.bodyBudgetBytes);

  const health: Handler = (_req, res) => {
    if (deps.stopping()) answer(res, 503, 'stopping', { connection: 'close' });
    else answer(res, 200, 'ok');
  };

  const slackEvent: Handler = async (req, res) => {
    if (deps.stopping()) return refuseUnread(res, 503, 'stopping', { 'retry-after': '10' });
    const checked = checkSlackHeaders(req.headers, deps.nowSeconds(), deps.limits.maxBodyBytes);
    if (!checked.ok) return refuseUnread(res, checked.status, checked.reason);
    const headers = checked.value;
    if (!budget.reserve(headers.contentLength)) return refuseUnread(res, 503, 'busy', { 'retry-after': '1' });
    let body: Buffer;
    try {
      const read = await readBody(req, headers.contentLength, deps.limits.bodyTimeoutMs);
      if (!read.ok) return refuseUnread(res, read.status, read.reason);
      body = read.body;
    } finally {
      budget.release(headers.contentLength);
    }
    if (!hasValidSignature(deps.signingSecret, headers, body)) return answer(res, 401, 'bad Slack signature');
    if (!hasObjectBody(headers.contentType, body)) return answer(res, 400, 'malformed body');
    deps.slack(Object.assign(req, { rawBody: body }), res);
  };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    [SLACK_EVENTS_PATH]: { POST: slackEvent },
    [HEALTH_PATH]: { GET: health, HEAD: health },
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = requestPath(req.url);
    if (path === null) return refuseUnread(res, 400, 'bad request target');
    const methods = Object.hasOwn(routes, path) ? routes[path]! : undefined;
    if (methods === undefined) return refuseUnread(res, 404, 'not found');
    const allow = [...Object.keys(methods), 'OPTIONS'].join(', ');
    const method = req.method ?? '';
    if (method === 'OPTIONS') return refuseUnread(res, 204, '', { allow });
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (handler === undefined) return refuseUnread(res, 405, 'method not allowed', { allow });
    await handler(req, res);
  };

  // Bolt's own server catches what its listener throws; this does the same for every route, and for what is awaited.
  const failed = (res: ServerResponse, error: unknown) => {
    const ref = logRef();
    deps.log(`http: request failed (ref ${ref}): ${describeError(error, false)}`);
    if (res.headersSent) res.destroy();
    else refuseUnread(res, 500, `internal error (ref ${ref})`);
  };

  return (req, res) => {
    try {
      route(req, res).catch((error: unknown) => failed(res, error));
    } catch (error) {
      failed(res, error);
    }
  };
}
