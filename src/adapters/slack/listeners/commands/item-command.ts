import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { parseCommand } from '../../../../domain/commands/command.js';
import type { Message } from '../../../../messages/message.js';
import type { CommandInput, CommandReply } from '../../../../use-cases/handle-command.js';
import { handleCommand } from '../../../../use-cases/handle-command.js';
import { renderBlocks } from '../../blocks/render-blocks.js';
import { boardOfChannel, boardQualified, boardsHolding, onBoard } from '../../board-deps.js';
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

/**
 * The board a command is about: the one its ID names ("ld/R-3"), else the
 * board whose channel it came from; outside any board's channel, a change
 * goes to the board whose register holds the item, and when several do the
 * person is asked which. Undefined: the bot's first board (or, for list and
 * show, every board).
 */
async function boardOfCommand(
  deps: SlackDeps,
  target: 'risk' | 'action',
  text: string,
  channel: string | undefined,
): Promise<{ board: string | undefined; text: string } | { ask: Message }> {
  const qualified = boardQualified(deps, text);
  if (qualified !== null) return qualified;
  const board = boardOfChannel(deps, channel);
  if (board !== undefined || (deps.boards?.length ?? 0) < 2) return { board, text };
  const parsed = parseCommand(target, text);
  const command = parsed.ok ? parsed.command : null;
  if (command === null || !('id' in command) || command.kind === 'show') return { board, text };
  const { id } = command;
  const holding = await boardsHolding(deps, id);
  if (holding.length < 2) return { board: holding[0], text };
  const line = `${id} is on ${holding.length} boards' registers: say which, as ${holding.map((each) => `${each}/${id}`).join(' or ')}, or use the board's channel. Nothing was changed.`;
  return { ask: { summary: line, parts: [{ type: 'section', line }] } };
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
        // `list` and `show` outside a board's channel read every board, each under its name; changes go to one board.
        const boards = deps.boards ?? [];
        if (board === undefined && boards.length > 1 && /^\s*(list|show)\b/i.test(text)) {
          const replies = await Promise.all(boards.map((each) => handleCommand(onBoard(deps, each.board.id), input)));
          const messages = replies.map((reply) => (reply.kind === 'reply' ? reply.message : null));
          if (messages.every((message) => message !== null)) {
            await respondWith(respond, {
              summary: messages[0]!.summary,
              parts: messages.flatMap((message, i) => [
                { type: 'header' as const, text: boards[i]!.board.name },
                ...message!.parts,
              ]),
            });
            return;
          }
        }
        const reply = await handleCommand(onItsBoard, input);
        await deliver(reply, onItsBoard, respond, client, command.trigger_id, target, board);
      },
    );
  });
}
