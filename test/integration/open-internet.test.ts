import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { seeded } from '../helpers/fake-sheets/faults.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { rawRequest, requestHead } from '../helpers/raw-http.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';
import { eventBody, slackSignature, slashCommandBody } from '../helpers/slack-signing.js';

/**
 * The bot in HTTP mode as it runs behind a public URL (`npm start`'s entry
 * point, a child process), sent what load balancers, monitors, scanners and
 * browsers send, then thousands of random requests. It must answer each with
 * a status, keep answering /healthz, never exit, and never put a header
 * value or secret in its log.
 */
const BOT_TOKEN = 'xoxb-PLANTED-BOT-TOKEN-5521';
const SIGNING_SECRET = 'PLANTED-SIGNING-SECRET-c0ffee';
const PLANTED = {
  authorization: 'Bearer PLANTED-AUTH-7f3a9',
  cookie: 'session=PLANTED-COOKIE-91bc; theme=dark',
  'x-api-key': 'PLANTED-APIKEY-4411',
  'proxy-authorization': 'Basic UExBTlRFRC1QUk9YWQ==',
};
const PLANTED_WORDS = ['PLANTED', 'UExBTlRFRC1QUk9YWQ'];

let slack: FakeSlackServer;
let bot: BotProcess;

beforeAll(async () => {
  slack = await startFakeSlackServer();
  slack.addUser({ id: 'U0PLAN', email: 'u0plan@example.org' });
  bot = await startBotProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    REGISTER_WORKBOOK: sampleWorkbookCopy('open-internet-'),
    // Reminders and the digest are for other tests: none due today here.
    RISK_BOT_CONFIG: 'config/default.json',
  });
}, 30_000);

