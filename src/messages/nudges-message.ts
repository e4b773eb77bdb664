import { formatDate } from '../domain/calendar.js';
import type { Nudge, OwnerNudges } from '../domain/nudge-plan.js';
import { bold, clip, plural, type Inline, type Message, type MessagePart } from './message.js';

/** What a stage means to the person reading the reminder. */
export function stageText(nudge: Nudge): string {
  if (nudge.stage === 'review') return `review due since ${formatDate(nudge.aboutDate)}`;
  if (nudge.daysToGo < 0) return `${plural(-nudge.daysToGo, 'day')} overdue (target ${formatDate(nudge.aboutDate)})`;
  if (nudge.daysToGo === 0) return `due today (${formatDate(nudge.aboutDate)})`;
  return `due in ${plural(nudge.daysToGo, 'day')} (${formatDate(nudge.aboutDate)})`;
}

export function nudgeLine(nudge: Nudge): Inline[] {
  const title = nudge.item.kind === 'risk' ? nudge.item.description : nudge.item.action;
  return [bold(nudge.item.id), ` ${clip(title, 80)}: ${stageText(nudge)}`];
}

/** A dry run of today's reminders: who would get which, and who cannot be reached. */
export function nudgesPreviewMessage(groups: readonly OwnerNudges[], today: string): Message {
  const count = groups.reduce((n, g) => n + g.nudges.length, 0);
  const parts: MessagePart[] = [{ type: 'header', text: `Reminders for ${formatDate(today)}: ${plural(count, 'item')}, ${plural(groups.length, 'owner')}` }];
  for (const group of groups) {
    const to = group.people.map((p) => p.slackUser ?? p.email).join(', ');
    const reach = group.unreachable.length > 0 ? `cannot reach ${group.unreachable.join(', ')} (not in People)` : `to ${to}`;
    parts.push({ type: 'list', heading: `${group.owner}: ${reach}`, items: group.nudges.map(nudgeLine) });
  }
  if (groups.length === 0) parts.push({ type: 'section', line: 'No reminders are due today.' });
  return { summary: `${plural(count, 'reminder')} for ${plural(groups.length, 'owner')}`, parts };
}
