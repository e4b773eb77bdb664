/**
 * Requests to the app as Slack sends them: slash commands and interactions as
 * form bodies, Events API envelopes as JSON, all signed with the signing
 * secret (https://api.slack.com/authentication/verifying-requests-from-slack).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

export const TEST_TEAM_ID = 'T0TEST';
export const TEST_APP_ID = 'A0TEST';

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}${Date.now()}${++sequence}${randomBytes(3).toString('hex')}`;

/** Signs a body as Slack does: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * Form body of a slash command as Slack sends it (token, team_id, channel_id, user_id, user_name, command, text,
 * response_url, trigger_id, api_app_id, …). Each call gets a fresh trigger_id unless one is given.
 */
export function slashCommandBody(fields: {
  command: string;
  text: string;
  userId: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
}): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: TEST_TEAM_ID,
    team_domain: 'test',
    channel_id: fields.channelId ?? 'C0TEST',
    channel_name: fields.channelName ?? 'general',
    user_id: fields.userId,
    user_name: fields.userName ?? fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: TEST_APP_ID,
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? nextId('13345224609.'),
  }).toString();
}

/** Form body of an interaction (block_actions, view_submission): payload=<json>. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * An Events API envelope (event_callback) with event_id, for app_mention / message / app_home_opened.
 * Adds `event_ts` to the event when missing; `authorizations` names the bot as UBOT, as the fake Slack API does.
 */
export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: TEST_TEAM_ID,
    api_app_id: TEST_APP_ID,
    event: { event_ts: `${nowSeconds}.000100`, ...event },
    type: 'event_callback',
    event_id: eventId ?? nextId('Ev'),
    event_time: nowSeconds,
    authorizations: [
      { enterprise_id: null, team_id: TEST_TEAM_ID, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: nextId('4-'),
  });
}

export interface SendOptions {
  secret: string;
  /** Default: 'json' when the body starts with '{', else 'form'. */
  contentType?: 'form' | 'json';
  /** Moves X-Slack-Request-Timestamp from now: + ahead, - behind (seconds). */
  timestampShiftSeconds?: number;
  /** Signs with another secret. */
  badSignature?: boolean;
  /** Leaves out X-Slack-Signature (the timestamp is still sent). */
  unsigned?: boolean;
  retryNum?: number;
  retryReason?: string;
}

/**
 * POSTs to the app with signature headers. Returns status, body text and the elapsed ms until the response ended.
 * Uses node:http without keep-alive, so no socket outlives the request and app.stop() is not held up.
 */
export async function sendToApp(
  url: string,
  body: string,
  options: SendOptions,
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = Math.floor(Date.now() / 1000) + (options.timestampShiftSeconds ?? 0);
  const contentType = options.contentType ?? (body.trimStart().startsWith('{') ? 'json' : 'form');
  // Bolt parses the form only when Content-Type is exactly this, without a charset.
  const headers: Record<string, string> = {
    'content-type': contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
  };
  if (options.unsigned !== true) {
    headers['x-slack-signature'] = slackSignature(
      options.badSignature === true ? `${options.secret}-wrong` : options.secret,
      timestamp,
      body,
    );
  }
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
