import type { ModalView } from '@slack/types';
import type { IsoDate } from '../../../domain/cell.js';
import type { Item } from '../../../domain/register/register.js';
import { neutraliseBidi } from '../blocks/neutralise-bidi.js';
import { IDS } from '../ids.js';

/** Where the button was pressed, so the reminder can say what became of the item once the form is sent. */
export interface ButtonOrigin {
  channel: string;
  ts: string;
  blockId: string;
}

/**
 * The form a reminder's "New date" button opens: the date and, required, the
 * reason, which goes in the Audit log and the item's latest note. The first
 * target date is kept and the slip counted.
 */
export function newDateModal(
  item: Pick<Item, 'kind' | 'id'>,
  today: IsoDate,
  origin: ButtonOrigin | null,
  board?: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: IDS.views.newDate,
    private_metadata: JSON.stringify({ kind: item.kind, id: item.id, origin, ...(board ? { board } : {}) }),
    title: { type: 'plain_text', text: `New date for ${neutraliseBidi(item.id)}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Move date' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'date',
        label: { type: 'plain_text', text: 'New target date' },
        element: { type: 'datepicker', action_id: 'value', initial_date: today },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Why is it moving?' },
        hint: { type: 'plain_text', text: 'Kept in the Audit log and shown to the board with the slip.' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
    ],
  };
}
