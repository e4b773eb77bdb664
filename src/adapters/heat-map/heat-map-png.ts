import { PNG } from 'pngjs';
import { bandRange, type HeatMap, shortNameOf } from '../../domain/digest/heat-map.js';
import type { Scale } from '../../domain/items/scale.js';
import { type Canvas, drawText, fillRect, GLYPH_ADVANCE, type Rgb, textHeight, textWidth } from './bitmap-font.js';

export const CELL_SIZE = 80;
export const MARGIN = 16;
const GAP = 8;
/** Axis titles, axis numbers, legend and the band letter in each cell. */
const LABEL_SCALE = 2;
/** The scale's words for each level ("RARE", "ALMOST CERTAIN"): small, as they are long. */
const WORD_SCALE = 1;
/** The count in a cell is drawn at the largest of these that fits. */
const COUNT_SCALES = [4, 3, 2, 1];
const ROW_WORD_CHARS = 16;
/** As many letters as fit under a cell with a little space either side. */
const COLUMN_WORD_CHARS = Math.floor((CELL_SIZE - 4 + 1) / GLYPH_ADVANCE);
const LEGEND_ROW = 22;
const SWATCH = 18;

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];
const INK: Rgb = [34, 34, 34];

/** Where everything goes, in pixels; exported so tests can find a cell's pixels. */
export interface HeatMapLayout {
  width: number;
  height: number;
  cellSize: number;
  gridLeft: number;
  gridTop: number;
  rows: number;
  columns: number;
  /** Right edge of the probability words and of the probability numbers. */
  rowWordsRight: number;
  rowNumbersRight: number;
  columnNumbersTop: number;
  /** Null when the scale has no words for its impact levels. */
  columnWordsTop: number | null;
  impactTitleTop: number;
  legendTop: number;
  /** Null when every open risk is on the grid. */
  unratedTop: number | null;
}

function axisWords(scale: Scale, axis: 'impact' | 'probability', maxChars: number): string[] {
  return (scale[axis].labels ?? []).map((label) => label.toUpperCase().slice(0, maxChars));
}

function legendText(map: HeatMap, index: number): string {
  const entry = map.bands[index]!;
  const range = bandRange(entry);
  return `${entry.band.label.toUpperCase()}${range ? ` (${range})` : ''}`;
}

function unratedText(map: HeatMap): string {
  return `NOT ON THE GRID: ${map.unrated} UNRATED`;
}

function swatchWidth(map: HeatMap): number {
  return Math.max(SWATCH, ...map.bands.map((entry) => textWidth(entry.short, LABEL_SCALE) + 8));
}

/** The layout of `map`'s image; `scale` supplies the words for each level. */
export function heatMapLayout(map: HeatMap, scale: Scale): HeatMapLayout {
  const rowWordsWidth = Math.max(
    0,
    ...axisWords(scale, 'probability', ROW_WORD_CHARS).map((word) => textWidth(word, WORD_SCALE)),
  );
  const rowWordsRight = MARGIN + rowWordsWidth;
  const rowNumbersRight =
    rowWordsRight + (rowWordsWidth > 0 ? GAP : 0) + textWidth(String(map.probabilityMax), LABEL_SCALE);
  const gridLeft = rowNumbersRight + GAP;
  const gridTop = MARGIN + textHeight(LABEL_SCALE) + GAP;
  const gridBottom = gridTop + map.probabilityMax * CELL_SIZE;
  const columnNumbersTop = gridBottom + GAP;
  const hasColumnWords = (scale.impact.labels ?? []).length > 0;
  const columnWordsTop = hasColumnWords ? columnNumbersTop + textHeight(LABEL_SCALE) + 4 : null;
  const impactTitleTop =
    (columnWordsTop === null ? columnNumbersTop + textHeight(LABEL_SCALE) : columnWordsTop + textHeight(WORD_SCALE)) +
    GAP;
  const legendTop = impactTitleTop + textHeight(LABEL_SCALE) + 2 * GAP;
  const legendBottom = legendTop + map.bands.length * LEGEND_ROW;
  const unratedTop = map.unrated > 0 ? legendBottom + GAP : null;
  const bottom = unratedTop === null ? legendBottom : unratedTop + textHeight(LABEL_SCALE);
  const legendWidth =
    swatchWidth(map) + GAP + Math.max(...map.bands.map((_, i) => textWidth(legendText(map, i), LABEL_SCALE)));
  const right = Math.max(
    gridLeft + map.impactMax * CELL_SIZE,
    MARGIN + textWidth('PROBABILITY', LABEL_SCALE),
    MARGIN + legendWidth,
    MARGIN + (map.unrated > 0 ? textWidth(unratedText(map), LABEL_SCALE) : 0),
  );
  return {
    width: right + MARGIN,
    height: bottom + MARGIN,
    cellSize: CELL_SIZE,
    gridLeft,
    gridTop,
    rows: map.probabilityMax,
    columns: map.impactMax,
    rowWordsRight,
    rowNumbersRight,
    columnNumbersTop,
    columnWordsTop,
    impactTitleTop,
    legendTop,
    unratedTop,
  };
}

/** The top-left corner of a cell; probability runs up the image, impact to the right. */
export function cellBox(
  layout: HeatMapLayout,
  impact: number,
  probability: number,
): { x: number; y: number; size: number } {
  return {
    x: layout.gridLeft + (impact - 1) * layout.cellSize,
    y: layout.gridTop + (layout.rows - probability) * layout.cellSize,
    size: layout.cellSize,
  };
}

