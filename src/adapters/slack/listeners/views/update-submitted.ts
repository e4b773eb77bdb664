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
import { formMetadata, formText, UNREADABLE_FORM } from '../../views/form-state.js';

const metadataSchema = z.object({ target: z.enum(['risk', 'action']) });

/**
 * The update form: the text is checked before acknowledging (no I/O, well
 * within three seconds) so mistakes show on the form itself; the change is
 * then written and the result sent to the user as a direct message.
 */
export function registerUpdateSubmitted(app: App, deps: SlackDeps): void {
  app.view(IDS.views.update, async ({ ack, view, body, client }) => {
    const metadata = formMetadata(view.private_metadata, metadataSchema);
    if (metadata === null) {
      await ack({ response_action: 'errors', errors: { id: UNREADABLE_FORM } });
      return;
    }
    const { target } = metadata;
    const id = formText(view.state.values, 'id');
    const changes = formText(view.state.values, 'changes');
    const note = formText(view.state.values, 'note');
    if (id === '') {
      await ack({ response_action: 'errors', errors: { id: `Give the ${target}'s ID, e.g. ${target === 'risk' ? 'R-3' : 'A-4'}` } });
      return;
    }
    // The note goes in as typed, not through the command's quoting: a stand-in keeps the grammar whole when only a note is given.
    const text = `update ${id} ${changes}${note ? ' note "-"' : ''}`;
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
      const reply = await handleCommand(deps, { target, text, note: note || null, actor, via: 'modal', today: deps.today(now), now: now.toISOString() });
      if (reply.kind !== 'reply') return;
      await dm(reply.message);
      await publishHome(deps, client, body.user.id);
      await announceToBoard(deps, client, reply.announce);
    });
  });
}
