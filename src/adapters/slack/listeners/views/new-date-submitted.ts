import type { App } from '@slack/bolt';
import { z } from 'zod';
import { formatDate } from '../../../../domain/calendar.js';
import type { Message } from '../../../../messages/message.js';
import { updatedMessage } from '../../../../messages/item-message.js';
import { updateItem } from '../../../../use-cases/update-item.js';
import { IDS } from '../../ids.js';
import { publishHome } from '../events/app-home.js';
import { postMessage } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { formMetadata, formText, UNREADABLE_FORM } from '../../views/form-state.js';
import { itemText, settleButtons } from '../actions/button-context.js';

const metadataSchema = z.object({
  kind: z.enum(['risk', 'action']),
  id: z.string(),
  origin: z.object({ channel: z.string(), ts: z.string(), blockId: z.string() }).nullable(),
});

/**
 * The "New date" form: a date from today on and a reason are required, and
 * checked before acknowledging so mistakes show on the form. The date is
 * then moved (an action's first date kept and the slip counted), the reason
 * logged, and the reminder updated to say so.
 */
export function registerNewDateSubmitted(app: App, deps: SlackDeps): void {
  app.view(IDS.views.newDate, async ({ ack, view, body, client }) => {
    const metadata = formMetadata(view.private_metadata, metadataSchema);
    if (metadata === null) {
      await ack({ response_action: 'errors', errors: { date: UNREADABLE_FORM } });
      return;
    }
    const { id, origin } = metadata;
    const date = formText(view.state.values, 'date');
    const reason = formText(view.state.values, 'reason');
    const today = deps.today(deps.clock());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < today) {
      await ack({ response_action: 'errors', errors: { date: `Pick a date from today (${formatDate(today)}) on` } });
      return;
    }
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { reason: 'Say why the date is moving: the board sees slips' } });
      return;
    }
    await ack();
    const dm = (message: Message) => postMessage(client, body.user.id, message);
    await replyingErrors(dm, deps.log, async () => {
      const now = deps.clock();
      const actor = await deps.actors.actor(body.user.id, client);
      const { item, update } = await updateItem(deps, { id, changes: [{ field: 'targetDate', value: date }], note: reason, actor, via: 'modal', today, now: now.toISOString() });
      await dm(updatedMessage(item, update, deps.settings.scale));
      await publishHome(deps, client, body.user.id);
      await settleButtons(client, origin, `:calendar: ${itemText(item.id)} moved to ${formatDate(date)} by <@${body.user.id}>`);
    });
  });
}
