import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { riskBot, withStrayOutput } from '../helpers/risk-bot.js';
import { QUICK_SLACK, sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const TOKEN = 'xoxb-1234-secret-token-value';

// risk-bot runs in-process (its own output, and anything else printed meanwhile, is checked), with Slack's retries as many as in production, ms apart.
describe('secrets never reach a log', () => {
  it('a Web API error, however it is printed, does not carry the bot token', async () => {
    const client = slackWebClient(TOKEN, 'http://127.0.0.1:1/api/', undefined, QUICK_SLACK);
    const error = await client.auth.test().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('risk-bot digest --post with Slack unreachable fails without printing the token', async () => {
    const { result, stray } = await withStrayOutput(() =>
      riskBot(['digest', '--post', '--workbook', sampleWorkbookCopy('secrets-'), '--today', '2026-11-23'], {
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_API_URL: 'http://127.0.0.1:1/api/',
        DIGEST_CHANNEL: 'C0BOARD',
      }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr + stray).not.toContain(TOKEN);
    expect(result.stderr).toContain('risk-bot:');
  });

  it('a Redis URL with a password is named by host only when Redis cannot be reached', async () => {
    const { result, stray } = await withStrayOutput(() =>
      riskBot(['nudges', '--send', '--workbook', sampleWorkbookCopy('secrets-'), '--today', '2026-11-23'], {
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_API_URL: 'http://127.0.0.1:1/api/',
        REDIS_URL: 'redis://admin:hunter2secret@127.0.0.1:1',
      }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot reach Redis at 127.0.0.1:1');
    expect(result.stdout + result.stderr + stray).not.toContain('hunter2secret');
    expect(result.stdout + result.stderr + stray).not.toContain(TOKEN);
  });
});
