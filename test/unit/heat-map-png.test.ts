import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { palettePng } from '../../src/adapters/pictures/palette-png.js';
import { PIXEL_RATIO, svgPng } from '../../src/adapters/pictures/svg-png.js';
import { heatMap } from '../../src/domain/digest/heat-map.js';
import { type CellBox, heatMapSvg } from '../../src/domain/digest/pictures/heat-map-svg.js';
import { inkOn } from '../../src/domain/digest/pictures/svg-text.js';
import { trendSvg } from '../../src/domain/digest/pictures/trend-svg.js';
import { heatMapInput, PICTURE_SCALES, PICTURE_SIZES, pictureRisk, trendInput } from '../helpers/picture-registers.js';

type Rgb = readonly [number, number, number];
const KB = 1024;

function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const at = (Math.round(y * PIXEL_RATIO) * png.width + Math.round(x * PIXEL_RATIO)) * 4;
  return [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
}

/** Pixels of `colour` in the box from (x, y), `width` x `height`, in the picture's own pixels. */
function pixelsOf(png: PNG, colour: Rgb, x: number, y: number, width: number, height: number): number {
  let found = 0;
  for (let row = y * PIXEL_RATIO; row < (y + height) * PIXEL_RATIO; row += 1)
    for (let column = x * PIXEL_RATIO; column < (x + width) * PIXEL_RATIO; column += 1) {
      const at = (row * png.width + column) * 4;
      if (png.data[at] === colour[0] && png.data[at + 1] === colour[1] && png.data[at + 2] === colour[2]) found += 1;
    }
  return found;
}

/** A point of a cell's own colour: its right edge, halfway down, clear of the text. */
function backgroundOf(png: PNG, box: CellBox): Rgb {
  return pixel(png, box.x + box.size - 3.5, box.y + box.size / 2);
}

const cases = Object.entries(PICTURE_SCALES).flatMap(([name, scale]) =>
  PICTURE_SIZES.map((size) => [name, size, scale] as const),
);

describe('the heat map drawn to PNG', () => {
  it.each(cases)('%s, %i risks: twice the SVG size, under 150 KB', (_name, size, scale) => {
    const picture = heatMapSvg(heatMapInput(scale, size));
    const bytes = svgPng(picture.svg, picture.width);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([picture.width * 2, picture.height * 2]);
    expect(png.width).toBe(1200);
    expect(bytes.length).toBeLessThanOrEqual(150 * KB);
  });

  it.each(cases)('%s, %i risks: every cell is filled with its band colour', (_name, size, scale) => {
    const input = heatMapInput(scale, size);
    const picture = heatMapSvg(input);
    const png = PNG.sync.read(svgPng(picture.svg, picture.width));
    const cells = input.map.cells.flat();
    expect(picture.cells).toHaveLength(scale.impact.max * scale.probability.max);
    for (const box of picture.cells) {
      const cell = cells.find((c) => c.impact === box.impact && c.probability === box.probability)!;
      expect(backgroundOf(png, box), `${box.impact}x${box.probability}`).toEqual(rgbOf(cell.band.colour));
    }
  });

  it.each(Object.entries(PICTURE_SCALES))(
    '%s: a cell with risks has its count and IDs drawn in the contrasting ink; an empty cell has only its band name',
    (_name, scale) => {
      const risks = Array.from({ length: 7 }, (_, i) => pictureRisk(`R-${i + 1}`, scale.impact.max, 1));
      const input = { ...heatMapInput(scale, 0), map: heatMap(risks, scale) };
      const picture = heatMapSvg(input);
      const png = PNG.sync.read(svgPng(picture.svg, picture.width));
      const full = picture.cells.find((b) => b.impact === scale.impact.max && b.probability === 1)!;
      const empty = picture.cells.find((b) => b.impact === 1 && b.probability === 1)!;
      const ink = (box: CellBox) => {
        const cell = input.map.cells.flat().find((c) => c.impact === box.impact && c.probability === box.probability)!;
        return rgbOf(inkOn(cell.band.colour));
      };
      // The count and the first line of IDs sit in the top half of the cell.
      expect(pixelsOf(png, ink(full), full.x + 4, full.y + 4, full.size - 8, full.size / 2)).toBeGreaterThan(60);
      expect(pixelsOf(png, ink(empty), empty.x + 4, empty.y + 4, empty.size - 8, empty.size / 2)).toBe(0);
    },
  );

  it('the same heat map draws to the same bytes', () => {
    const picture = heatMapSvg(heatMapInput(PICTURE_SCALES['5x5'], 13));
    expect(svgPng(picture.svg, picture.width).equals(svgPng(picture.svg, picture.width))).toBe(true);
  });
});

