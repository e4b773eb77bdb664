import { ITEM_ACTIONS } from '../../messages/item-buttons.js';

/** Every Slack action and callback ID the app uses, in one place. */
export const IDS = {
  views: { update: 'update_item', newItem: 'new_item', newDate: 'new_date' },
  actions: ITEM_ACTIONS,
} as const;
