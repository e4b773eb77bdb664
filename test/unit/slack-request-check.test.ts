import { describe, expect, it } from 'vitest';
import { requestPath } from '../../src/adapters/http/front-door.js';
import { checkSlackHeaders, hasObjectBody, hasValidSignature } from '../../src/adapters/http/slack-request-check.js';
import { slackSignature } from '../helpers/slack-signing.js';

const NOW = 1_795_000_000;
const SIG = `v0=${'a'.repeat(64)}`;
const good = {
  'x-slack-signature': SIG,
  'x-slack-request-timestamp': String(NOW),
  'content-type': 'application/json',
  'content-length': '20',
};

describe('what the headers of a request to /slack/events must show before its body is read', () => {
  it.each([
    ['all present and fresh', {}, null],
    ['a form, as Slack sends commands', { 'content-type': 'application/x-www-form-urlencoded' }, null],
    ['JSON with a charset', { 'content-type': 'application/json; charset=utf-8' }, null],
    ['a timestamp 299 s old', { 'x-slack-request-timestamp': String(NOW - 299) }, null],
    ['no signature', { 'x-slack-signature': undefined }, 401],
    ['no timestamp', { 'x-slack-request-timestamp': undefined }, 401],
    ["a signature not of Slack's shape", { 'x-slack-signature': 'v0=xyz' }, 401],
    ['a v1 signature', { 'x-slack-signature': `v1=${'a'.repeat(64)}` }, 401],
    ['timestamp Infinity', { 'x-slack-request-timestamp': 'Infinity' }, 401],
    ['timestamp 1e99', { 'x-slack-request-timestamp': '1e99' }, 401],
    ['a fractional timestamp', { 'x-slack-request-timestamp': `${NOW}.5` }, 401],
    ['a negative timestamp', { 'x-slack-request-timestamp': '-1' }, 401],
    ['a hex timestamp', { 'x-slack-request-timestamp': '0x6afc1a80' }, 401],
    ['a timestamp with spaces', { 'x-slack-request-timestamp': ` ${NOW}` }, 401],
    ['a timestamp six minutes old', { 'x-slack-request-timestamp': String(NOW - 360) }, 401],
    ['a timestamp six minutes ahead', { 'x-slack-request-timestamp': String(NOW + 360) }, 401],
    ['plain text', { 'content-type': 'text/plain' }, 415],
    ['no content type', { 'content-type': undefined }, 415],
    [
      'a form with a charset (Bolt would read it as JSON)',
      { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      415,
    ],
    ['no Content-Length (chunked)', { 'content-length': undefined }, 411],
    ['a negative Content-Length', { 'content-length': '-5' }, 400],
    ['a Content-Length of 2 MiB', { 'content-length': String(2 * 1024 * 1024) }, 413],
  ] as const)('%s: %s', (_what, change, status) => {
    const headers = Object.fromEntries(
      Object.entries({ ...good, ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const checked = checkSlackHeaders(headers, NOW, 1024 * 1024);
    expect(checked.ok ? null : checked.status).toBe(status);
  });

  it('a header given twice is refused', () => {
    expect(checkSlackHeaders({ ...good, 'x-slack-signature': [SIG, SIG] }, NOW, 1024).ok).toBe(false);
  });
});

describe('the signature, checked on the bytes as sent', () => {
  const body = Buffer.from('{"type":"event_callback"}');
  it("accepts Slack's HMAC of v0:timestamp:body and refuses any other", () => {
    const signature = slackSignature('s3cret', NOW, body.toString());
    expect(hasValidSignature('s3cret', { signature, timestamp: NOW }, body)).toBe(true);
    expect(hasValidSignature('other', { signature, timestamp: NOW }, body)).toBe(false);
    expect(hasValidSignature('s3cret', { signature, timestamp: NOW + 1 }, body)).toBe(false);
    expect(hasValidSignature('s3cret', { signature, timestamp: NOW }, Buffer.from('{"type":"event_callback" }'))).toBe(
      false,
    );
    expect(hasValidSignature('s3cret', { signature: 'v0=short', timestamp: NOW }, body)).toBe(false);
  });
});

describe('a signed body Bolt can take', () => {
  it.each([
    ['json', '{"type":"event_callback"}', true],
    ['json', '{}', true],
    ['json', 'null', false],
    ['json', '[]', false],
    ['json', '"text"', false],
    ['json', '42', false],
    ['json', '{"unterminated', false],
    ['json', '', false],
    ['form', 'command=%2Frisk&text=show+R-1', true],
    ['form', 'payload=%7B%22type%22%3A%22block_actions%22%7D', true],
    ['form', 'payload=null', false],
    ['form', 'payload=%5B%5D', false],
    ['form', 'payload=%7Bbroken', false],
    ['form', 'payload=%7B%7D&payload=%7B%7D', false],
  ] as const)('%s %j: %s', (type, body, ok) => {
    expect(hasObjectBody(type, Buffer.from(body))).toBe(ok);
  });
});

describe('the path of a request target', () => {
  it.each([
    ['/slack/events', '/slack/events'],
    ['/slack/events?ssl_check=1', '/slack/events'],
    ['/healthz#x', '/healthz'],
    ['http://bot.example.org/healthz', '/healthz'],
    ['*', '/*'],
    ['/%E0%A4%A', null],
    ['/%zz', null],
    ['/ok%20path', '/ok%20path'],
    ['', null],
    [`/${'a'.repeat(3000)}`, null],
  ] as const)('%j is %j', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });
});