export function cellCentre(layout: HeatMapLayout, impact: number, probability: number): { x: number; y: number } {
  const box = cellBox(layout, impact, probability);
  return { x: box.x + box.size / 2, y: box.y + box.size / 2 };
}

export function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** Black or white, whichever has the higher WCAG contrast ratio on `background`. */
export function textColourOn(background: Rgb): Rgb {
  const l = luminance(background);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? WHITE : BLACK;
}

function drawCells(canvas: Canvas, map: HeatMap, layout: HeatMapLayout): void {
  for (const cell of map.cells.flat()) {
    const { x, y, size } = cellBox(layout, cell.impact, cell.probability);
    const fill = rgbOf(cell.band.colour);
    const ink = textColourOn(fill);
    // A one-pixel inset leaves a two-pixel white line between neighbours.
    fillRect(canvas, x + 1, y + 1, size - 2, size - 2, fill);
    drawText(canvas, shortNameOf(map, cell.band), x + 6, y + 6, LABEL_SCALE, ink);
    if (cell.count === 0) continue;
    const count = String(cell.count);
    const countScale = COUNT_SCALES.find((s) => textWidth(count, s) <= size - 12) ?? 1;
    const centre = cellCentre(layout, cell.impact, cell.probability);
    const left = Math.floor(centre.x - textWidth(count, countScale) / 2);
    drawText(canvas, count, left, Math.floor(centre.y - textHeight(countScale) / 2), countScale, ink);
  }
}

function drawAxes(canvas: Canvas, map: HeatMap, scale: Scale, layout: HeatMapLayout): void {
  drawText(canvas, 'PROBABILITY', MARGIN, MARGIN, LABEL_SCALE, INK);
  const rowWords = axisWords(scale, 'probability', ROW_WORD_CHARS);
  const columnWords = axisWords(scale, 'impact', COLUMN_WORD_CHARS);
  for (let probability = 1; probability <= map.probabilityMax; probability += 1) {
    const { y } = cellCentre(layout, 1, probability);
    const number = String(probability);
    drawText(
      canvas,
      number,
      layout.rowNumbersRight - textWidth(number, LABEL_SCALE),
      y - textHeight(LABEL_SCALE) / 2,
      LABEL_SCALE,
      INK,
    );
    const word = rowWords[probability - 1] ?? '';
    drawText(
      canvas,
      word,
      layout.rowWordsRight - textWidth(word, WORD_SCALE),
      Math.floor(y - textHeight(WORD_SCALE) / 2),
      WORD_SCALE,
      INK,
    );
  }
  for (let impact = 1; impact <= map.impactMax; impact += 1) {
    const { x } = cellCentre(layout, impact, 1);
    const number = String(impact);
    drawText(
      canvas,
      number,
      Math.floor(x - textWidth(number, LABEL_SCALE) / 2),
      layout.columnNumbersTop,
      LABEL_SCALE,
      INK,
    );
    const word = columnWords[impact - 1] ?? '';
    if (layout.columnWordsTop !== null)
      drawText(canvas, word, Math.floor(x - textWidth(word, WORD_SCALE) / 2), layout.columnWordsTop, WORD_SCALE, INK);
  }
  const gridCentre = layout.gridLeft + (map.impactMax * layout.cellSize) / 2;
  drawText(
    canvas,
    'IMPACT',
    Math.floor(gridCentre - textWidth('IMPACT', LABEL_SCALE) / 2),
    layout.impactTitleTop,
    LABEL_SCALE,
    INK,
  );
}

function drawLegend(canvas: Canvas, map: HeatMap, layout: HeatMapLayout): void {
  const swatch = swatchWidth(map);
  map.bands.forEach((entry, i) => {
    const top = layout.legendTop + i * LEGEND_ROW;
    const fill = rgbOf(entry.band.colour);
    // An outline keeps a pale band's swatch visible on the white background.
    fillRect(canvas, MARGIN, top, swatch, SWATCH, INK);
    fillRect(canvas, MARGIN + 1, top + 1, swatch - 2, SWATCH - 2, fill);
    const short = entry.short;
    drawText(
      canvas,
      short,
      MARGIN + Math.floor((swatch - textWidth(short, LABEL_SCALE)) / 2),
      top + 2,
      LABEL_SCALE,
      textColourOn(fill),
    );
    drawText(canvas, legendText(map, i), MARGIN + swatch + GAP, top + 2, LABEL_SCALE, INK);
  });
  if (layout.unratedTop !== null) drawText(canvas, unratedText(map), MARGIN, layout.unratedTop, LABEL_SCALE, INK);
}

/**
 * The heat map as a PNG: cells in their band colours with the count drawn
 * large, the band's short name in each cell's corner, axis numbers and the
 * scale's words for each level, and a legend naming every band.
 * Same input, same bytes: nothing here reads the clock or the environment.
 */
export function heatMapPng(map: HeatMap, scale: Scale): Buffer {
  const layout = heatMapLayout(map, scale);
  const png = new PNG({ width: layout.width, height: layout.height });
  png.data.fill(255);
  drawCells(png, map, layout);
  drawAxes(png, map, scale, layout);
  drawLegend(png, map, layout);
  return PNG.sync.write(png);
}
