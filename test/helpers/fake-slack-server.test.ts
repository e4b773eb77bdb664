import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, type Logger, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackServer, startFakeSlackServer } from './fake-slack-server.js';
import { eventBody, sendToApp, slackSignature, slashCommandBody } from './slack-signing.js';

let slack: FakeSlackServer;
beforeAll(async () => {
  slack = await startFakeSlackServer();
});
afterEach(() => slack.reset());
afterAll(() => slack.close());

/** WebClient logs Slack's response_metadata "[ERROR] …" messages at error level: keep the expected ones quiet. */
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

// A retrying client tries again 10 ms after web-api's own wait for Retry-After, not a second after it.
const client = (retries = 0, extra: Record<string, unknown> = {}): WebClient =>
  new WebClient('xoxb-test', {
    slackApiUrl: slack.url,
    retryConfig: { retries, minTimeout: 10, maxTimeout: 10 },
    logger: quiet,
    ...extra,
  });

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: ErrorCode.PlatformError });
  return error as WebAPIPlatformError;
}

describe('fake Slack Web API through the real WebClient', () => {
  it('when a message is posted, records it with its blocks parsed and the bearer token', async () => {
    const result = await client().chat.postMessage({ channel: 'C1', text: 'hi', blocks: [section('*R1* Flood')] });
    expect(result).toMatchObject({ ok: true, channel: 'C1', message: { text: 'hi' } });
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    const [call] = slack.callsTo('chat.postMessage');
    expect(call).toMatchObject({
      token: 'xoxb-test',
      args: { channel: 'C1', text: 'hi', blocks: [section('*R1* Flood')] },
    });
  });

  it('when a message is posted to a user ID, answers with the DM channel', async () => {
    const result = await client().chat.postMessage({ channel: 'U123', text: 'nudge' });
    expect(result.channel).toBe('DU123');
  });

  it('when an ephemeral message is posted, answers with message_ts', async () => {
    const result = await client().chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(result.message_ts).toMatch(/^\d+\.\d+$/);
    expect(slack.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({ user: 'U1', text: 'only you' });
  });

  it('when a DM is opened, answers with D + the user ID', async () => {
    const result = await client().conversations.open({ users: 'U7' });
    expect(result.channel?.id).toBe('DU7');
  });

  it('when an email is known, users.lookupByEmail finds the user; when not, fails with users_not_found', async () => {
    slack.addUser({ id: 'U42', email: 'ada@example.org', name: 'ada', tz: 'Europe/London' });
    const found = await client().users.lookupByEmail({ email: 'Ada@Example.org' });
    expect(found.user).toMatchObject({ id: 'U42', tz: 'Europe/London', profile: { email: 'ada@example.org' } });
    const error = await platformError(client().users.lookupByEmail({ email: 'nobody@example.org' }));
    expect(error.data.error).toBe('users_not_found');
    expect(slack.callsTo('users.lookupByEmail').map((c) => c.error)).toEqual([undefined, 'users_not_found']);
  });

  it('when a user group is set, usergroups.users.list lists its members', async () => {
    slack.setUserGroup('S1', ['U1', 'U2']);
    expect((await client().usergroups.users.list({ usergroup: 'S1' })).users).toEqual(['U1', 'U2']);
    expect((await platformError(client().usergroups.users.list({ usergroup: 'S9' }))).data.error).toBe(
      'no_such_subteam',
    );
  });

  it('when a method is rate limited once, a retrying client waits Retry-After and then succeeds', async () => {
    slack.rateLimit('chat.postMessage', 1);
    const started = Date.now();
    const result = await client(1).chat.postMessage({ channel: 'C1', text: 'retry me' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(slack.callsTo('chat.postMessage').map((c) => c.rateLimited ?? false)).toEqual([true, false]);
  });

  it('when a client does not retry, a 429 still waits Retry-After and then rejects with a plain Error (no code)', async () => {
    slack.rateLimit('conversations.open', 1);
    const started = Date.now();
    const error = await client(0)
      .conversations.open({ users: 'U1' })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: unknown }).code).toBeUndefined();
    expect((error as Error).message).toMatch(/rate limit was exceeded/);
  });

  it('when a method is refused, answers ok:false with that error the given number of times, then as usual', async () => {
    slack.setUserGroup('S1', ['U1']);
    slack.refuse('usergroups.users.list', 'missing_scope', 2);
    for (let i = 0; i < 2; i++)
      expect((await platformError(client().usergroups.users.list({ usergroup: 'S1' }))).data.error).toBe(
        'missing_scope',
      );
    expect(await client().usergroups.users.list({ usergroup: 'S1' })).toMatchObject({ ok: true, users: ['U1'] });
    expect(slack.callsTo('usergroups.users.list').map((c) => c.error)).toEqual([
      'missing_scope',
      'missing_scope',
      undefined,
    ]);
  });

  it('when rejectRateLimitedCalls is set, a 429 surfaces at once as a rate-limited error with retryAfter', async () => {
    slack.rateLimit('users.lookupByEmail', 30);
    const started = Date.now();
    const error = await client(0, { rejectRateLimitedCalls: true })
      .users.lookupByEmail({ email: 'a@b.c' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when a message has 51 blocks, fails with invalid_blocks as a platform error', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    const error = await platformError(client().chat.postMessage({ channel: 'C1', text: 'x', blocks }));
    expect(error.data.error).toBe('invalid_blocks');
    expect(error.data.response_metadata?.messages).toContain(
      '[ERROR] must provide no more than 50 items [json-pointer:/blocks]',
    );
  });

  it('when a section breaks a text or fields limit, fails with invalid_blocks', async () => {
    const long = [section('x'.repeat(3001))];
    const manyFields = [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }];
    const longField = [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'y'.repeat(2001) }] }];
    for (const blocks of [long, manyFields, longField]) {
      expect(
        (await platformError(client().chat.update({ channel: 'C1', ts: '1.000001', text: 'x', blocks }))).data.error,
      ).toBe('invalid_blocks');
    }
    await expect(
      client().chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('x'.repeat(3000))] }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('when a view has 101 blocks, fails with invalid_arguments; a trigger_id works once', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Update risk' },
      blocks: [section('ok')],
    };
    const tooBig = { ...view, blocks: Array.from({ length: 101 }, () => section('b')) };
    expect(
      (await platformError(client().views.publish({ user_id: 'U1', view: { ...tooBig, type: 'home' } }))).data.error,
    ).toBe('invalid_arguments');
    expect((await platformError(client().views.open({ trigger_id: 't1', view: tooBig }))).data.error).toBe(
      'invalid_arguments',
    );
    const opened = await client().views.open({ trigger_id: 't1', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect((await platformError(client().views.push({ trigger_id: 't1', view }))).data.error).toBe(
      'exchanged_trigger_id',
    );
    await expect(client().views.update({ view_id: opened.view?.id ?? '', view })).resolves.toMatchObject({ ok: true });
  });

  it('when a file is uploaded with uploadV2, the bytes go to this server and completeUploadExternal is recorded', async () => {
    await client().files.uploadV2({
      channel_id: 'C1',
      file: Buffer.from('ID,Title\nR1,Flood\n'),
      filename: 'register.csv',
    });
    const [urlCall] = slack.callsTo('files.getUploadURLExternal');
    expect(urlCall?.args).toMatchObject({ filename: 'register.csv', length: '18' });
    const [upload] = slack.callsTo('upload_url');
    expect((upload!.args.bytes as Buffer).toString()).toBe('ID,Title\nR1,Flood\n');
    const [complete] = slack.callsTo('files.completeUploadExternal');
    expect(complete?.args).toMatchObject({
      channel_id: 'C1',
      files: [{ id: upload?.args.file_id, title: 'register.csv' }],
    });
    expect(complete?.error).toBeUndefined();
  });

  it('when an unknown method or no token is used, answers like Slack', async () => {
    expect((await platformError(client().apiCall('reactions.add', { channel: 'C1' }))).data.error).toBe(
      'unknown_method',
    );
    const anonymous = new WebClient(undefined, { slackApiUrl: slack.url, retryConfig: { retries: 0 }, logger: quiet });
    expect((await platformError(anonymous.auth.test())).data.error).toBe('not_authed');
  });

  it('when a response_url is used a sixth time, refuses it', async () => {
    const url = slack.responseUrl();
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hi' }),
      });
    for (let i = 0; i < 5; i += 1) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(404);
    expect(await slack.waitFor('response_url', 6)).toHaveLength(6);
  });

  it("keeps the bot's 'Working on it' notes apart from its messages, so a test waiting for an answer gets the answer", async () => {
    await client().chat.postMessage({ channel: 'U1', text: 'Working on it' });
    await client().chat.postMessage({ channel: 'U1', text: 'Updated R-1' });
    expect(slack.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['Updated R-1']);
    expect(slack.callsTo('chat.postMessage:note')).toHaveLength(1);
  });

  it('waitFor resolves when the calls arrive, and rejects after its timeout', async () => {
    const waiting = slack.waitFor('chat.postMessage', 2, 2000);
    await client().chat.postMessage({ channel: 'C1', text: 'one' });
    setTimeout(() => void client().chat.postMessage({ channel: 'C1', text: 'two' }), 50);
    expect((await waiting).map((c) => c.args.text)).toEqual(['one', 'two']);
    await expect(slack.waitFor('views.open', 1, 100)).rejects.toThrow(/views.open/);
  });
});

