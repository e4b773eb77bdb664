import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { runTs } from '../helpers/run-command.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';


const TOKEN = 'xoxb-1234-secret-token-value';

describe('secrets never reach a log', () => {
  it('a Web API error, however it is printed, does not carry the bot token', async () => {
    const client = slackWebClient(TOKEN, 'http://127.0.0.1:1/api/');
    const error = await client.auth.test().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  }, 30_000);

  it('risk-bot digest --post with Slack unreachable fails without printing the token', async () => {
    const result = await runTs('src/cli.ts', ['digest', '--post', '--workbook', sampleWorkbookCopy('secrets-'), '--today', '2026-11-23'], {
      SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: 'http://127.0.0.1:1/api/', DIGEST_CHANNEL: 'C0BOARD',
    });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(result.stderr).toContain('risk-bot:');
  }, 60_000);

  it('a Redis URL with a password is named by host only when Redis cannot be reached', async () => {
    const result = await runTs('src/cli.ts', ['nudges', '--send', '--workbook', sampleWorkbookCopy('secrets-'), '--today', '2026-11-23'], {
      SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: 'http://127.0.0.1:1/api/', REDIS_URL: 'redis://admin:hunter2secret@127.0.0.1:1',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot reach Redis at 127.0.0.1:1');
    expect(result.stdout + result.stderr).not.toContain('hunter2secret');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  }, 60_000);
});
