import type { App } from '@slack/bolt';
import { z } from 'zod';
import { parseItemId } from '../../../../domain/commands/command.js';
import { parseChanges } from '../../../../domain/commands/command-changes.js';
import { updateReply } from '../../../../use-cases/handle-command.js';
import { updateItem } from '../../../../use-cases/update-item.js';
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
    metadata: z.object({ target: z.enum(['risk', 'action']) }),
    firstBlock: 'id',
    check({ target }, read) {
      const typedId = read('id');
      const note = read('note');
      if (typedId === '') return refuse({ id: `Give the ${target}'s ID, e.g. ${target === 'risk' ? 'R-3' : 'A-4'}` });
      const id = parseItemId(target, typedId);
      if (!id.ok) return refuse({ id: id.problem });
      const changes = parseChanges(target, id.id, read('changes'), note !== '');
      return changes.ok
        ? proceed({ id: id.id, changes: changes.changes, note: note || changes.note })
        : refuse({ changes: changes.problem });
    },
    async work({ id, changes, note }, { client, userId, actor, now, today, dm, changeId }) {
      const outcome = await updateItem(deps, {
        id,
        changes,
        note,
        actor,
        via: 'modal',
        today,
        now: now.toISOString(),
        changeId,
      });
      const reply = updateReply(outcome, actor, deps.settings.scale);
      await dm(reply.message);
      await publishHome(deps, client, userId);
      await announceToBoard(deps, client, reply.announce);
    },
  });
}