afterAll(async () => {
  await bot?.kill();
  await slack?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Headers Slack would send for `body`, signed with the bot's secret (or with `timestamp` as given, unsigned when asked). */
function slackHeaders(
  body: string,
  contentType: string,
  options: { timestamp?: string; signed?: boolean; secret?: string } = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? String(nowSeconds());
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Slack-Request-Timestamp': timestamp,
  };
  if (options.signed !== false)
    headers['X-Slack-Signature'] = slackSignature(
      options.secret ?? SIGNING_SECRET,
      timestamp as unknown as number,
      body,
    );
  return headers;
}

function expectCleanLog(log: string): void {
  if (process.env.BOT_LOG_FILE) writeFileSync(process.env.BOT_LOG_FILE, log);
  for (const word of [...PLANTED_WORDS, BOT_TOKEN, SIGNING_SECRET]) expect(log).not.toContain(word);
  // No stack traces: a request never produces one.
  expect(log).not.toMatch(/^\s+at /m);
}

describe('requests Slack never sends', () => {
  const send = (method: string, target: string, headers: Record<string, string> = {}, body = '') =>
    rawRequest(bot.base, requestHead(method, target, { ...PLANTED, ...headers }), body);

  it.each([
    ['GET /', 'GET', '/', 404],
    ['HEAD /', 'HEAD', '/', 404],
    ['GET /favicon.ico', 'GET', '/favicon.ico', 404],
    ['GET /.env', 'GET', '/.env', 404],
    ['GET /slack/events', 'GET', '/slack/events', 405],
    ['PUT /slack/events', 'PUT', '/slack/events', 405],
    ['POST /healthz', 'POST', '/healthz', 405],
    ['DELETE /healthz', 'DELETE', '/healthz', 405],
    ['a broken %-escape', 'GET', '/%E0%A4%A', 400],
    ['a broken %-escape on the Slack path', 'POST', '/slack/%zz', 400],
    ['GET /healthz', 'GET', '/healthz', 200],
    ['HEAD /healthz', 'HEAD', '/healthz', 200],
    ['TRACE /', 'TRACE', '/', 404],
  ])('%s (%s %s) gets %i', async (_what, method, target, status) => {
    const response = await send(method, target);
    expect(response.status).toBe(status);
    if (status === 405) expect(response.headers.allow).toMatch(target === '/healthz' ? /GET, HEAD/ : /POST/);
  });

  it('OPTIONS names what a path allows', async () => {
    const events = await send('OPTIONS', '/slack/events');
    expect(events.status).toBe(204);
    expect(events.headers.allow).toBe('POST, OPTIONS');
    const health = await send('OPTIONS', '/healthz');
    expect(health.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it.each([
    ['a signed JSON null', 'null', 'application/json', {}, 400],
    ['a signed JSON list', '[]', 'application/json', {}, 400],
    ['a signed JSON string', '"hello"', 'application/json', {}, 400],
    ['signed broken JSON', '{"type":', 'application/json', {}, 400],
    ['a signed form whose payload is null', 'payload=null', 'application/x-www-form-urlencoded', {}, 400],
    ['a signed plain-text body', 'null', 'text/plain', {}, 415],
    [
      'an unsigned event',
      eventBody({ type: 'app_mention', text: 'hi', user: 'U0PLAN', channel: 'C0X', ts: '1.1' }),
      'application/json',
      { signed: false },
      401,
    ],
    ['a wrongly signed event', '{"type":"event_callback"}', 'application/json', { secret: 'not-the-secret' }, 401],
    ['timestamp Infinity', '{"type":"event_callback"}', 'application/json', { timestamp: 'Infinity' }, 401],
    ['timestamp 1e99', '{"type":"event_callback"}', 'application/json', { timestamp: '1e99' }, 401],
    [
      'a timestamp ten minutes old',
      '{"type":"event_callback"}',
      'application/json',
      { timestamp: String(nowSeconds() - 600) },
      401,
    ],
  ] as const)('%s (%j as %s, %o) gets %i', async (_what, body, type, options, status) => {
    const response = await send('POST', '/slack/events', slackHeaders(body, type, options), body);
    expect(response.status).toBe(status);
  });

  it.concurrent.each([
    ['a command with no response_url, user or trigger', 'command=%2Frisk&text=show+R-1'],
    [
      'a command with a response_url that is not a URL',
      'command=%2Frisk&text=show+R-1&user_id=U0PLAN&trigger_id=1.2&response_url=PLANTED',
    ],
    [
      'a button press with no actions',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: null, user: { id: 'U0PLAN' } }))}`,
    ],
    [
      'a button press with no user',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'item_done', value: 'x' }] }))}`,
    ],
    [
      'a form submission with no view',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: 'U0PLAN' } }))}`,
    ],
    [
      'a form submission with an empty view',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: 'U0PLAN' }, view: { callback_id: 'risk_update', private_metadata: 'x{', state: null } }))}`,
    ],
    ['an event with no event', JSON.stringify({ type: 'event_callback', event_id: 'Ev1' })],
    [
      'a mention with no text',
      JSON.stringify({ type: 'event_callback', event_id: 'Ev2', event: { type: 'app_mention', channel: 'C0X' } }),
    ],
    [
      'a message with a null text',
      JSON.stringify({
        type: 'event_callback',
        event_id: 'Ev3',
        event: { type: 'message', channel_type: 'im', text: null, user: 'U0PLAN', channel: 'D0X', ts: '1.2' },
      }),
    ],
    [
      'a Home tab opened by nobody',
      JSON.stringify({ type: 'event_callback', event_id: 'Ev4', event: { type: 'app_home_opened', tab: 'home' } }),
    ],
    // At once: the ones no listener takes wait out Bolt's three seconds, and each looks only at its own answer and the log meanwhile.
  ])('signed, but not what Slack sends: %s is answered, with nothing in the log but one line', async (_what, body) => {
    const before = bot.log();
    const response = await send(
      'POST',
      '/slack/events',
      slackHeaders(body, body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded'),
      body,
    );
    expect(response.status).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const added = bot.log().slice(before.length);
    expect(added).not.toMatch(/^\s+at /m);
    expect(bot.child.exitCode).toBeNull();
  });

  it('a body declared larger than Slack sends is refused before it is read', async () => {
    const response = await send(
      'POST',
      '/slack/events',
      { ...slackHeaders('{}', 'application/json'), 'Content-Length': String(50 * 1024 * 1024) },
      '{}',
    );
    expect(response.status).toBe(413);
  });

  it('a chunked body with no length is refused', async () => {
    const headers = slackHeaders('{}', 'application/json');
    delete headers['Content-Length'];
    const response = await send(
      'POST',
      '/slack/events',
      { ...headers, 'Transfer-Encoding': 'chunked' },
      '2\r\n{}\r\n0\r\n\r\n',
    );
    expect(response.status).toBe(411);
  });

  it('a body that goes on past its declared length is cut there', async () => {
    const body = '{"type":"event_callback","event":{}}';
    const response = await send(
      'POST',
      '/slack/events',
      slackHeaders(body, 'application/json'),
      `${body}${'x'.repeat(5000)}`,
    );
    expect(response.status).not.toBeNull();
  });

  it('a request line Node cannot parse, or headers too large, are answered by the server', async () => {
    expect((await rawRequest(bot.base, 'GARBAGE\r\n\r\n')).status).toBe(400);
    expect((await rawRequest(bot.base, requestHead('GET', '/healthz', { 'X-Big': 'a'.repeat(20_000) }))).status).toBe(
      431,
    );
  });

  it('a signed command still works after all that, and nothing reached the log', async () => {
    const body = slashCommandBody({
      command: '/risk',
      text: 'show R-1',
      userId: 'U0PLAN',
      responseUrl: slack.responseUrl(),
    });
    const response = await send('POST', '/slack/events', slackHeaders(body, 'application/x-www-form-urlencoded'), body);
    expect(response.status).toBe(200);
    const [answer] = await slack.waitFor('response_url', 1, 10_000);
    expect(JSON.stringify(answer!.args)).toContain('R - 1');
    expect(bot.child.exitCode).toBeNull();
    expectCleanLog(bot.log());
  });
});

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'PROPFIND'];
const TARGETS = [
  '/',
  '/slack/events',
  '/slack/events',
  '/slack/events',
  '/healthz',
  '/favicon.ico',
  '/%zz',
  '/slack/events?ssl_check=%',
  '//slack/events',
  '/slack/events/../healthz',
  '/slack/events/',
  '/SLACK/EVENTS',
  '/healthz?token=xoxb-PLANTED-QUERY',
  'http://evil.example/slack/events',
  '*',
  '/%00',
  '/wp-login.php',
];
const BODIES = [
  '',
  'null',
  '[]',
  '{}',
  '"x"',
  '{"type":"event_callback"}',
  '{"type":"url_verification","challenge":"c"}',
  'payload=null',
  'payload=%7B%7D',
  'ssl_check=1',
  'command=%2Frisk&text=show',
  '{"token":"xoxb-PLANTED-BODY","a":',
  'ya29.PLANTEDGOOGLE',
  '\u0000\u0001\u00ff',
  '{"type":"block_actions","actions":null}',
];
const TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data',
  '',
];

