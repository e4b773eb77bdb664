import { isIsoDate } from '../domain/cell.js';
import { addDays, formatDate } from '../domain/dates/calendar.js';
import type { Digest } from '../domain/digest/digest.js';
import { heatMapText } from '../domain/digest/heat-map.js';
import type { RatingMove, ValueMove, WeekChanges } from '../domain/digest/week-changes.js';
import type { DatedItem, ReviewDue } from '../domain/items/due-items.js';
import { type Item, ownerOf } from '../domain/register/register.js';
import { bold, clipLine, type Inline, link, type Message, type MessagePart, plural } from './message.js';

function titleOf(item: Item): string {
  return clipLine(item.kind === 'risk' ? item.description : item.action, 90);
}

function days(count: number): string {
  return plural(Math.abs(count), 'day');
}

function datedLine(dated: DatedItem, withOwner: boolean): Inline[] {
  const when =
    dated.daysToGo < 0
      ? `${days(dated.daysToGo)} overdue`
      : dated.daysToGo === 0
        ? 'due today'
        : `due in ${days(dated.daysToGo)}`;
  const owner = withOwner ? ` (${ownerOf(dated.item) || 'no owner'})` : '';
  return [bold(dated.item.id), ` ${titleOf(dated.item)}${owner}: ${when}, ${formatDate(dated.targetDate)}`];
}

function change(now: number, before: number | undefined): string {
  if (before === undefined || before === now) return '';
  return now > before ? ` (+${now - before})` : ` (\u2212${before - now})`;
}

function bandSummary(digest: Digest, withChange = false): string {
  const previous = withChange ? digest.previous?.counts : undefined;
  const counts = [...digest.bandCounts]
    .reverse()
    .map(({ band, count }) => `${band.label} ${count}${previous ? change(count, previous[band.label] ?? 0) : ''}`);
  const unrated = digest.unratedRisks.length;
  if (unrated > 0 || (previous?.unrated ?? 0) > 0)
    counts.push(`unrated ${unrated}${previous ? change(unrated, previous.unrated ?? 0) : ''}`);
  return `${plural(digest.openRisks, 'open risk')}: ${counts.join(', ')}`;
}

function sinceLine(digest: Digest): string {
  return digest.previous === null
    ? 'First digest: no earlier counts to compare with.'
    : `Changes in brackets are since the digest of ${formatDate(digest.previous.date)}.`;
}

function moveLine(move: RatingMove): Inline[] {
  const band = move.item.kind === 'risk' && move.item.band ? `, now ${move.item.band.label}` : '';
  return [bold(move.item.id), ` ${titleOf(move.item)}: ${move.from} \u2192 ${move.to}${band}`];
}

/** A risk due for review: its band, since when, and its owner. */
export function reviewLine(review: ReviewDue): Inline[] {
  return [
    bold(review.risk.id),
    ` ${review.risk.band?.label ?? 'unrated'}: ${review.neverReviewed ? 'never reviewed' : `review was due ${formatDate(review.dueOn)}`} (${review.risk.owner || 'no owner'})`,
  ];
}

/** What changed over a period: new, closed, rating up and down, bands changed, target dates moved; the digest's section, and the answer to "what changed?". */
export function changeParts(changes: WeekChanges): MessagePart[] {
  const itemLine = (item: Item): Inline[] => [bold(item.id), ` ${titleOf(item)} (${ownerOf(item) || 'no owner'})`];
  const total =
    changes.added.length +
    changes.closed.length +
    changes.ratingUp.length +
    changes.ratingDown.length +
    changes.bandChanged.length +
    changes.datesMoved.length;
  const ratingLine = (move: RatingMove): Inline[] =>
    move.bandFrom === undefined ? moveLine(move) : [...moveLine(move), ` (was ${move.bandFrom})`];
  const shown = (value: string) => (isIsoDate(value) ? formatDate(value) : value || 'none');
  const valueLine = (move: ValueMove, later = false): Inline[] => [
    bold(move.item.id),
    ` ${titleOf(move.item)}: ${shown(move.from)} \u2192 ${shown(move.to)}${later && isIsoDate(move.from) && isIsoDate(move.to) && move.to > move.from ? ' (later)' : ''}`,
  ];
  const heading = `What changed since ${formatDate(addDays(changes.after, 1))}`;
  if (total === 0) return [{ type: 'section', line: [bold(heading), ': nothing recorded.'] }];
  const parts: MessagePart[] = [{ type: 'section', line: [bold(heading)] }];
  if (changes.added.length > 0)
    parts.push({ type: 'list', heading: `New (${changes.added.length})`, items: changes.added.map(itemLine) });
  if (changes.closed.length > 0)
    parts.push({
      type: 'list',
      heading: `Closed or done (${changes.closed.length})`,
      items: changes.closed.map(itemLine),
    });
  if (changes.ratingUp.length > 0)
    parts.push({
      type: 'list',
      heading: `Rating up (${changes.ratingUp.length})`,
      items: changes.ratingUp.map(ratingLine),
    });
  if (changes.ratingDown.length > 0)
    parts.push({
      type: 'list',
      heading: `Rating down (${changes.ratingDown.length})`,
      items: changes.ratingDown.map(ratingLine),
    });
  if (changes.bandChanged.length > 0)
    parts.push({
      type: 'list',
      heading: `Band changed (${changes.bandChanged.length})`,
      items: changes.bandChanged.map((move) => valueLine(move)),
    });
  if (changes.datesMoved.length > 0)
    parts.push({
      type: 'list',
      heading: `Target date moved (${changes.datesMoved.length})`,
      items: changes.datesMoved.map((move) => valueLine(move, true)),
    });
  return parts;
}

