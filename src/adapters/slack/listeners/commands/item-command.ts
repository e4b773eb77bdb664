import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Message } from '../../../../messages/message.js';
import type { CommandInput, CommandReply } from '../../../../use-cases/handle-command.js';
import { handleCommand } from '../../../../use-cases/handle-command.js';
import { boardOfCommand, commandAcrossBoards } from '../../across-boards.js';
import { renderBlocks } from '../../blocks/render-blocks.js';
import { onBoard } from '../../board-deps.js';
import { changeIdOf } from '../../delivery-dedupe.js';
import { announceToBoard } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { newItemModal } from '../../views/new-item-modal.js';
import { updateModal } from '../../views/update-modal.js';

/** Sends a message through response_url, the rest past Slack's block limit as follow-ups (response_url takes five). */
export async function respondWith(respond: RespondFn, message: Message): Promise<void> {
  let next: Message | null = message;
  for (let sent = 0; next !== null && sent < 5; sent++) {
    const { text, blocks, overflow } = renderBlocks(next);
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
    next = overflow;
  }
}

async function deliver(
  reply: CommandReply,
  deps: SlackDeps,
  respond: RespondFn,
  client: WebClient,
  triggerId: string,
  target: 'risk' | 'action',
  board: string | undefined,
): Promise<void> {
  if (reply.kind === 'modal') {
    // The form carries the board, so its submission changes that board's register.
    const view =
      reply.modal === 'new' ? newItemModal(target, deps.settings.scale, board) : updateModal(target, undefined, board);
    await client.views.open({ trigger_id: triggerId, view });
    return;
  }
  if (reply.kind === 'digest') {
    await respondWith(respond, await postDigestNow(deps, reply.message));
    return;
  }
  await respondWith(respond, reply.message);
  await announceToBoard(deps, client, reply.announce);
}

/** `/risk digest`: posted to the board's channel with the heat map, once a day; without a channel, shown to the asker. */
async function postDigestNow(deps: SlackDeps, digest: Message): Promise<Message> {
  const outcome = deps.postDigest ? await deps.postDigest(deps.today(deps.clock())) : { kind: 'no-channel' as const };
  const line =
    outcome.kind === 'posted'
      ? "Posted the digest, with its heat map, to the board's channel."
      : outcome.kind === 'already-posted'
        ? "Today's digest is already in the board's channel."
        : outcome.kind === 'busy'
          ? "The digest is being posted to the board's channel right now."
          : null;
  return line === null ? digest : { summary: line, parts: [{ type: 'section', line }] };
}

/** What a command must carry to be run and answered; Slack always sends these, a forged request may not. */
const commandSchema = z.object({
  user_id: z.string().min(1),
  text: z.string(),
  trigger_id: z.string().min(1),
  response_url: z.string().regex(/^https?:\/\/\S+$/),
});

/**
 * /risk and /action: acknowledged at once, before any sheet I/O (Slack's
 * three seconds), then answered through response_url.
 */
export function registerItemCommands(app: App, deps: SlackDeps): void {
  app.command(/^\/(risk|action)$/, async ({ command, ack, respond, client, context }) => {
    await ack();
    if (!commandSchema.safeParse(command).success) {
      deps.log(`slack: a ${command.command} request without a user, text, trigger or response_url was ignored`);
      return;
    }
    const target = command.command === '/action' ? 'action' : 'risk';
    await replyingErrors(
      (message) => respondWith(respond, message),
      deps.log,
      async () => {
        const found = await boardOfCommand(deps, target, command.text, command.channel_id);
        if ('ask' in found) {
          await respondWith(respond, found.ask);
          return;
        }
        const { board, text } = found;
        const onItsBoard = onBoard(deps, board);
        // Who may change what depends on the board: its own programme office counts there.
        const actor = await onItsBoard.actors.actor(command.user_id, client);
        const now = deps.clock();
        const input: CommandInput = {
          target,
          text,
          actor,
          via: 'command',
          today: deps.today(now),
          now: now.toISOString(),
          changeId: changeIdOf(context),
        };
        const everyBoard = await commandAcrossBoards(deps, board, input);
        if (everyBoard !== null) {
          await respondWith(respond, everyBoard);
          return;
        }
        const reply = await handleCommand(onItsBoard, input);
        await deliver(reply, onItsBoard, respond, client, command.trigger_id, target, board);
      },
    );
  });
}
