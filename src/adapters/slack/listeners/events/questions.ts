import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Message } from '../../../../messages/message.js';
import { questionAcrossBoards } from '../../across-boards.js';
import { postMessage } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';

/** Messages the bot must not answer: its own and other bots', edits, joins and the like. */
interface IncomingMessage {
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

async function answerInThread(
  deps: SlackDeps,
  client: WebClient,
  asked: { text: string; user: string; channel: string; ts: string; thread_ts?: string | undefined },
): Promise<void> {
  const reply = (message: Message) =>
    postMessage(client, asked.channel, message, { threadTs: asked.thread_ts ?? asked.ts });
  await replyingErrors(reply, deps.log, async () => {
    await reply(await questionAcrossBoards(deps, asked, { askerId: asked.user, today: deps.today(deps.clock()) }));
  });
}

/**
 * Questions in plain words: when the bot is mentioned in a channel, or sent a
 * direct message, it answers in the thread. Each event is handled once (the
 * delivery dedupe), and Slack's three seconds are met because Bolt
 * acknowledges events before listeners run.
 */
export function registerQuestions(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    if (!event.user || event.bot_id) return;
    await answerInThread(deps, client, {
      text: event.text,
      user: event.user,
      channel: event.channel,
      ts: event.ts,
      thread_ts: event.thread_ts,
    });
  });
  app.message(async ({ message, client }) => {
    const incoming = message as IncomingMessage;
    if (
      incoming.channel_type !== 'im' ||
      incoming.subtype !== undefined ||
      incoming.bot_id ||
      !incoming.user ||
      !incoming.text
    )
      return;
    await answerInThread(deps, client, {
      text: incoming.text,
      user: incoming.user,
      channel: incoming.channel,
      ts: incoming.ts,
      thread_ts: incoming.thread_ts,
    });
  });
}
