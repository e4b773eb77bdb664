import type { Item } from '../domain/register/register.js';
import type { MessageButton } from './message.js';

/** The action IDs of the buttons on an item, wherever it is shown (reminders, App Home). */
export const ITEM_ACTIONS = {
  done: 'item_done',
  update: 'item_update',
  newDate: 'item_new_date',
  snooze: 'item_snooze',
  reviewed: 'item_reviewed',
} as const;

export const SNOOZE_DAYS = 7;

/** What a button carries: which item (its kind, so a form can open before the register is read). */
export function buttonValue(item: Pick<Item, 'kind' | 'id'>, board?: string): string {
  return JSON.stringify({ kind: item.kind, id: item.id, ...(board ? { board } : {}) });
}

/**
 * The buttons for an item: close it, change it, move its date (asking why),
 * or snooze its reminders a week. A review reminder offers "Reviewed, no
 * change" in place of a new date, since reviewing is what it asks for.
 */
export function itemButtons(item: Pick<Item, 'kind' | 'id'>, forReview = false, board?: string): MessageButton[] {
  // The board ID routes the press to that board's register (board-deps.ts), never another board's item of the same ID.
  const value = buttonValue(item, board);
  const first: MessageButton = forReview
    ? { text: 'Reviewed, no change', actionId: ITEM_ACTIONS.reviewed, value, style: 'primary' }
    : { text: item.kind === 'risk' ? 'Close risk' : 'Mark done', actionId: ITEM_ACTIONS.done, value, style: 'primary' };
  return [
    first,
    { text: 'Update', actionId: ITEM_ACTIONS.update, value },
    ...(forReview ? [] : [{ text: 'New date', actionId: ITEM_ACTIONS.newDate, value }]),
    { text: `Snooze ${SNOOZE_DAYS} days`, actionId: ITEM_ACTIONS.snooze, value },
  ];
}
