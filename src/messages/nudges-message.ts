import { formatDate } from '../domain/dates/calendar.js';
import type { NudgeDelivery, NudgePreview, NudgeRunReport } from '../domain/reminders/nudge-delivery.js';
import type { Nudge } from '../domain/reminders/nudge-plan.js';
import { itemButtons } from './item-buttons.js';
import { bold, clipLine, type Inline, type Message, type MessagePart, plural } from './message.js';

/** What a stage means to the person reading the reminder. */
export function stageText(nudge: Nudge): string {
  if (nudge.stage === 'review') return `review due since ${formatDate(nudge.aboutDate)}`;
  if (nudge.daysToGo < 0) return `${plural(-nudge.daysToGo, 'day')} overdue (target ${formatDate(nudge.aboutDate)})`;
  if (nudge.daysToGo === 0) return `due today (${formatDate(nudge.aboutDate)})`;
  return `due in ${plural(nudge.daysToGo, 'day')} (${formatDate(nudge.aboutDate)})`;
}

export function nudgeLine(nudge: Nudge): Inline[] {
  const title = nudge.item.kind === 'risk' ? nudge.item.description : nudge.item.action;
  return [bold(nudge.item.id), ` ${clipLine(title, 80)}: ${stageText(nudge)}`];
}

/** A dry run of today's reminders: one list per message the run would send, by the person it goes to, and what reaches nobody. */
export function nudgesPreviewMessage(preview: NudgePreview, today: string): Message {
  const { messages, unreachable } = preview;
  const count = messages.reduce((n, m) => n + m.nudges.length, 0) + unreachable.length;
  const parts: MessagePart[] = [
    {
      type: 'header',
      text: `Reminders for ${formatDate(today)}: ${plural(count, 'item')}, ${plural(messages.length, 'message')}`,
    },
  ];
  for (const message of messages) {
    parts.push({
      type: 'list',
      heading: `To ${preview.names[message.recipient] ?? message.recipient} (${message.recipient}), as ${message.owners.join(', ')}`,
      items: message.nudges.map(nudgeLine),
    });
  }
  if (unreachable.length > 0) {
    parts.push({
      type: 'list',
      heading: 'Would reach nobody (listed in the digest)',
      items: unreachable.map((u) => [...nudgeLine(u.nudge), ` (${u.owner}: ${u.reason})`]),
    });
  }
  if (count === 0) parts.push({ type: 'section', line: 'No reminders are due today.' });
  return { summary: `${plural(count, 'reminder')} in ${plural(messages.length, 'message')}`, parts };
}

/**
 * The direct message a person gets: each item with its stage and its
 * buttons. Overdue items come first, then the nearest dates.
 */
export function nudgeMessage(delivery: NudgeDelivery, today: string): Message {
  const count = delivery.nudges.length;
  const overdue = delivery.nudges.filter((n) => n.daysToGo < 0).length;
  const summary = `Reminder: ${plural(count, 'item')} need${count === 1 ? 's' : ''} your attention${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  const parts: MessagePart[] = [
    { type: 'header', text: `Reminders for ${formatDate(today)}` },
    {
      type: 'context',
      line: `As ${delivery.owners.join(', ')} in the register. Snoozing holds an item's reminders for a week.`,
    },
  ];
  for (const nudge of delivery.nudges) {
    parts.push(
      { type: 'section', line: nudgeLine(nudge) },
      { type: 'buttons', buttons: itemButtons(nudge.item, nudge.stage === 'review') },
    );
  }
  return { summary, parts };
}

/** One board's part of a person's reminders, when they own items on several boards' registers. */
export interface BoardDelivery {
  /** The board's name, shown above its items. */
  board: string;
  /** The board's ID, which its items' buttons carry so a press changes that board's register; absent with one board. */
  boardId?: string;
  delivery: NudgeDelivery;
}

/**
 * The one direct message a person gets a run when they own items on several
 * boards' registers: each board's items under its name, as the owners that
 * register names them.
 */
export function boardsNudgeMessage(parts: readonly BoardDelivery[], today: string): Message {
  if (parts.length === 1 && parts[0]!.boardId === undefined) return nudgeMessage(parts[0]!.delivery, today);
  const nudges = parts.flatMap((part) => part.delivery.nudges);
  const overdue = nudges.filter((n) => n.daysToGo < 0).length;
  const summary = `Reminder: ${plural(nudges.length, 'item')} on ${plural(parts.length, 'board')} need your attention${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  const message: MessagePart[] = [
    { type: 'header', text: `Reminders for ${formatDate(today)}` },
    { type: 'context', line: "Snoozing holds an item's reminders for a week." },
  ];
  for (const { board, boardId, delivery } of parts) {
    message.push(
      { type: 'section', line: [bold(board)] },
      { type: 'context', line: `As ${delivery.owners.join(', ')} in ${board}'s register.` },
    );
    for (const nudge of delivery.nudges)
      message.push(
        { type: 'section', line: nudgeLine(nudge) },
        { type: 'buttons', buttons: itemButtons(nudge.item, nudge.stage === 'review', boardId) },
      );
  }
  return { summary, parts: message };
}

/** What a send run did, for the operator running `risk-bot nudges --send` and the bot's log. */
export function nudgeRunMessage(report: NudgeRunReport): Message {
  const sent = report.delivered.reduce((n, d) => n + d.nudges.length, 0);
  const parts: MessagePart[] = [
    {
      type: 'header',
      text: `Reminders sent for ${formatDate(report.today)}: ${plural(sent, 'item')} in ${plural(report.delivered.length, 'message')}`,
    },
  ];
  for (const delivery of report.delivered) {
    parts.push({
      type: 'list',
      heading: `${delivery.owners.join(', ')}: to ${delivery.recipient}`,
      items: delivery.nudges.map(nudgeLine),
    });
  }
  if (report.unreachable.length > 0) {
    parts.push({
      type: 'list',
      heading: 'Not sent: nobody to send to (listed in the digest)',
      items: report.unreachable.map((u) => [...nudgeLine(u.nudge), ` (${u.owner}: ${u.reason})`]),
    });
  }
  if (report.failed.length > 0) {
    parts.push({
      type: 'list',
      heading: 'Failed (the next run checks Slack and sends what did not arrive)',
      items: report.failed.map((f) => `${f.recipient}: ${f.error}`),
    });
  }
  const { found, resent, unknown } = report.recovered;
  if (found + resent + unknown > 0) {
    parts.push({
      type: 'context',
      line: `An earlier run was interrupted: ${plural(found, 'message')} found in Slack, ${plural(resent, 'message')} had not arrived and ${resent === 1 ? 'its' : 'their'} reminders were planned again, ${plural(unknown, 'message')} could not be checked.`,
    });
  }
  if (sent === 0 && report.unreachable.length === 0) parts.push({ type: 'section', line: 'No reminders were due.' });
  return {
    summary: `${plural(sent, 'reminder')} sent for ${formatDate(report.today)} in ${plural(report.delivered.length, 'message')}`,
    parts,
  };
}