/**
 * Where the register is, as a link when it is a sheet. A workbook is named
 * by its file alone: where it sits on the bot's server is nobody's business
 * in a channel.
 */
export function sourceLine(source: string): Inline[] {
  if (/^https?:\/\//.test(source)) return ['Register: ', link(source, 'open the sheet'), ' for every row'];
  // A folder of CSV files is named "folder/*.csv" by its store.
  const parts = source.split(/[\\/]/);
  const name = parts.slice(parts.at(-1) === '*.csv' ? -2 : -1).join('/');
  // A CSV register is read, never written: said wherever the register is named.
  if (/\.csv$/i.test(source)) return [`Register: ${name} (CSV, read only)`];
  return [`Register: ${name} (a workbook kept by the bot)`];
}

/** The risk log's parts: counts by band, the heat map, the top risks. */
function riskParts(digest: Digest): MessagePart[] {
  return [
    { type: 'section', line: bandSummary(digest, true) },
    { type: 'context', line: sinceLine(digest) },
    { type: 'preformatted', text: heatMapText(digest.heatMap) },
    {
      type: 'list',
      heading: `Top risks`,
      emptyText: 'No rated open risks.',
      items: digest.topRisks.map((risk) => [
        bold(risk.id),
        ` ${risk.band?.label} (${risk.rating}): ${titleOf(risk)} (${risk.owner || 'no owner'})`,
      ]),
    },
  ];
}

/** What is overdue and due soon, of whichever halves the register holds. */
function datedParts(digest: Digest): MessagePart[] {
  return [
    { type: 'section', line: [bold(`Overdue (${digest.overdueByLead.reduce((n, g) => n + g.items.length, 0)})`)] },
    ...(digest.overdueByLead.length === 0
      ? [{ type: 'section' as const, line: 'Nothing overdue.' }]
      : digest.overdueByLead.map((group) => ({
          type: 'list' as const,
          heading: group.lead,
          items: group.items.map((dated) => datedLine(dated, false)),
        }))),
    {
      type: 'list',
      heading: `Due in the next 14 days (${digest.dueSoon.length})`,
      emptyText: 'Nothing due.',
      items: digest.dueSoon.map((d) => datedLine(d, true)),
    },
  ];
}

const reviewParts = (digest: Digest): MessagePart[] => [
  {
    type: 'list',
    heading: `Reviews overdue (${digest.reviewsDue.length})`,
    emptyText: 'All risks reviewed on time.',
    items: digest.reviewsDue.map(reviewLine),
  },
];

const slipParts = (digest: Digest): MessagePart[] => [
  {
    type: 'list',
    heading: `Slipped more than once (${digest.slippedRepeatedly.length})`,
    emptyText: 'No repeated slips.',
    items: digest.slippedRepeatedly.map((action) => [
      bold(action.id),
      ` ${titleOf(action)}: slipped ${action.timesSlipped} times, first due ${action.originalTargetDate ? formatDate(action.originalTargetDate) : 'unknown'}, now ${action.target.targetDate ? formatDate(action.target.targetDate) : 'no date'}`,
    ]),
  },
];

/** What the digest is of: a register keeping one half is not given the other's empty sections. */
function digestTitle(digest: Digest): string {
  if (!digest.holds.actions) return 'risk digest';
  if (!digest.holds.risks) return 'action plan digest';
  return 'risk and action digest';
}

/** The plan's counts, for a register keeping a plan alone (a risk log's summary is its bands). */
function planSummary(digest: Digest): string {
  const overdue = digest.overdueByLead.reduce((n, g) => n + g.items.length, 0);
  return `${plural(digest.openActions, 'open action')}, ${overdue} overdue`;
}

/** The weekly digest as a message, each list headed by what it is and how many. */
export function digestMessage(digest: Digest, boardName: string): Message {
  const { holds } = digest;
  const parts: MessagePart[] = [
    { type: 'header', text: `${boardName}: ${digestTitle(digest)}, ${formatDate(digest.asOf)}` },
    ...(holds.risks ? riskParts(digest) : [{ type: 'section' as const, line: planSummary(digest) }]),
    ...changeParts(digest.changes),
    ...datedParts(digest),
    ...(holds.risks ? reviewParts(digest) : []),
    ...(holds.actions ? slipParts(digest) : []),
  ];
  if (digest.unreachableOwners.length > 0) {
    parts.push({
      type: 'list',
      heading: `Owners the bot cannot reach (${digest.unreachableOwners.length}): add them to People`,
      items: digest.unreachableOwners,
    });
  }
  if (digest.undelivered.length > 0) {
    parts.push({
      type: 'list',
      heading: `Reminders that reached nobody this week (${digest.undelivered.length})`,
      items: digest.undelivered.map((u) => [bold(u.item), ` ${u.reason}`]),
    });
  }
  if (digest.problems.length > 0) {
    parts.push({
      type: 'context',
      line: `${plural(digest.problems.length, 'data problem')} in the register: run risk-bot check for the list.`,
    });
  }
  parts.push({ type: 'context', line: sourceLine(digest.source) });
  return { summary: `${boardName} digest: ${holds.risks ? bandSummary(digest) : planSummary(digest)}`, parts };
}
