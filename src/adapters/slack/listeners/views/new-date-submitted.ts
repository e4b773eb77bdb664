import type { App } from '@slack/bolt';
import { z } from 'zod';
import { isIsoDate } from '../../../../domain/cell.js';
import { formatDate } from '../../../../domain/dates/calendar.js';
import { updatedMessage } from '../../../../messages/item-message.js';
import { updateItem } from '../../../../use-cases/update-item.js';
import { escapeMrkdwn } from '../../blocks/render-blocks.js';
import { onBoard } from '../../board-deps.js';
import { IDS } from '../../ids.js';
import type { SlackDeps } from '../../slack-deps.js';
import { settleButtons } from '../actions/button-context.js';
import { publishHome } from '../events/app-home.js';
import { onFormSubmitted, proceed, refuse } from './on-form-submitted.js';

/**
 * The "New date" form: a date from today on and a reason are required, and
 * checked before acknowledging so mistakes show on the form. The date is
 * then moved (an action's first date kept and the slip counted), the reason
 * logged, and the reminder updated to say so.
 */
export function registerNewDateSubmitted(app: App, deps: SlackDeps): void {
  onFormSubmitted(app, deps, {
    callbackId: IDS.views.newDate,
    metadata: z.object({
      kind: z.enum(['risk', 'action']),
      id: z.string(),
      origin: z.object({ channel: z.string(), ts: z.string(), blockId: z.string() }).nullable(),
      board: z.string().optional(),
    }),
    firstBlock: 'date',
    check({ id, origin, board }, read, today) {
      const date = read('date');
      const reason = read('reason');
      if (!isIsoDate(date) || date < today) return refuse({ date: `Pick a date from today (${formatDate(today)}) on` });
      if (reason === '') return refuse({ reason: 'Say why the date is moving: the board sees slips' });
      return proceed({ id, origin, date, reason, board });
    },
    async work({ id, origin, date, reason, board }, { client, userId, now, today, dm, changeId }) {
      const onItsBoard = onBoard(deps, board);
      const actor = await onItsBoard.actors.actor(userId, client);
      const { item, update } = await updateItem(onItsBoard, {
        id,
        changes: [{ field: 'targetDate', value: date }],
        note: reason,
        actor,
        via: 'modal',
        today,
        now: now.toISOString(),
        changeId,
      });
      await dm(updatedMessage(item, update, onItsBoard.settings.scale));
      await publishHome(deps, client, userId);
      await settleButtons(
        client,
        origin,
        `:calendar: ${escapeMrkdwn(item.id)} moved to ${formatDate(date)} by <@${userId}>`,
      );
    },
  });
}
