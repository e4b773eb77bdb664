import type { IsoDate } from '../../cell.js';
import { formatDate } from '../../dates/calendar.js';
import type { Scale } from '../../items/scale.js';
import type { HeatMap, HeatMapCell } from '../heat-map.js';
import { cellId, cellIdLines, type Movement } from './cell-ids.js';
import { type KeyEntry, keyRows, keySvg } from './picture-key.js';
import { fitText, inkOn, plainText, round, safeColour, svgOpen, svgText, textWidth, wrapText } from './svg-text.js';

/** What the heat map picture shows: the grid, whose it is, its date, and ratings that moved. */
export interface HeatMapPictureInput {
  map: HeatMap;
  scale: Scale;
  board: string;
  asOf: IsoDate;
  /** Risks whose rating moved over the digest's period, by ID as the register shows it. */
  moved: ReadonlyMap<string, Movement>;
  /** Start of that period (exclusive), for the key: "since Mon, 23 Nov 2026". */
  movedSince: IsoDate;
}

/** Where a cell is drawn, in the picture's own pixels (the PNG is drawn at a multiple of these). */
export interface CellBox {
  impact: number;
  probability: number;
  x: number;
  y: number;
  size: number;
}

export interface SvgPicture {
  svg: string;
  width: number;
  height: number;
}

export const PICTURE_WIDTH = 600;
const MARGIN = 20;
const GAP = 8;
const LABEL = 11;
const ID_SIZE = 10.5;
const ID_LINE = 13;
const GREY = '#555555';

function rowLabelWidth(scale: Scale): number {
  const words = (scale.probability.labels ?? []).flatMap((label) => plainText(label).split(' '));
  const widest = Math.max(textWidth(String(scale.probability.max), 12, 600), ...words.map((w) => textWidth(w, LABEL)));
  return Math.ceil(Math.min(120, Math.max(24, widest)));
}

/** The cells' places: square, as large as the width allows up to 140 px, the block centred. */
export function heatMapCellBoxes(scale: Scale, gridTop: number): { boxes: CellBox[]; left: number; size: number } {
  const labels = rowLabelWidth(scale);
  const room = PICTURE_WIDTH - 2 * MARGIN - labels - GAP;
  const size = Math.floor(Math.min(140, room / scale.impact.max));
  const left = MARGIN + Math.floor((room - size * scale.impact.max) / 2) + labels + GAP;
  const boxes: CellBox[] = [];
  for (let probability = scale.probability.max; probability >= 1; probability -= 1)
    for (let impact = 1; impact <= scale.impact.max; impact += 1)
      boxes.push({
        impact,
        probability,
        x: left + (impact - 1) * size,
        y: gridTop + (scale.probability.max - probability) * size,
        size,
      });
  return { boxes, left, size };
}

function cellSvg(cell: HeatMapCell, box: CellBox, moved: ReadonlyMap<string, Movement>): string {
  const { x, y, size } = box;
  const fill = safeColour(cell.band.colour);
  const ink = inkOn(fill);
  const parts = [`<rect x="${x + 1}" y="${y + 1}" width="${size - 2}" height="${size - 2}" fill="${fill}"/>`];
  const inner = size - 12;
  if (cell.count > 0) {
    const countSize = size >= 80 ? 22 : 16;
    parts.push(
      svgText(x + 6, y + 6 + countSize * 0.8, String(cell.count), { size: countSize, weight: 600, fill: ink }),
    );
    const top = y + 6 + countSize + 4;
    const lines = cellIdLines(cell.ids.map(cellId), moved, ID_SIZE, inner, Math.floor((y + size - 18 - top) / ID_LINE));
    lines.forEach((line, i) => {
      parts.push(svgText(x + 6, top + ID_SIZE * 0.8 + i * ID_LINE, line, { size: ID_SIZE, fill: ink }));
    });
  }
  const band = fitText(plainText(cell.band.label), 10, inner);
  parts.push(svgText(x + 6, y + size - 7, band, { size: 10, fill: ink }));
  return `<g>${parts.join('')}</g>`;
}

