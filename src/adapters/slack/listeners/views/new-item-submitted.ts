import type { App } from '@slack/bolt';
import { z } from 'zod';
import { type NewItemFields, newItemProblem } from '../../../../domain/items/new-item.js';
import { createItem } from '../../../../use-cases/create-item.js';
import { onBoard } from '../../board-deps.js';
import { IDS } from '../../ids.js';
import type { SlackDeps } from '../../slack-deps.js';
import { onFormSubmitted, proceed, refuse } from './on-form-submitted.js';

const FORM_BLOCKS = new Set(['title', 'owner', 'impact', 'probability', 'targetDate', 'note']);

/**
 * The new-item form: fields are checked before acknowledging (the same rules
 * as adding it), so mistakes show on the form; then the item is added and the
 * user told its ID.
 */
export function registerNewItemSubmitted(app: App, deps: SlackDeps): void {
  onFormSubmitted(app, deps, {
    callbackId: IDS.views.newItem,
    metadata: z.object({ target: z.enum(['risk', 'action']), board: z.string().optional() }),
    firstBlock: 'title',
    check({ target, board }, read) {
      const fields: NewItemFields = {
        kind: target,
        title: read('title'),
        owner: read('owner'),
        impact: read('impact'),
        probability: read('probability'),
        targetDate: read('targetDate'),
        note: read('note'),
      };
      const problem = newItemProblem(fields, onBoard(deps, board).settings.scale);
      // Each field's input block is named after the field; Slack refuses errors for a block the form lacks.
      return problem === null
        ? proceed({ fields, board })
        : refuse({ [FORM_BLOCKS.has(problem.field) ? problem.field : 'title']: problem.message });
    },
    async work({ fields, board }, { client, userId, now, today, dm, changeId }) {
      const onItsBoard = onBoard(deps, board);
      const actor = await onItsBoard.actors.actor(userId, client);
      const { id } = await createItem(onItsBoard, {
        fields,
        actor,
        via: 'modal',
        today,
        now: now.toISOString(),
        changeId,
      });
      await dm({
        summary: `Added ${id}`,
        parts: [
          { type: 'section', line: [{ bold: `Added ${id}` }, `: ${fields.title.slice(0, 200)} (${fields.owner})`] },
        ],
      });
    },
  });
}
