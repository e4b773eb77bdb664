import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Message, MessagePart } from '../../../../messages/message.js';
import { askQuestion } from '../../../../use-cases/answer-question.js';
import { boardOfChannel, boardQualified, onBoard } from '../../board-deps.js';
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
    await reply(await answerAcrossBoards(deps, asked));
  });
}

/**
 * The answer from the register a question is about: in a board's channel,
 * that board's; elsewhere (a DM, another channel), every board's, each under
 * its name, so "what's overdue for me?" covers all of a person's items. An
 * answer every board gives alike (help, a question not understood) is given once.
 */
async function answerAcrossBoards(
  deps: SlackDeps,
  asked: { text: string; user: string; channel: string },
): Promise<Message> {
  // "show me ld/R-3": a board-qualified ID asks that board alone.
  const qualified = boardQualified(deps, asked.text);
  const input = { text: qualified?.text ?? asked.text, askerId: asked.user, today: deps.today(deps.clock()) };
  const board = qualified?.board ?? boardOfChannel(deps, asked.channel);
  const boards = deps.boards ?? [];
  if (board !== undefined || boards.length < 2) return askQuestion(onBoard(deps, board), input);
  const answers = await Promise.all(boards.map((context) => askQuestion(onBoard(deps, context.board.id), input)));
  const same = answers.every((answer) => JSON.stringify(answer) === JSON.stringify(answers[0]));
  if (same) return answers[0]!;
  return {
    summary: answers[0]!.summary,
    parts: answers.flatMap((answer, i): MessagePart[] => [
      { type: 'header', text: boards[i]!.board.name },
      ...answer.parts,
    ]),
  };
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
