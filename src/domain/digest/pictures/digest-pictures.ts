import { formatDate } from '../../dates/calendar.js';
import type { Scale } from '../../items/scale.js';
import type { AuditEntry } from '../../register/register.js';
import { clip } from '../../text.js';
import type { Digest } from '../digest.js';
import { countsHistory } from '../digest-ledger.js';
import type { Movement } from './cell-ids.js';
import { heatMapSvg } from './heat-map-svg.js';
import { plainText } from './svg-text.js';
import { trendSeries, trendSvg } from './trend-svg.js';

/** A picture for the digest as SVG text, with what the upload says about it. */
export interface DigestPicture {
  svg: string;
  width: number;
  height: number;
  /** The file's name, without ".png". */
  name: string;
  title: string;
  /** For screen readers: what the picture shows, in words. */
  altText: string;
}

export interface DigestPictures {
  /** Posted to the channel after the digest. */
  heatMap: DigestPicture;
  /** Posted in the digest's thread; null until the board has had two digests, as one bar is no trend. */
  trend: DigestPicture | null;
}

export interface PictureBoard {
  id: string;
  name: string;
  scale: Scale;
}

// Slack cuts alt text longer than this.
const ALT_TEXT_MAX = 1000;

function movedOf(digest: Digest): Map<string, Movement> {
  return new Map<string, Movement>([
    ...digest.changes.ratingUp.map((move) => [move.item.id, 'up'] as const),
    ...digest.changes.ratingDown.map((move) => [move.item.id, 'down'] as const),
  ]);
}

function ids(list: readonly string[]): string {
  const shown = list.slice(0, 8).map(plainText).join(', ');
  return list.length > 8 ? `${shown} and ${list.length - 8} more` : shown;
}

function heatMapAltText(digest: Digest, board: PictureBoard): string {
  const cells = digest.heatMap.cells.flat();
  const bands = [...digest.heatMap.bands].reverse().map((entry) => {
    const inBand = cells.filter((cell) => cell.band.label === entry.band.label).flatMap((cell) => cell.ids);
    return `${plainText(entry.band.label)}: ${inBand.length}${inBand.length > 0 ? ` (${ids(inBand)})` : ''}.`;
  });
  const { ratingUp, ratingDown, after } = digest.changes;
  const moves = [
    ratingUp.length > 0 ? `Rating up since ${formatDate(after)}: ${ids(ratingUp.map((m) => m.item.id))}.` : '',
    ratingDown.length > 0 ? `Rating down since ${formatDate(after)}: ${ids(ratingDown.map((m) => m.item.id))}.` : '',
  ];
  const unrated = digest.heatMap.unrated > 0 ? `${digest.heatMap.unrated} not rated, not shown.` : '';
  const text = [
    `Heat map of open risks by impact and probability for ${plainText(board.name)}, ${formatDate(digest.asOf)}.`,
    ...bands,
    unrated,
    ...moves,
    'The digest message has the same grid as text.',
  ];
  return clip(text.filter(Boolean).join(' '), ALT_TEXT_MAX);
}

function trendAltText(input: Parameters<typeof trendSvg>[0]): string {
  const first = input.history[0]!;
  const last = input.history.at(-1)!;
  const series = trendSeries(input);
  const total = (i: number) => series.reduce((sum, layer) => sum + layer.counts[i]!, 0);
  const layers = series.map((layer) => `${layer.label}: ${layer.counts[0]} to ${layer.counts.at(-1)}.`);
  const text = [
    `Open risks by band over the last ${input.history.length} digests for ${plainText(input.board)},`,
    `${formatDate(first.date)} to ${formatDate(last.date)}.`,
    `Total: ${total(0)} to ${total(input.history.length - 1)}.`,
    ...layers,
  ];
  return clip(text.join(' '), ALT_TEXT_MAX);
}

/**
 * The digest's pictures as SVG text: the heat map with this week's rating
 * moves, and the trend of open risks by band over the board's last 12
 * digests, read from the `digest-counts` lines of the Audit log with this
 * digest's counts last.
 */
export function digestPictures(digest: Digest, board: PictureBoard, audit: readonly AuditEntry[]): DigestPictures {
  const heatMap = heatMapSvg({
    map: digest.heatMap,
    scale: board.scale,
    board: board.name,
    asOf: digest.asOf,
    moved: movedOf(digest),
    movedSince: digest.changes.after,
  });
  const history = countsHistory(audit, board.id, { date: digest.asOf, counts: digest.counts });
  const trendInput = { board: board.name, history, bands: board.scale.bands };
  const trend = history.length >= 2 ? trendSvg(trendInput) : null;
  return {
    heatMap: {
      svg: heatMap.svg,
      width: heatMap.width,
      height: heatMap.height,
      name: `heat-map-${board.id}-${digest.asOf}`,
      title: `${board.name}: heat map of open risks, ${formatDate(digest.asOf)}`,
      altText: heatMapAltText(digest, board),
    },
    trend:
      trend === null
        ? null
        : {
            ...trend,
            name: `risk-trend-${board.id}-${digest.asOf}`,
            title: `${board.name}: open risks by band, last ${history.length} digests`,
            altText: trendAltText(trendInput),
          },
  };
}
