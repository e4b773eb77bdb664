import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { withBlockSettled } from '../../blocks/settled-block.js';
import type { ButtonOrigin } from '../../views/new-date-modal.js';

const valueSchema = z.object({
  kind: z.enum(['risk', 'action']),
  id: z.string().min(1).max(40),
  /** The board whose register the item is on; absent on buttons from before boards were named (the first board). */
  board: z.string().min(1).max(60).optional(),
});
export type ButtonItem = z.infer<typeof valueSchema>;

/** The item a button names, from its value (see item-buttons.ts); null when the value is not ours. */
export function buttonItem(action: ButtonAction): ButtonItem | null {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(action.value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The message and block the button sits in, when Slack says (it does for buttons on messages). */
export function buttonOrigin(body: BlockAction): ButtonOrigin | null {
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  const blockId = body.actions[0]?.block_id;
  return channel && ts && blockId ? { channel, ts, blockId } : null;
}

/**
 * Replaces the buttons an item had in a message with a line saying what was
 * done, so the reminder shows its state and nobody presses twice. The rest of
 * the message is kept as Slack holds it.
 */
export async function settleButtons(
  client: WebClient,
  origin: ButtonOrigin | null,
  line: string,
  shown?: { text?: string; blocks?: Array<{ block_id?: string }> },
): Promise<void> {
  if (origin === null) return;
  // A form's submission does not carry the message: read it back (the DM history the reminders use).
  const message = shown?.blocks
    ? shown
    : (
        await client.conversations.history({
          channel: origin.channel,
          latest: origin.ts,
          oldest: origin.ts,
          inclusive: true,
          limit: 1,
        })
      ).messages?.[0];
  if (!message?.blocks) return;
  await client.chat.update({
    channel: origin.channel,
    ts: origin.ts,
    text: message.text ?? '',
    blocks: withBlockSettled(message.blocks, origin.blockId, line) as never,
  });
}
