import type { IsoDate } from '../domain/cell.js';
import type { Item } from '../domain/register/register.js';
import { sourceLine } from './digest-message.js';
import { itemButtons } from './item-buttons.js';
import { itemLine } from './item-message.js';
import { type Message, type MessagePart, plural } from './message.js';

export interface HomeContent {
  /** The viewer's open items; null when People does not list them at all. */
  items: Item[] | null;
  today: IsoDate;
  source: string;
  /** The first board's ID, when the bot serves several: its buttons name it. */
  board?: string;
  /** The viewer's open items on the other boards' registers, under each board's name, their buttons naming their board. */
  otherBoards?: ReadonlyArray<{ board: string; name: string; items: Item[] }>;
}

/** Overdue first (most overdue at the top), then by target date, undated last. */
function byUrgency(a: Item, b: Item): number {
  const at = a.target.targetDate ?? '9999-12-31';
  const bt = b.target.targetDate ?? '9999-12-31';
  return at < bt ? -1 : at > bt ? 1 : 0;
}

/**
 * The App Home: the viewer's own risks and actions, as owner or lead, the
 * most urgent first, each with the reminders' buttons.
 */
export function homeMessage(home: HomeContent): Message {
  const parts: MessagePart[] = [{ type: 'header', text: 'Your risks and actions' }];
  if (home.items === null) {
    parts.push({
      type: 'section',
      line: "The register's People tab does not list you, so the bot cannot tell which items are yours. Ask the programme office to add you (your Slack user or e-mail, against the owner name the register uses).",
    });
  } else if (home.items.length === 0) {
    parts.push({ type: 'section', line: 'Nothing open is yours: no open risk you own and no action you lead.' });
  } else {
    const overdue = home.items.filter(
      (item) => item.target.targetDate !== null && item.target.targetDate < home.today,
    ).length;
    parts.push({
      type: 'context',
      line: `${plural(home.items.length, 'open item')}${overdue > 0 ? `, ${overdue} overdue` : ''}. Updated when you open this tab and after you act.`,
    });
    for (const item of [...home.items].sort(byUrgency)) {
      parts.push(
        { type: 'section', line: itemLine(item, home.today) },
        { type: 'buttons', buttons: itemButtons(item, false, home.board) },
      );
    }
  }
  parts.push({ type: 'context', line: sourceLine(home.source) });
  for (const other of (home.otherBoards ?? []).filter((board) => board.items.length > 0)) {
    parts.push(
      { type: 'divider' },
      { type: 'header', text: other.name },
      { type: 'context', line: `${plural(other.items.length, 'open item')} of yours on ${other.name}'s register.` },
    );
    for (const item of [...other.items].sort(byUrgency))
      parts.push(
        { type: 'section', line: itemLine(item, home.today) },
        { type: 'buttons', buttons: itemButtons(item, false, other.board) },
      );
  }
  return { summary: 'Your risks and actions', parts };
}
