/**
 * A local fake of the Slack Web API for tests that drive the real Bolt App
 * and the real @slack/web-api WebClient:
 *
 *   const slack = await startFakeSlackServer();
 *   const app = new App({ token: 'xoxb-test', signingSecret, clientOptions: { slackApiUrl: slack.url, retryConfig: { retries: 0 } } });
 *   await slack.waitFor('chat.postMessage');
 *
 * It answers like Slack: HTTP 200 with `{ ok: true, … }` or `{ ok: false, error }`
 * (with `response_metadata.messages` saying which limit was broken), HTTP 429
 * with `Retry-After` when rateLimit() asks for it. Block Kit limits are
 * enforced (see fake-slack/block-limits.ts), trigger_ids are single use, and a
 * response_url takes at most 5 posts. Unknown methods: `unknown_method`;
 * no token: `not_authed`.
 *
 * Besides Web API methods, `calls` records the file bytes POSTed to an
 * upload_url from files.getUploadURLExternal, as method 'upload_url' with args
 * `{ file_id, filename, length, bytes }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blocksProblems, MESSAGE_BLOCK_LIMIT } from './fake-slack/block-limits.js';
import { parseArgs, parseMultipart, readRaw, tokenOf } from './fake-slack/body.js';
import { METHODS } from './fake-slack/methods.js';
import { type FakeUser, type Json, SlackState } from './fake-slack/state.js';
import { Waiters } from './fake-slack/waiters.js';

export type { FakeUser } from './fake-slack/state.js';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** Date.now() when the request arrived. */
  at: number;
  /** The `error` Slack answered with, when it answered `ok: false`. */
  error?: string;
  /** True when this call was answered HTTP 429 by rateLimit(). */
  rateLimited?: boolean;
}

export interface FakeSlackServer {
  /** 'http://127.0.0.1:PORT/api/': pass as clientOptions.slackApiUrl. */
  url: string;
  /** Every Web API call in order (method like 'chat.postMessage'), rate-limited and failed ones included. */
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Requests made to response_url endpoints (see responseUrl()), refused ones included; "Working on it" notes aside. */
  responses: Array<{ path: string; body: Record<string, unknown> }>;
  /**
   * The "Working on it" notes an answer slower than a second sends first
   * (src/adapters/slack/progress-note.ts): kept apart, so that a test waiting
   * for an answer gets the answer however busy the machine; 'response_url:note' waits for them.
   * Notes posted as messages are recorded as 'chat.postMessage:note' (or 'chat.postEphemeral:note') calls.
   */
  progressNotes: Array<{ path: string; body: Record<string, unknown> }>;
  /** A response_url on this server for a slash command or interaction payload. */
  responseUrl(name?: string): string;
  /**
   * Resolves when `count` calls to `method` (or `count` responses when method is 'response_url') have been answered,
   * with all of them (responses as calls whose args are `{ path, ...body }`); rejects after timeoutMs (default 3000).
   */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<SlackCall[]>;
  /** Next calls to `method` get HTTP 429 with Retry-After (seconds), `times` times (default 1). */
  rateLimit(method: string, retryAfterSeconds: number, times?: number): void;
  /** Next calls to `method` are answered `{ ok: false, error }` (e.g. 'missing_scope'), `times` times (default 1), and take no effect. */
  refuse(method: string, error: string, times?: number): void;
  /**
   * From the `fromCall`-th call to `method` on (1-based), the call takes effect but is never answered:
   * Slack got the message, the client never hears so. For killing a client mid-run.
   */
  holdAnswers(method: string, fromCall: number): void;
  /** Messages posted to a channel (a user ID means the DM with them), oldest first, thread replies included. */
  messagesIn(channel: string): Array<Record<string, unknown>>;
  /** Users known to users.lookupByEmail / users.info: email → user id. */
  addUser(user: FakeUser): void;
  /** Members of a user group for usergroups.users.list. */
  setUserGroup(groupId: string, userIds: string[]): void;
  /** Back to the state just after start: forgets calls, responses, rate limits, refusals, users, groups, messages, views, uploads and used triggers. */
  reset(): void;
  close(): Promise<void>;
}

/** The text of the bot's "Working on it" note (WORKING_ON_IT's summary). */
const PROGRESS_NOTE_TEXT = 'Working on it';

/** Slack refuses a response_url after this many uses. */
const RESPONSE_URL_USES = 5;

function send(res: ServerResponse, status: number, body: Json | string, headers: Record<string, string> = {}): void {
  const json = typeof body !== 'string';
  res.writeHead(status, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    ...headers,
  });
  res.end(json ? JSON.stringify(body) : body);
}

