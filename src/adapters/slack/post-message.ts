import type { WebClient } from '@slack/web-api';
import type { Message } from '../../messages/message.js';
import { renderBlocks } from './blocks/render-blocks.js';
import type { SlackDeps } from './slack-deps.js';

/** Posts a message to a channel or, given a user ID, as a direct message; past the block limit the rest goes in the thread. */
export async function postMessage(client: WebClient, channel: string, message: Message): Promise<void> {
  const first = renderBlocks(message);
  const posted = await client.chat.postMessage({ channel, text: first.text, blocks: first.blocks });
  for (let rest = first.overflow; rest !== null; ) {
    const { text, blocks, overflow } = renderBlocks(rest);
    await client.chat.postMessage({ channel, text, blocks, ...(posted.ts ? { thread_ts: posted.ts } : {}) });
    rest = overflow;
  }
}

/** Tells the board's channel, when one is configured. */
export async function announceToBoard(deps: SlackDeps, client: WebClient, message: Message | undefined): Promise<void> {
  const channel = deps.settings.boards[0]?.channel;
  if (message && channel) await postMessage(client, channel, message);
}
