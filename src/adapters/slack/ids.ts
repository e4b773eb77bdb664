/** Every Slack action and callback ID the app uses, in one place. */
export const IDS = {
  views: { update: 'update_item', newItem: 'new_item' },
} as const;