export async function startFakeSlackServer(): Promise<FakeSlackServer> {
  let state = new SlackState();
  const calls: SlackCall[] = [];
  const responses: Array<{ path: string; body: Record<string, unknown> }> = [];
  const responseTimes: number[] = [];
  const rateLimits = new Map<string, { retryAfter: number; times: number }>();
  const refusals = new Map<string, { error: string; times: number }>();
  const held = new Map<string, number>();
  let responseSeq = 0;
  const callsTo = (method: string): SlackCall[] => calls.filter((c) => c.method === method);
  const progressNotes: Array<{ path: string; body: Record<string, unknown> }> = [];
  const countOf = (key: string): number =>
    key === 'response_url'
      ? responses.length
      : key === 'response_url:note'
        ? progressNotes.length
        : callsTo(key).length;
  const waiters = new Waiters(countOf, () => calls.map((c) => c.method).join(', ') || 'none');

  function take<T extends { times: number }>(scripted: Map<string, T>, method: string): T | undefined {
    const next = scripted.get(method);
    if (next === undefined) return undefined;
    next.times -= 1;
    if (next.times <= 0) scripted.delete(method);
    return next;
  }

  function serveApi(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer, url: URL): void {
    let args: Json;
    try {
      args = parseArgs(raw, req.headers['content-type'], url.searchParams);
    } catch {
      send(res, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    // A "Working on it" note posted as a message is kept apart too, as on response_url: callsTo('chat.postMessage:note').
    const note = (method === 'chat.postMessage' || method === 'chat.postEphemeral') && args.text === PROGRESS_NOTE_TEXT;
    const call: SlackCall = {
      method: note ? `${method}:note` : method,
      args,
      token: tokenOf(req, args),
      at: Date.now(),
    };
    calls.push(call);
    const retryAfter = take(rateLimits, method)?.retryAfter;
    if (retryAfter !== undefined) {
      call.rateLimited = true;
      call.error = 'ratelimited';
      send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      return;
    }
    const handler = METHODS[method];
    const refusal = take(refusals, method)?.error;
    const result: Json =
      call.token === null
        ? { ok: false, error: 'not_authed' }
        : handler === undefined
          ? { ok: false, error: 'unknown_method' }
          : refusal !== undefined
            ? { ok: false, error: refusal }
            : handler(args, { state, origin: originOf() });
    if (result.ok !== true) call.error = String(result.error);
    const holdFrom = held.get(method);
    if (holdFrom !== undefined && callsTo(method).length >= holdFrom) return;
    send(res, 200, result);
  }

  function serveUpload(req: IncomingMessage, res: ServerResponse, fileId: string, raw: Buffer): void {
    const upload = state.uploads.get(fileId);
    const contentType = req.headers['content-type'] ?? '';
    const parts = contentType.startsWith('multipart/form-data') ? parseMultipart(raw, contentType) : [];
    const part = parts.find((p) => p.filename !== undefined) ?? parts[0];
    const bytes = part?.data ?? raw;
    calls.push({
      method: 'upload_url',
      args: { file_id: fileId, filename: upload?.filename, length: bytes.length, bytes },
      token: tokenOf(req, {}),
      at: Date.now(),
    });
    if (upload === undefined) {
      send(res, 404, 'file not found');
      return;
    }
    upload.bytes = Buffer.from(bytes);
    send(res, 200, `OK - ${bytes.length}`);
  }

  function serveResponseUrl(res: ServerResponse, path: string, raw: Buffer): void {
    let body: Json;
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      body = parsed !== null && typeof parsed === 'object' ? (parsed as Json) : { value: parsed };
    } catch {
      responses.push({ path, body: { raw: raw.toString('utf8') } });
      responseTimes.push(Date.now());
      send(res, 400, 'invalid_payload');
      return;
    }
    if (body.text === PROGRESS_NOTE_TEXT) progressNotes.push({ path, body });
    else {
      responses.push({ path, body });
      responseTimes.push(Date.now());
    }
    const uses = [...responses, ...progressNotes].filter((r) => r.path === path).length;
    if (uses > RESPONSE_URL_USES) {
      send(res, 404, 'used_url');
      return;
    }
    if (body.blocks !== undefined && blocksProblems(body.blocks, MESSAGE_BLOCK_LIMIT).length > 0) {
      send(res, 400, 'invalid_blocks');
      return;
    }
    send(res, 200, 'ok');
  }

  const server = createServer((req, res) => {
    readRaw(req)
      .then((raw) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
        const upload = /^\/upload\/v1\/(\w+)$/.exec(url.pathname);
        if (api?.[1] !== undefined) serveApi(req, res, api[1], raw, url);
        else if (upload?.[1] !== undefined && req.method === 'POST') serveUpload(req, res, upload[1], raw);
        else if (url.pathname.startsWith('/response/') && req.method === 'POST')
          serveResponseUrl(res, url.pathname, raw);
        else send(res, 404, 'not found');
        waiters.check();
      })
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const originOf = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = originOf();

  return {
    url: `${origin}/api/`,
    calls,
    callsTo,
    responses,
    progressNotes,
    responseUrl: (name) => {
      responseSeq += 1;
      return `${origin}/response/${encodeURIComponent(name ?? `r${responseSeq}`)}`;
    },
    waitFor: async (method, count = 1, timeoutMs = 3000) => {
      await waiters.wait(method, count, timeoutMs);
      if (method === 'response_url:note')
        return progressNotes.map((r) => ({ method, args: { path: r.path, ...r.body }, token: null, at: 0 }));
      if (method !== 'response_url') return callsTo(method);
      return responses.map((r, i) => ({
        method,
        args: { path: r.path, ...r.body },
        token: null,
        at: responseTimes[i] ?? 0,
      }));
    },
    rateLimit: (method, retryAfterSeconds, times = 1) => {
      rateLimits.set(method, { retryAfter: retryAfterSeconds, times });
    },
    refuse: (method, error, times = 1) => {
      refusals.set(method, { error, times });
    },
    holdAnswers: (method, fromCall) => {
      held.set(method, fromCall);
    },
    messagesIn: (channel) => {
      const id = /^[UW]/.test(channel) ? `D${channel}` : channel;
      return [...state.messages.entries()]
        .filter(([key]) => key.startsWith(`${id}:`))
        .map(([, m]) => m)
        .sort((a, b) => Number(a.ts) - Number(b.ts));
    },
    addUser: (user) => {
      state.users.set(user.id, { ...user });
    },
    setUserGroup: (groupId, userIds) => {
      state.groups.set(groupId, [...userIds]);
    },
    reset: () => {
      state = new SlackState();
      calls.length = 0;
      responses.length = 0;
      progressNotes.length = 0;
      responseTimes.length = 0;
      rateLimits.clear();
      refusals.clear();
      held.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        waiters.rejectAll('server closed');
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
