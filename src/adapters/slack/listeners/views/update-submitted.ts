import type { App } from '@slack/bolt';
import { z } from 'zod';
import { parseCommand } from '../../../../domain/command.js';
import { handleCommand } from '../../../../use-cases/handle-command.js';
import type { Message } from '../../../../messages/message.js';
import { IDS } from '../../ids.js';
import { publishHome } from '../events/app-home.js';
import { announceToBoard, postMessage } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';

const metadataSchema = z.object({ target: z.enum(['risk', 'action']) });
const inputValue = (state: Record<string, Record<string, { value?: string | null }>>, block: string) => state[block]?.value?.value?.trim() ?? '';

/**
 * The update form: the text is checked before acknowledging (no I/O, well
 * within three seconds) so mistakes show on the form itself; the change is
 * then written and the result sent to the user as a direct message.
 */
export function registerUpdateSubmitted(app: App, deps: SlackDeps): void {
  app.view(IDS.views.update, async ({ ack, view, body, client }) => {
    const { target } = metadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
    const values = view.state.values as Record<string, Record<string, { value?: string | null }>>;
    const note = inputValue(values, 'note');
    const text = `update ${inputValue(values, 'id')} ${inputValue(values, 'changes')}${note ? ` note "${note.replace(/"/g, '\u201d')}"` : ''}`;
    const parsed = parseCommand(target, text);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: { changes: parsed.problem.slice(0, 150) } });
      return;
    }
    await ack();
    const dm = (message: Message) => postMessage(client, body.user.id, message);
    await replyingErrors(dm, deps.log, async () => {
      const now = deps.clock();
      const actor = await deps.actors.actor(body.user.id, client);
      const reply = await handleCommand(deps, { target, text, actor, via: 'modal', today: deps.today(now), now: now.toISOString() });
      if (reply.kind !== 'reply') return;
      await dm(reply.message);
      await publishHome(deps, client, body.user.id);
      await announceToBoard(deps, client, reply.announce);
    });
  });
}
