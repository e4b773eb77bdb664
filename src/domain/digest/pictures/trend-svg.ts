import type { IsoDate } from '../../cell.js';
import { formatDate } from '../../dates/calendar.js';
import type { Band } from '../../items/scale.js';
import type { ReportedCounts } from '../digest-ledger.js';
import type { SvgPicture } from './heat-map-svg.js';
import { keyRows, keySvg } from './picture-key.js';
import { fitText, inkOn, plainText, round, safeColour, svgOpen, svgText } from './svg-text.js';

/** What the trend picture shows: the board's last digests' counts, drawn in the scale's bands. */
export interface TrendPictureInput {
  board: string;
  /** Oldest first; the last is the digest being posted. */
  history: readonly ReportedCounts[];
  bands: readonly Band[];
}

/** One stacked layer: a band, or the risks no band holds. */
export interface TrendSeries {
  label: string;
  colour: string;
  counts: number[];
}

const WIDTH = 600;
const MARGIN = 20;
const SLOTS = 12;
const PLOT_TOP = 96;
const PLOT_HEIGHT = 220;
const AXIS = 34;
const GREY = '#555555';
const UNRATED = { label: 'Not rated', colour: '#BDBDBD' };
const OTHER = { label: 'Bands no longer on the scale', colour: '#757575' };

/**
 * The layers, highest band first (drawn at the bottom, where its changes read
 * most easily), then risks not rated, then counts under band names the scale
 * no longer has; a layer that is zero throughout is left out, bands excepted.
 */
export function trendSeries(input: TrendPictureInput): TrendSeries[] {
  const labels = new Set(input.bands.map((band) => band.label));
  const bands = [...input.bands].reverse().map((band) => ({
    label: plainText(band.label),
    colour: safeColour(band.colour),
    counts: input.history.map((point) => point.counts[band.label] ?? 0),
  }));
  const unrated = { ...UNRATED, counts: input.history.map((point) => point.counts.unrated ?? 0) };
  const other = {
    ...OTHER,
    counts: input.history.map((point) =>
      Object.entries(point.counts)
        .filter(([label]) => label !== 'unrated' && !labels.has(label))
        .reduce((sum, [, count]) => sum + count, 0),
    ),
  };
  return [...bands, ...[unrated, other].filter((series) => series.counts.some((count) => count > 0))];
}

/** A round step for the count axis giving at most five steps up to `most`. */
function axisStep(most: number): { step: number; top: number } {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000];
  const step = steps.find((s) => most / s <= 5) ?? Math.ceil(most / 5);
  // A handful of risks still gets an axis to 4, so one risk is not a bar the full height.
  return { step, top: Math.max(step * Math.ceil(most / step), 4) };
}

function shortDate(date: IsoDate): string {
  return formatDate(date)
    .replace(/^\w+, /, '')
    .replace(/ \d{4}$/, '');
}

function barsSvg(series: readonly TrendSeries[], points: number, top: number, plotLeft: number, slot: number) {
  const parts: string[] = [];
  const scale = PLOT_HEIGHT / top;
  const base = PLOT_TOP + PLOT_HEIGHT;
  const barWidth = Math.round(slot * 0.62);
  for (let i = 0; i < points; i += 1) {
    const x = round(plotLeft + i * slot + (slot - barWidth) / 2);
    let y = base;
    for (const layer of series) {
      const count = layer.counts[i]!;
      if (count === 0) continue;
      const height = count * scale;
      y -= height;
      parts.push(
        `<rect x="${x}" y="${round(y)}" width="${barWidth}" height="${round(height)}" fill="${layer.colour}"/>`,
      );
      if (height >= 14)
        parts.push(
          svgText(x + barWidth / 2, y + height / 2 + 4, String(count), {
            size: 10.5,
            fill: inkOn(layer.colour),
            anchor: 'middle',
          }),
        );
    }
    const total = series.reduce((sum, layer) => sum + layer.counts[i]!, 0);
    parts.push(svgText(x + barWidth / 2, y - 5, String(total), { size: 11, weight: 600, anchor: 'middle' }));
  }
  return parts.join('\n');
}

/**
 * The trend as SVG text, 600 px wide: one stacked bar per digest (up to the
 * last 12, oldest on the left), each layer a band in its colour with its
 * count, the total on top, the date below; a count axis and a key.
 */
export function trendSvg(input: TrendPictureInput): SvgPicture {
  const series = trendSeries(input);
  const points = input.history.length;
  const totals = input.history.map((_, i) => series.reduce((sum, layer) => sum + layer.counts[i]!, 0));
  const { step, top } = axisStep(Math.max(0, ...totals));
  const plotLeft = MARGIN + AXIS;
  const slot = (WIDTH - MARGIN - plotLeft) / SLOTS;
  const title = fitText(plainText(input.board) || 'Risk register', 18, WIDTH - 2 * MARGIN, 600);
  const first = input.history[0]?.date;
  const last = input.history.at(-1)?.date;
  const span =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? `, ${formatDate(first)}`
        : `: ${formatDate(first)} to ${formatDate(last)}`;
  const subtitle = `Open risks by band over the last ${points === 1 ? 'digest' : `${points} digests`}${span}`;
  const axis: string[] = [];
  for (let value = 0; value <= top; value += step) {
    const y = round(PLOT_TOP + PLOT_HEIGHT - (value * PLOT_HEIGHT) / top);
    axis.push(
      `<line x1="${plotLeft}" y1="${y}" x2="${WIDTH - MARGIN}" y2="${y}" stroke="${value === 0 ? '#888888' : '#E3E3E3'}"/>`,
    );
    axis.push(svgText(plotLeft - 6, y + 4, String(value), { size: 10.5, fill: GREY, anchor: 'end' }));
  }
  input.history.forEach((point, i) => {
    const centre = plotLeft + (i + 0.5) * slot;
    axis.push(svgText(centre, PLOT_TOP + PLOT_HEIGHT + 16, shortDate(point.date), { size: 10.5, anchor: 'middle' }));
  });
  const key = keyRows(
    [series.map((layer) => ({ colour: layer.colour, text: layer.label }))],
    MARGIN,
    WIDTH - 2 * MARGIN,
  );
  const keyTop = PLOT_TOP + PLOT_HEIGHT + 36;
  const height = Math.ceil(keyTop + key.height + MARGIN);
  const svg = [
    svgOpen(WIDTH, height, `${title}: ${subtitle}`),
    svgText(MARGIN, MARGIN + 16, title, { size: 18, weight: 600 }),
    svgText(MARGIN, MARGIN + 38, subtitle, { size: 12, fill: GREY }),
    svgText(MARGIN, PLOT_TOP - 14, 'Open risks', { size: 11, weight: 600, fill: GREY }),
    ...axis,
    barsSvg(series, points, top, plotLeft, slot),
    keySvg(key, keyTop),
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width: WIDTH, height };
}
