import type { ModalView, Option } from '@slack/types';
import type { Scale } from '../../../domain/items/scale.js';
import { IDS } from '../ids.js';

function levelOptions(max: number, labels: readonly string[] | undefined): Option[] {
  return Array.from({ length: max }, (_, i) => ({
    text: { type: 'plain_text', text: labels?.[i] ? `${i + 1} – ${labels[i]}` : String(i + 1) },
    value: String(i + 1),
  }));
}

const text = (
  blockId: string,
  label: string,
  options: { multiline?: boolean; optional?: boolean; hint?: string; placeholder?: string } = {},
) => ({
  type: 'input' as const,
  block_id: blockId,
  optional: options.optional ?? false,
  label: { type: 'plain_text' as const, text: label },
  ...(options.hint ? { hint: { type: 'plain_text' as const, text: options.hint } } : {}),
  element: {
    type: 'plain_text_input' as const,
    action_id: 'value',
    multiline: options.multiline ?? false,
    max_length: 3000,
    ...(options.placeholder ? { placeholder: { type: 'plain_text' as const, text: options.placeholder } } : {}),
  },
});

const select = (blockId: string, label: string, options: Option[]) => ({
  type: 'input' as const,
  block_id: blockId,
  label: { type: 'plain_text' as const, text: label },
  element: { type: 'static_select' as const, action_id: 'value', options },
});

/** The form `/risk new` or `/action new` opens. */
export function newItemModal(target: 'risk' | 'action', scale: Scale, board?: string): ModalView {
  const risk = target === 'risk';
  return {
    type: 'modal',
    callback_id: IDS.views.newItem,
    // The board the item is added to (board-deps.ts): the one whose channel the command came from.
    private_metadata: JSON.stringify({ target, ...(board ? { board } : {}) }),
    title: { type: 'plain_text', text: risk ? 'New risk' : 'New action' },
    submit: { type: 'plain_text', text: 'Add' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      text('title', risk ? 'Description of the risk' : 'Action', { multiline: true }),
      text('owner', risk ? 'Risk owner' : 'Lead', { hint: 'As the register names them, e.g. "Lead Commissioner"' }),
      ...(risk
        ? [
            select('impact', 'Impact', levelOptions(scale.impact.max, scale.impact.labels)),
            select('probability', 'Probability', levelOptions(scale.probability.max, scale.probability.labels)),
          ]
        : []),
      text('targetDate', risk ? 'Target resolution date' : 'Target date', {
        optional: true,
        placeholder: '31/03/2027, Mar 2027 or 2026/27',
      }),
      text('note', 'Note', { multiline: true, optional: true }),
    ],
  };
}
