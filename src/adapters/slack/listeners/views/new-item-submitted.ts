import type { App } from '@slack/bolt';
import { z } from 'zod';
import { newItemProblem, type NewItemFields } from '../../../../domain/new-item.js';
import { createItem } from '../../../../use-cases/create-item.js';
import type { Message } from '../../../../messages/message.js';
import { IDS } from '../../ids.js';
import { postMessage } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { formMetadata, formText, UNREADABLE_FORM } from '../../views/form-state.js';

const metadataSchema = z.object({ target: z.enum(['risk', 'action']) });
const BLOCK_OF_FIELD: Record<string, string> = { title: 'title', owner: 'owner', impact: 'impact', probability: 'probability', targetDate: 'targetDate', note: 'note' };

/**
 * The new-item form: fields are checked before acknowledging (no I/O), so
 * mistakes show on the form; then the item is added and the user told its ID.
 */
export function registerNewItemSubmitted(app: App, deps: SlackDeps): void {
  app.view(IDS.views.newItem, async ({ ack, view, body, client }) => {
    const metadata = formMetadata(view.private_metadata, metadataSchema);
    if (metadata === null) {
      await ack({ response_action: 'errors', errors: { title: UNREADABLE_FORM } });
      return;
    }
    const { target } = metadata;
    const read = (block: string) => formText(view.state.values, block);
    const fields: NewItemFields = { kind: target, title: read('title'), owner: read('owner'), impact: read('impact'), probability: read('probability'), targetDate: read('targetDate'), note: read('note') };
    const problem = newItemProblem(fields, deps.settings.scale);
    if (problem !== null) {
      await ack({ response_action: 'errors', errors: { [BLOCK_OF_FIELD[problem.field] ?? 'title']: problem.message.slice(0, 150) } });
      return;
    }
    await ack();
    const dm = (message: Message) => postMessage(client, body.user.id, message);
    await replyingErrors(dm, deps.log, async () => {
      const now = deps.clock();
      const actor = await deps.actors.actor(body.user.id, client);
      const { id } = await createItem(deps, { fields, actor, via: 'modal', today: deps.today(now), now: now.toISOString() });
      await dm({ summary: `Added ${id}`, parts: [{ type: 'section', line: [{ bold: `Added ${id}` }, `: ${fields.title.slice(0, 200)} (${fields.owner})`] }] });
    });
  });
}
