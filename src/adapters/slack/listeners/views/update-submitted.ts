import type { App } from '@slack/bolt';
import { z } from 'zod';
import { parseItemId } from '../../../../domain/commands/command.js';
import { parseChanges } from '../../../../domain/commands/command-changes.js';
import { updateReply } from '../../../../use-cases/handle-command.js';
import { updateItem } from '../../../../use-cases/update-item.js';
import { onBoard } from '../../board-deps.js';
import { IDS } from '../../ids.js';
import { announceToBoard } from '../../post-message.js';
import type { SlackDeps } from '../../slack-deps.js';
import { publishHome } from '../events/app-home.js';
import { onFormSubmitted, proceed, refuse } from './on-form-submitted.js';

/**
 * The update form: the ID and the changes are read before acknowledging so
 * mistakes show on the form itself; the note goes in as typed. The change is
 * then written and the result sent to the user as a direct message.
 */
export function registerUpdateSubmitted(app: App, deps: SlackDeps): void {
  onFormSubmitted(app, deps, {
    callbackId: IDS.views.update,
    metadata: z.object({ target: z.enum(['risk', 'action']), board: z.string().optional() }),
    firstBlock: 'id',
    check({ target, board }, read) {
      const typedId = read('id');
      const note = read('note');
      if (typedId === '') return refuse({ id: `Give the ${target}'s ID, e.g. ${target === 'risk' ? 'R-3' : 'A-4'}` });
      const id = parseItemId(target, typedId);
      if (!id.ok) return refuse({ id: id.problem });
      const changes = parseChanges(target, id.id, read('changes'), note !== '');
      return changes.ok
        ? proceed({ id: id.id, changes: changes.changes, note: note || changes.note, board })
        : refuse({ changes: changes.problem });
    },
    async work({ id, changes, note, board: boardId }, { client, userId, now, today, dm, changeId }) {
      const board = onBoard(deps, boardId);
      const actor = await board.actors.actor(userId, client);
      const outcome = await updateItem(board, {
        id,
        changes,
        note,
        actor,
        via: 'modal',
        today,
        now: now.toISOString(),
        changeId,
      });
      const reply = updateReply(outcome, actor, board.settings.scale);
      await dm(reply.message);
      await publishHome(deps, client, userId);
      await announceToBoard(board, client, reply.announce);
    },
  });
}
