import type { MessageMetadata } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Message } from '../../messages/message.js';
import { renderBlocks } from './blocks/render-blocks.js';
import type { SlackDeps } from './slack-deps.js';

export interface PostOptions {
  /** Awaited before each post (pacing). */
  before?: () => Promise<void>;
  /** Put on the first message, so it can be found again in the conversation. */
  metadata?: MessageMetadata;
  /** Answer in this thread (all of it, overflow included). */
  threadTs?: string;
}

/** Posts a message to a channel or, given a user ID, as a direct message; past the block limit the rest goes in the thread. */
export async function postMessage(
  client: WebClient,
  channel: string,
  message: Message,
  options: PostOptions = {},
): Promise<{ channel: string; ts: string | undefined }> {
  const first = renderBlocks(message);
  await options.before?.();
  const posted = await client.chat.postMessage({
    channel,
    text: first.text,
    blocks: first.blocks,
    ...(options.metadata ? { metadata: options.metadata } : {}),
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  });
  const thread = options.threadTs ?? posted.ts;
  for (let rest = first.overflow; rest !== null; ) {
    const { text, blocks, overflow } = renderBlocks(rest);
    await options.before?.();
    await client.chat.postMessage({ channel, text, blocks, ...(thread ? { thread_ts: thread } : {}) });
    rest = overflow;
  }
  return { channel: posted.channel ?? channel, ts: posted.ts };
}

/** Tells the board's channel, when one is configured. */
export async function announceToBoard(deps: SlackDeps, client: WebClient, message: Message | undefined): Promise<void> {
  const channel = deps.settings.boards[0]?.channel;
  if (message && channel) await postMessage(client, channel, message);
}