describe('the real Bolt App against the fake', () => {
  const secret = 'secret';
  let app: App;
  let url: string;
  const mentions: Array<{ retryNum: number | undefined; retryReason: string | undefined }> = [];

  beforeAll(async () => {
    app = new App({
      token: 'xoxb-test',
      signingSecret: secret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.url, retryConfig: { retries: 0 } },
    });
    app.command('/ping', async ({ ack, respond, client, command }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: 'pong' });
      await client.chat.postMessage({ channel: command.user_id, text: 'pong by DM' });
    });
    app.event('app_mention', async ({ context }) => {
      mentions.push({ retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => app.stop());

  const ping = (): string =>
    slashCommandBody({ command: '/ping', text: '', userId: 'U1', responseUrl: slack.responseUrl('ping') });

  it('when a signed slash command arrives, acks with 200 and answers through response_url', async () => {
    const reply = await sendToApp(url, ping(), { secret });
    expect(reply.status).toBe(200);
    const [response] = await slack.waitFor('response_url');
    expect(response?.args).toEqual({ path: '/response/ping', response_type: 'ephemeral', text: 'pong' });
    // The listener's client carries the bot token and adds the command's team_id to every call.
    const [dm] = await slack.waitFor('chat.postMessage');
    expect(dm).toMatchObject({ token: 'xoxb-test', args: { channel: 'U1', team_id: 'T0TEST', text: 'pong by DM' } });
  });

  it('when the signature is wrong, missing or the timestamp over 5 minutes old, answers 401', async () => {
    expect((await sendToApp(url, ping(), { secret, badSignature: true })).status).toBe(401);
    expect((await sendToApp(url, ping(), { secret, unsigned: true })).status).toBe(401);
    expect((await sendToApp(url, ping(), { secret, timestampShiftSeconds: -301 })).status).toBe(401);
    expect(slack.responses).toEqual([]);
  });

  it('when the timestamp is an hour in the future, Bolt still accepts it (our own check must refuse it)', async () => {
    expect((await sendToApp(url, ping(), { secret, timestampShiftSeconds: 3600 })).status).toBe(200);
    await slack.waitFor('chat.postMessage'); // the listener's last call: nothing leaks into the next test
  });

  it('when Slack retries an event, Bolt delivers it again with context.retryNum and retryReason', async () => {
    const body = eventBody(
      { type: 'app_mention', user: 'U1', text: '<@UBOT> hi', channel: 'C1', ts: '1.000001' },
      'Ev1',
    );
    expect((await sendToApp(url, body, { secret })).status).toBe(200);
    expect((await sendToApp(url, body, { secret, retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await expect.poll(() => mentions.length).toBe(2);
    expect(mentions).toEqual([
      { retryNum: undefined, retryReason: undefined },
      { retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('signs as Slack documents it', () => {
    // Example from https://api.slack.com/authentication/verifying-requests-from-slack
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});
