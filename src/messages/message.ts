/**
 * One description of a message, rendered to Block Kit for Slack and to plain
 * text for the console. Text from the sheet is kept as plain strings here and
 * escaped by each renderer, so a cell holding "<!channel>" cannot ping anyone.
 */

import { clip } from '../domain/text.js';

export type Inline = string | { bold: string } | { link: string; text: string } | { code: string };
export type Line = Inline | Inline[];

/** A button on a message; `actionId` is one of `ITEM_ACTIONS` (item-buttons.ts), `value` says which item. */
export interface MessageButton {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

export type MessagePart =
  | { type: 'header'; text: string }
  | { type: 'section'; line: Line }
  | { type: 'list'; heading: string; items: Line[]; emptyText?: string }
  | { type: 'context'; line: Line }
  | { type: 'preformatted'; text: string }
  | { type: 'divider' }
  | { type: 'buttons'; buttons: MessageButton[] };

export interface Message {
  /** A one-line summary: notification text, and what screen readers announce. */
  summary: string;
  parts: MessagePart[];
}

export function bold(text: string): Inline {
  return { bold: text };
}

export function link(url: string, text: string): Inline {
  return { link: url, text };
}

/** "1 risk", "3 risks". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Text on one line, cut to `max` characters with an ellipsis and no space before it, for long cells in a list line. */
export function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max, (kept) => kept.trimEnd());
}
