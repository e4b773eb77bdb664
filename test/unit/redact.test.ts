import { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installLastLineOfDefence } from '../../src/adapters/log/last-line-of-defence.js';
import { describeError, MAX_LOG_ENTRY, redactingLog } from '../../src/adapters/log/log.js';
import { REDACTED, redact } from '../../src/adapters/log/redact.js';
import { TEST_KEY } from '../helpers/sheets-fixture.js';

describe('redaction of a log line', () => {
  it.each([
    ['a bot token', 'token xoxb-1234-5678-AbCdEf rejected', 'xoxb-1234-5678-AbCdEf'],
    ['a user token', 'with xoxp-99-88-77', 'xoxp-99-88-77'],
    ['an app-level token', 'socket xapp-1-A0-123-abcdef', 'xapp-1-A0-123-abcdef'],
    ['a Google access token', 'ya29.a0AfH6SMBx-yz_09.abc', 'ya29.a0AfH6SMBx-yz_09.abc'],
    ['a bearer header', 'Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig', 'eyJhbGciOi.eyJzdWIi.sig'],
    ['a lower-case bearer', 'sent bearer abc123def456', 'abc123def456'],
    ['basic credentials', 'Authorization: Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['a cookie header', 'cookie: session=abcdef123; other=1', 'session=abcdef123'],
    ['a cookie in JSON', '{"cookie":"sid=zzzz9999"}', 'sid=zzzz9999'],
    [
      'rawHeaders as Node inspects them',
      "rawHeaders: [ 'Cookie', 'sid=q1w2e3r4', 'Authorization', 'Token t0k3n5ecret' ]",
      'sid=q1w2e3r4',
    ],
    ['rawHeaders authorization', "rawHeaders: [ 'Authorization', 'Token t0k3n5ecret' ]", 't0k3n5ecret'],
    [
      'a Slack signature',
      'x-slack-signature: v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'a2114d57b48eac39',
    ],
    ['a signature alone', 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503', 'a2114d57b48eac39'],
    ['a password in a URL', 'cannot reach redis://admin:hunter2secret@redis:6379', 'hunter2secret'],
    [
      'a private key in JSON',
      '{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n"}',
      'MIIEvQIBADANBg',
    ],
    ['a cut-off private key', 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhki', 'MIIEvQIBADANBgkqhki'],
    ['a client secret field', 'client_secret=abcdef0123456789', 'abcdef0123456789'],
  ])('%s', (_what, line, secret) => {
    const clean = redact(line);
    expect(clean).not.toContain(secret);
    expect(clean).toContain(REDACTED);
  });

  it('removes every occurrence of a known secret, whatever surrounds it', () => {
    expect(redact('secret=PLANT-42xx and again:PLANT-42xx.', ['PLANT-42xx'])).toBe(
      `secret=${REDACTED} and again:${REDACTED}.`,
    );
  });

  it('leaves ordinary register text alone', () => {
    const line =
      'update R-3 probability 1 by U0HOUSE: "Bearing in mind the housing lead", risk-bot digest posted to C0BOARD';
    expect(redact(line, ['ab'])).toBe(line);
  });

  it('a real service-account key is removed whole', () => {
    const clean = redact(JSON.stringify(TEST_KEY.keyJson));
    const body = TEST_KEY.keyJson.private_key.split('\n')[1]!;
    expect(clean).not.toContain(body);
  });
});

describe('the redacting log', () => {
  it('cuts an entry past its bound and redacts before cutting', () => {
    const lines: string[] = [];
    const log = redactingLog((line) => lines.push(line), ['TOPSECRET']);
    log(`TOPSECRET ${'x'.repeat(MAX_LOG_ENTRY * 2)}`);
    expect(lines[0]!.length).toBeLessThan(MAX_LOG_ENTRY + 100);
    expect(lines[0]).not.toContain('TOPSECRET');
  });
});

/** An error as Node's HTTP server would hold one: the request, with its headers, hangs off it. */
function requestError(): Error {
  const error = new TypeError("Cannot read properties of null (reading 'ssl_check')");
  Object.assign(error, {
    req: {
      rawHeaders: ['Authorization', 'Bearer PLANTED-AUTH', 'Cookie', 'sid=PLANTED-COOKIE'],
      headers: { cookie: 'sid=PLANTED-COOKIE' },
    },
  });
  return error;
}

describe('errors as log text', () => {
  it('is the name, message and frames, never the properties that Node would print', () => {
    const error = requestError();
    expect(inspect(error)).toContain('PLANTED-AUTH');
    const text = describeError(error);
    expect(text).toContain('TypeError: Cannot read properties of null');
    expect(text).not.toContain('PLANTED');
    expect(describeError(error, false)).not.toContain('\n');
  });

  it('says what was thrown when it is not an Error, without printing an object', () => {
    expect(describeError({ headers: { cookie: 'PLANTED' } })).toBe('a thrown object (not an Error)');
    expect(describeError(null)).toBe('a thrown null (not an Error)');
    expect(describeError('boom')).toBe('thrown string: boom');
  });
});

describe('the last line of defence', () => {
  it('logs one short line with a reference for an uncaught exception or rejection, and the handlers can be removed', () => {
    const lines: string[] = [];
    const fakeProcess = new EventEmitter() as unknown as NodeJS.Process;
    const remove = installLastLineOfDefence(
      redactingLog((line) => lines.push(line)),
      fakeProcess,
    );
    fakeProcess.emit('uncaughtException', requestError());
    fakeProcess.emit('unhandledRejection', { cookie: 'PLANTED' }, Promise.resolve());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^uncaught exception \(ref [0-9a-f]{8}\), still serving: TypeError: Cannot read properties of null/,
    );
    expect(lines[1]).toMatch(/^unhandled rejection \(ref [0-9a-f]{8}\), still serving: a thrown object/);
    for (const line of lines) {
      expect(line).not.toContain('PLANTED');
      expect(line).not.toContain('\n');
    }
    remove();
    expect(fakeProcess.listenerCount('uncaughtException')).toBe(0);
    expect(fakeProcess.listenerCount('unhandledRejection')).toBe(0);
  });
});
