import type { RequestedChange } from '../items/item-update.js';

/** The shapes of a slash command once read: what it targets, what it asks, and what was wrong. */

/** Which slash command the text came with. */
export type CommandTarget = 'risk' | 'action';

/** Fields an update may name; `note` is carried apart from the changes. */
export const UPDATE_FIELDS = [
  'impact',
  'probability',
  'status',
  'trend',
  'progress',
  'targetDate',
  'owner',
  'note',
] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

export type ListFilter =
  | { type: 'all' }
  | { type: 'mine' }
  | { type: 'overdue' }
  | { type: 'due'; days: number | null }
  | { type: 'slackUser'; userId: string }
  | { type: 'owner'; name: string };

export type Command =
  | { kind: 'help' }
  | { kind: 'modal' }
  | { kind: 'new' }
  | { kind: 'digest' }
  | { kind: 'show'; id: string }
  | { kind: 'list'; filter: ListFilter }
  | { kind: 'update'; id: string; changes: RequestedChange[]; note: string | null }
  | { kind: 'done'; id: string; note: string | null }
  | { kind: 'close'; id: string; note: string | null };

/** A parsed command, or what was wrong with the text and how the command is used. */
export type CommandParse = { ok: true; command: Command } | { ok: false; problem: string; usage: string };
