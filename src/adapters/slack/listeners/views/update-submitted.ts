import type { App } from '@slack/bolt';
import { z } from 'zod';
import { parseCommand } from '../../../../domain/commands/command.js';
import { handleCommand } from '../../../../use-cases/handle-command.js';
import { IDS } from '../../ids.js';
import { announceToBoard } from '../../post-message.js';
import type { SlackDeps } from '../../slack-deps.js';
import { publishHome } from '../events/app-home.js';
import { onFormSubmitted, proceed, refuse } from './on-form-submitted.js';

/**
 * The update form: the changes are parsed before acknowledging so mistakes
 * show on the form itself; the change is then written and the result sent
 * to the user as a direct message.
 */
export function registerUpdateSubmitted(app: App, deps: SlackDeps): void {
  onFormSubmitted(app, deps, {
    callbackId: IDS.views.update,
    metadata: z.object({ target: z.enum(['risk', 'action']) }),
    firstBlock: 'id',
    check({ target }, read) {
      const id = read('id');
      const note = read('note');
      if (id === '') return refuse({ id: `Give the ${target}'s ID, e.g. ${target === 'risk' ? 'R-3' : 'A-4'}` });
      // The note goes in as typed, not through the command's quoting: a stand-in keeps the grammar whole when only a note is given.
      const text = `update ${id} ${read('changes')}${note ? ' note "-"' : ''}`;
      const parsed = parseCommand(target, text);
      return parsed.ok ? proceed({ target, text, note }) : refuse({ changes: parsed.problem });
    },
    async work({ target, text, note }, { client, userId, actor, now, today, dm, changeId }) {
      const reply = await handleCommand(deps, { target, text, note: note || null, actor, via: 'modal', today, now: now.toISOString(), changeId });
      if (reply.kind !== 'reply') return;
      await dm(reply.message);
      await publishHome(deps, client, userId);
      await announceToBoard(deps, client, reply.announce);
    },
  });
}