function randomRequest(random: () => number): { head: string; body: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Half are shaped like Slack's requests, so the checks behind the first ones are reached too.
  const slackShaped = random() < 0.5;
  const method = slackShaped ? 'POST' : pick(METHODS);
  const target = slackShaped ? '/slack/events' : pick(TARGETS);
  const body = random() < 0.1 ? 'z'.repeat(Math.floor(random() * 4000)) : pick(BODIES);
  const headers: Record<string, string> = {};
  if (random() < 0.5) Object.assign(headers, PLANTED);
  const type = slackShaped ? pick(TYPES.slice(0, 4)) : pick(TYPES);
  if (type !== '') headers['Content-Type'] = type;
  const length = random();
  if (length < 0.8) headers['Content-Length'] = String(Buffer.byteLength(body, 'latin1'));
  else if (length < 0.85) headers['Content-Length'] = '-1';
  else if (length < 0.9)
    headers['Content-Length'] = String(
      Buffer.byteLength(body, 'latin1') > 0 ? Buffer.byteLength(body, 'latin1') - 1 : 0,
    );
  else if (length < 0.95) headers['Content-Length'] = String(10 ** 12);
  const stamp = random();
  const timestamp =
    stamp < 0.6
      ? String(nowSeconds())
      : pick(['Infinity', '1e99', '-1', '', String(nowSeconds() + 900), 'abc', String(nowSeconds() - 900)]);
  if (stamp < 0.9) headers['X-Slack-Request-Timestamp'] = timestamp;
  const sign = random();
  // Signed bodies that Bolt can take wait up to three seconds for a listener: keep them few.
  const signable =
    ![
      '{}',
      '{"type":"event_callback"}',
      'payload=%7B%7D',
      'command=%2Frisk&text=show',
      '{"type":"block_actions","actions":null}',
    ].includes(body) || random() < 0.1;
  if (sign < 0.5 && signable)
    headers['X-Slack-Signature'] = slackSignature(SIGNING_SECRET, timestamp as unknown as number, body);
  else if (sign < 0.7) headers['X-Slack-Signature'] = pick(['v0=', `v0=${'0'.repeat(64)}`, 'v1=abc', 'PLANTED-SIG']);
  if (random() < 0.1) headers[`X-Junk-${Math.floor(random() * 1000)}`] = 'x'.repeat(Math.floor(random() * 200));
  if (random() < 0.05) headers['X-Slack-Retry-Num'] = pick(['1', 'NaN', '-4', '99999999999999']);
  return { head: requestHead(method, target, headers), body };
}

describe('a fuzz run against the real server', () => {
  it('5,000 random requests, signed and unsigned: each answered with a status, /healthz answering throughout, the process alive, the log clean', async () => {
    const random = seeded(20261130);
    const requests = Array.from({ length: 5000 }, () => randomRequest(random));
    const statuses = new Map<number | null, number>();
    const healthFailures: string[] = [];
    let fuzzing = true;
    const probe = (async () => {
      while (fuzzing) {
        const health = await rawRequest(bot.base, requestHead('GET', '/healthz'), '', 3000);
        if (health.status !== 200) healthFailures.push(String(health.status));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const { head, body } = requests[next++]!;
        const response = await rawRequest(bot.base, head, Buffer.from(body, 'latin1'), 20_000);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    fuzzing = false;
    await probe;
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(null) ?? 0).toBe(0);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(5000);
    expect([...statuses.keys()].every((status) => status !== null && status >= 200 && status < 600)).toBe(true);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(healthFailures).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
    expect((await rawRequest(bot.base, requestHead('GET', '/healthz'))).status).toBe(200);
    expectCleanLog(bot.log());
  }, 180_000);
});
