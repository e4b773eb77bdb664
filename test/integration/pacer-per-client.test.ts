import { describe, expect, it } from 'vitest';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { SlackNudgeOutbox } from '../../src/adapters/slack/slack-nudge-outbox.js';
import type { Message } from '../../src/messages/message.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';

const slack = fakeSlackPerFile();
const message = (text: string): Message => ({ summary: text, parts: [{ type: 'section', line: text }] });

describe('posts paced per Slack client', () => {
  it('when two senders are built for one client, then their posts to one channel go a second apart; a sender on another client does not wait', async () => {
    const client = slackWebClient('xoxb-test', slack.url);
    await Promise.all([
      new SlackNudgeOutbox(client).deliver('C0BOARD', message('first'), 'm-1'),
      new SlackNudgeOutbox(client).deliver('C0BOARD', message('second'), 'm-2'),
      new SlackNudgeOutbox(slackWebClient('xoxb-test', slack.url)).deliver('C0BOARD', message('other client'), 'm-3'),
    ]);
    const at = (text: string) => slack.callsTo('chat.postMessage').find((call) => call.args.text === text)!.at;
    // Arrival times carry each request's own latency on top of the pacer's second.
    expect(at('second') - at('first')).toBeGreaterThanOrEqual(900);
    expect(Math.abs(at('other client') - at('first'))).toBeLessThan(500);
  });
});