function axesSvg(scale: Scale, boxes: readonly CellBox[], left: number, size: number): { svg: string; bottom: number } {
  const parts: string[] = [];
  const gridTop = boxes[0]!.y;
  const gridBottom = gridTop + scale.probability.max * size;
  const axisTitle = 'Probability ↑';
  const titleRight = Math.max(left - GAP, MARGIN + textWidth(axisTitle, LABEL, 600));
  parts.push(svgText(titleRight, gridTop - 8, axisTitle, { size: LABEL, weight: 600, fill: GREY, anchor: 'end' }));
  for (let probability = 1; probability <= scale.probability.max; probability += 1) {
    const top = gridTop + (scale.probability.max - probability) * size;
    const words = wrapText(
      plainText(scale.probability.labels?.[probability - 1] ?? ''),
      LABEL,
      rowLabelWidth(scale),
      2,
    );
    const height = 14 + words.length * 13;
    const first = top + (size - height) / 2 + 11;
    parts.push(svgText(left - GAP, first, String(probability), { size: 12, weight: 600, anchor: 'end' }));
    words.forEach((word, i) => {
      parts.push(svgText(left - GAP, first + 14 + i * 13, word, { size: LABEL, anchor: 'end' }));
    });
  }
  let bottom = gridBottom + 16;
  for (let impact = 1; impact <= scale.impact.max; impact += 1) {
    const centre = left + (impact - 0.5) * size;
    parts.push(svgText(centre, gridBottom + 16, String(impact), { size: 12, weight: 600, anchor: 'middle' }));
    const words = wrapText(plainText(scale.impact.labels?.[impact - 1] ?? ''), LABEL, size - 6, 2);
    words.forEach((word, i) => {
      parts.push(svgText(centre, gridBottom + 30 + i * 13, word, { size: LABEL, anchor: 'middle' }));
    });
    bottom = Math.max(bottom, gridBottom + 30 + (words.length - 1) * 13);
  }
  const middle = left + (scale.impact.max * size) / 2;
  parts.push(svgText(middle, bottom + 20, 'Impact →', { size: LABEL, weight: 600, fill: GREY, anchor: 'middle' }));
  return { svg: parts.join('\n'), bottom: bottom + 20 };
}

function movesText(input: HeatMapPictureInput, onGrid: ReadonlySet<string>): KeyEntry[] {
  const shown = [...input.moved.entries()].filter(([id]) => onGrid.has(cellId(id)));
  const since = `since ${formatDate(input.movedSince)}`;
  const entries: KeyEntry[] = [];
  if (shown.some(([, m]) => m === 'up')) entries.push({ mark: '▲', text: `rating up ${since}` });
  if (shown.some(([, m]) => m === 'down')) entries.push({ mark: '▼', text: `rating down ${since}` });
  return entries;
}

/**
 * The heat map as SVG text, 600 px wide: the board's name and the date; a
 * square per impact and probability in its band's colour, holding the count,
 * the first IDs ("+N" for the rest, ▲ or ▼ for ratings that moved) and the
 * band's name; the scale's own words on both axes; a key of bands with their
 * ratings and of the movement marks. All register text is escaped, and
 * stripped of bidi controls, before it goes in.
 */
export function heatMapSvg(input: HeatMapPictureInput): SvgPicture & { cells: CellBox[] } {
  const { map, scale } = input;
  const onGrid = map.cells.flat().reduce((n, cell) => n + cell.count, 0);
  const title = fitText(plainText(input.board) || 'Risk register', 18, PICTURE_WIDTH - 2 * MARGIN, 600);
  const summary = [
    `Open risks by impact and probability, ${formatDate(input.asOf)}`,
    `${onGrid === 0 ? 'No' : onGrid} open ${onGrid === 1 ? 'risk' : 'risks'} on the grid${map.unrated > 0 ? `; ${map.unrated} not rated, so not shown` : ''}`,
  ];
  const gridTop = MARGIN + 18 + 2 * 18 + 30;
  const { boxes, left, size } = heatMapCellBoxes(scale, gridTop);
  const axes = axesSvg(scale, boxes, left, size);
  const ids = new Set(map.cells.flat().flatMap((cell) => cell.ids.map(cellId)));
  const bands: KeyEntry[] = [...map.bands].reverse().map((entry) => ({
    colour: safeColour(entry.band.colour),
    text: `${plainText(entry.band.label)}${entry.lowest === null ? '' : ` (${entry.lowest === entry.highest ? entry.lowest : `${entry.lowest}–${entry.highest}`})`}`,
  }));
  const key = keyRows([bands, movesText(input, ids)], MARGIN, PICTURE_WIDTH - 2 * MARGIN);
  const keyTop = axes.bottom + 22;
  const height = Math.ceil(keyTop + key.height + MARGIN);
  const moved = new Map([...input.moved].map(([id, movement]) => [cellId(id), movement]));
  const cells = map.cells.flat().map((cell, i) => cellSvg(cell, boxes[i]!, moved));
  const svg = [
    svgOpen(PICTURE_WIDTH, height, `${title}: ${summary[0]}`),
    svgText(MARGIN, MARGIN + 16, title, { size: 18, weight: 600 }),
    ...summary.map((line, i) => svgText(MARGIN, MARGIN + 38 + i * 18, line, { size: 12, fill: GREY })),
    ...cells,
    axes.svg,
    keySvg(key, keyTop),
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width: PICTURE_WIDTH, height, cells: boxes.map((box) => ({ ...box, y: round(box.y) })) };
}
