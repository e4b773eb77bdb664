import type { ModalView } from '@slack/types';
import { usageFor } from '../../../domain/commands/command.js';
import { IDS } from '../ids.js';

/**
 * The form `/risk` or `/action` opens without arguments, and a reminder's
 * Update button opens with the item filled in: which item, what to change
 * (in the same words as the command), and a note.
 */
export function updateModal(target: 'risk' | 'action', id?: string, board?: string): ModalView {
  const noun = target === 'risk' ? 'risk' : 'action';
  const example = target === 'risk' ? 'R-3' : 'A-4';
  return {
    type: 'modal',
    callback_id: IDS.views.update,
    // The board the form changes (board-deps.ts): the one its button or channel named.
    private_metadata: JSON.stringify({ target, ...(board ? { board } : {}) }),
    title: { type: 'plain_text', text: `Update a ${noun}` },
    submit: { type: 'plain_text', text: 'Update' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'id',
        label: { type: 'plain_text', text: `${noun[0]!.toUpperCase()}${noun.slice(1)} ID` },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: example },
          ...(id ? { initial_value: id } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'changes',
        label: { type: 'plain_text', text: 'Changes' },
        hint: { type: 'plain_text', text: usageFor(target).split('\n').at(-1)!.slice(0, 150) },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          placeholder: {
            type: 'plain_text',
            text: target === 'risk' ? 'probability 3 target date 31/03/2027' : 'status in progress progress 40',
          },
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
    ],
  };
}
