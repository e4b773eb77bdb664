import { formatDate } from '../domain/calendar.js';
import type { DatedItem } from '../domain/due-items.js';
import type { Digest } from '../domain/digest.js';
import { ownerOf, type Item } from '../domain/register.js';
import { bold, clip, plural, type Inline, type Message, type MessagePart } from './message.js';

function titleOf(item: Item): string {
  return clip(item.kind === 'risk' ? item.description : item.action, 90);
}

function days(count: number): string {
  return plural(Math.abs(count), 'day');
}

function datedLine(dated: DatedItem, withOwner: boolean): Inline[] {
  const when = dated.daysToGo < 0 ? `${days(dated.daysToGo)} overdue` : dated.daysToGo === 0 ? 'due today' : `due in ${days(dated.daysToGo)}`;
  const owner = withOwner ? ` (${ownerOf(dated.item) || 'no owner'})` : '';
  return [bold(dated.item.id), ` ${titleOf(dated.item)}${owner}: ${when}, ${formatDate(dated.targetDate)}`];
}

function bandSummary(digest: Digest): string {
  const counts = [...digest.bandCounts].reverse().map(({ band, count }) => `${band.label} ${count}`);
  if (digest.unratedRisks.length > 0) counts.push(`unrated ${digest.unratedRisks.length}`);
  return `${plural(digest.openRisks, 'open risk')}: ${counts.join(', ')}`;
}

/** The weekly digest as a message, each list headed by what it is and how many. */
export function digestMessage(digest: Digest, boardName: string): Message {
  const parts: MessagePart[] = [
    { type: 'header', text: `${boardName}: risk and action digest, ${formatDate(digest.asOf)}` },
    { type: 'section', line: bandSummary(digest) },
    {
      type: 'list', heading: `Top risks`, emptyText: 'No rated open risks.',
      items: digest.topRisks.map((risk) => [bold(risk.id), ` ${risk.band?.label} (${risk.rating}): ${titleOf(risk)} (${risk.owner || 'no owner'})`]),
    },
    { type: 'section', line: [bold(`Overdue (${digest.overdueByLead.reduce((n, g) => n + g.items.length, 0)})`)] },
    ...(digest.overdueByLead.length === 0
      ? [{ type: 'section' as const, line: 'Nothing overdue.' }]
      : digest.overdueByLead.map((group) => ({ type: 'list' as const, heading: group.lead, items: group.items.map((dated) => datedLine(dated, false)) }))),
    { type: 'list', heading: `Due in the next 14 days (${digest.dueSoon.length})`, emptyText: 'Nothing due.', items: digest.dueSoon.map((d) => datedLine(d, true)) },
    {
      type: 'list', heading: `Reviews overdue (${digest.reviewsDue.length})`, emptyText: 'All risks reviewed on time.',
      items: digest.reviewsDue.map((review) => [bold(review.risk.id), ` ${review.risk.band?.label}: ${review.neverReviewed ? 'never reviewed' : `review was due ${formatDate(review.dueOn)}`} (${review.risk.owner || 'no owner'})`]),
    },
    {
      type: 'list', heading: `Slipped more than once (${digest.slippedRepeatedly.length})`, emptyText: 'No repeated slips.',
      items: digest.slippedRepeatedly.map((action) => [bold(action.id), ` ${titleOf(action)}: slipped ${action.timesSlipped} times, first due ${action.originalTargetDate ? formatDate(action.originalTargetDate) : 'unknown'}, now ${action.target.targetDate ? formatDate(action.target.targetDate) : 'no date'}`]),
    },
  ];
  if (digest.unreachableOwners.length > 0) {
    parts.push({ type: 'list', heading: `Owners the bot cannot reach (${digest.unreachableOwners.length}): add them to People`, items: digest.unreachableOwners });
  }
  if (digest.problems.length > 0) {
    parts.push({ type: 'context', line: `${plural(digest.problems.length, 'data problem')} in the register: run risk-bot check for the list.` });
  }
  parts.push({ type: 'context', line: `Register: ${digest.source}` });
  return { summary: `${boardName} digest: ${bandSummary(digest)}`, parts };
}