describe('the trend drawn to PNG', () => {
  it.each(Object.entries(PICTURE_SCALES))('%s: twice the SVG size, under 150 KB', (_name, scale) => {
    const picture = trendSvg(trendInput(scale, 500, 12));
    const bytes = svgPng(picture.svg, picture.width);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1200, picture.height * 2]);
    expect(bytes.length).toBeLessThanOrEqual(150 * KB);
  });

  it('each bar stacks the highest band at the bottom, in its colour', () => {
    const scale = PICTURE_SCALES['3x3'];
    const history = [
      { date: '2026-11-23', counts: { Low: 2, Medium: 3, High: 5, unrated: 0 } },
      { date: '2026-11-30', counts: { Low: 4, Medium: 4, High: 0, unrated: 2 } },
    ] as const;
    const picture = trendSvg({
      board: 'Board',
      history: history.map((p) => ({ ...p, counts: { ...p.counts } })),
      bands: scale.bands,
    });
    const png = PNG.sync.read(svgPng(picture.svg, picture.width));
    // The plot's base is at y 316; bars are centred in twelve slots from x 54 to 580.
    const slot = (580 - 54) / 12;
    const colourAt = (bar: number, y: number) => pixel(png, 54 + (bar + 0.5) * slot, y);
    expect(colourAt(0, 314)).toEqual(rgbOf('#F44336'));
    expect(colourAt(1, 314)).toEqual(rgbOf('#FFC107'));
    // The axis runs to 10, 22 px a risk; not rated is grey, on top of the second bar (above its count); the empty slots stay white.
    expect(colourAt(1, 316 - 9.8 * 22)).toEqual(rgbOf('#BDBDBD'));
    expect(colourAt(5, 300)).toEqual([255, 255, 255]);
  });
});

describe('the indexed PNG', () => {
  /** An opaque image `width` wide whose pixel i has colour `colourOf(i)`. */
  function image(width: number, height: number, colourOf: (i: number) => Rgb): Uint8Array {
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i += 1) rgba.set([...colourOf(i), 255], i * 4);
    return rgba;
  }

  it('with 256 colours or fewer, decodes to exactly the pixels drawn', () => {
    const rgba = image(64, 32, (i) => [i % 256, (i * 7) % 256, 40]);
    const png = PNG.sync.read(palettePng(rgba, 64, 32));
    expect([png.width, png.height]).toEqual([64, 32]);
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('with more, keeps the 256 commonest exactly and draws each rare one as the nearest kept', () => {
    // Pixels 0-399 are 400 rare colours (each once; red 1-200, green 0 or 2), the rest two common ones.
    const rare = (i: number): Rgb => [(i % 200) + 1, i < 200 ? 0 : 2, 0];
    const rgba = image(100, 100, (i) => (i < 400 ? rare(i) : i % 2 ? [255, 255, 255] : [0, 0, 0]));
    const png = PNG.sync.read(palettePng(rgba, 100, 100));
    const at = (i: number) => [...png.data.subarray(i * 4, i * 4 + 3)];
    expect(at(500)).toEqual([0, 0, 0]);
    expect(at(501)).toEqual([255, 255, 255]);
    for (let i = 0; i < 400; i += 1)
      expect(Math.max(...at(i).map((channel, c) => Math.abs(channel - rare(i)[c]!)))).toBeLessThanOrEqual(2);
    expect(new Set(Array.from({ length: 10_000 }, (_, i) => at(i).join())).size).toBeLessThanOrEqual(256);
  });
});
