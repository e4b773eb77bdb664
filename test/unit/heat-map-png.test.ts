import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  drawText,
  FONT_CHARACTERS,
  GLYPH_HEIGHT,
  GLYPH_WIDTH,
  textWidth,
} from '../../src/adapters/heat-map/bitmap-font.js';
import {
  cellBox,
  cellCentre,
  type HeatMapLayout,
  heatMapLayout,
  heatMapPng,
  rgbOf,
  textColourOn,
} from '../../src/adapters/heat-map/heat-map-png.js';
import { SCALE_PRESETS } from '../../src/config/scale-presets.js';
import { scaleInputSchema } from '../../src/config/settings-schema.js';
import { heatMap } from '../../src/domain/digest/heat-map.js';
import type { Scale } from '../../src/domain/items/scale.js';
import type { Risk } from '../../src/domain/register/register.js';

const threeByThree = scaleInputSchema.parse(SCALE_PRESETS['3x3']);
const nhs = scaleInputSchema.parse(SCALE_PRESETS['5x5-nhs']);

/** Only what the heat map reads of a risk. */
function risk(impact: number | null, probability: number | null): Risk {
  return { kind: 'risk', status: 'Open', state: 'open', impact, probability } as Risk;
}

type Rgb = readonly [number, number, number];

function pixel(png: PNG, x: number, y: number): Rgb {
  const at = (y * png.width + x) * 4;
  return [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
}

/** Pixels of `colour` inside the square of `size` centred on (x, y). */
function pixelsOf(png: PNG, colour: Rgb, x: number, y: number, size: number): number {
  let found = 0;
  for (let row = y - size / 2; row < y + size / 2; row += 1) {
    for (let column = x - size / 2; column < x + size / 2; column += 1) {
      if (pixel(png, column, row).join() === colour.join()) found += 1;
    }
  }
  return found;
}

function render(scale: Scale, risks: Risk[]): { png: PNG; layout: HeatMapLayout; bytes: Buffer } {
  const map = heatMap(risks, scale);
  const bytes = heatMapPng(map, scale);
  return { png: PNG.sync.read(bytes), layout: heatMapLayout(map, scale), bytes };
}

/** A pixel of a cell's background: below the count, clear of the band letter in the top-left corner. */
function backgroundOf(png: PNG, layout: HeatMapLayout, impact: number, probability: number): Rgb {
  const box = cellBox(layout, impact, probability);
  return pixel(png, box.x + box.size / 2, box.y + box.size - 10);
}

describe('heat map image', () => {
  it.each([
    ['3x3', threeByThree, 333, 431],
    ['5x5-nhs', nhs, 541, 613],
  ])('%s: is the size the layout says', (_name, scale, width, height) => {
    const { png, layout } = render(scale, [risk(1, 1)]);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    expect([png.width, png.height]).toEqual([width, height]);
  });

  it('when some open risks are unrated, a line below the legend makes the image taller', () => {
    const rated = render(threeByThree, [risk(1, 1)]);
    const withUnrated = render(threeByThree, [risk(1, 1), risk(null, 2)]);
    expect(withUnrated.png.height).toBe(rated.png.height + 22);
  });

  it.each<[string, number, number, string, Scale]>([
    ['3x3', 1, 1, 'Low', threeByThree],
    ['3x3', 2, 2, 'Medium', threeByThree],
    ['3x3', 3, 3, 'High', threeByThree],
    ['3x3', 3, 1, 'Medium', threeByThree],
    ['5x5-nhs', 1, 3, 'Low', nhs],
    ['5x5-nhs', 5, 1, 'Moderate', nhs],
    ['5x5-nhs', 2, 4, 'High', nhs],
    ['5x5-nhs', 5, 5, 'Extreme', nhs],
  ])(
    '%s: the cell at impact %i, probability %i is filled with the %s colour',
    (_name, impact, probability, label, scale) => {
      const { png, layout } = render(scale, [risk(impact, probability), risk(impact, probability)]);
      const colour = scale.bands.find((band) => band.label === label)!.colour;
      expect(backgroundOf(png, layout, impact, probability)).toEqual(rgbOf(colour));
    },
  );

  it.each([
    ['3x3', threeByThree, 3, 2],
    ['5x5-nhs', nhs, 4, 4],
  ])(
    '%s: a cell with risks has its count drawn in the contrasting colour, an empty cell none',
    (_name, scale, impact, probability) => {
      const { png, layout } = render(
        scale,
        Array.from({ length: 7 }, () => risk(impact, probability)),
      );
      const centre = cellCentre(layout, impact, probability);
      const ink = textColourOn(backgroundOf(png, layout, impact, probability));
      expect(pixelsOf(png, ink, centre.x, centre.y, 40)).toBeGreaterThan(100);
      const empty = cellCentre(layout, 1, 1);
      expect(pixelsOf(png, textColourOn(backgroundOf(png, layout, 1, 1)), empty.x, empty.y, 40)).toBe(0);
    },
  );

  it('the same heat map renders to the same bytes', () => {
    const risks = [risk(1, 1), risk(3, 3), risk(null, 1)];
    expect(render(nhs, risks).bytes.equals(render(nhs, risks).bytes)).toBe(true);
  });

  it('text on a pale band is black and on a dark band white', () => {
    expect(textColourOn(rgbOf('#FFFF00'))).toEqual([0, 0, 0]);
    expect(textColourOn(rgbOf('#1A237E'))).toEqual([255, 255, 255]);
  });
});

describe('bitmap font', () => {
  it('has digits, capitals, space and the punctuation the image uses', () => {
    for (const char of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -()=:.,') expect(FONT_CHARACTERS).toContain(char);
  });

  it('draws a glyph as scale x scale squares inside its box', () => {
    const canvas = { width: 20, height: 20, data: new Uint8Array(20 * 20 * 4) };
    drawText(canvas, '8', 2, 3, 2, [255, 0, 0]);
    const inked = (x: number, y: number) => canvas.data[(y * 20 + x) * 4] === 255;
    const all = Array.from({ length: 400 }, (_, i) => [i % 20, Math.floor(i / 20)] as const).filter(([x, y]) =>
      inked(x, y),
    );
    expect(all.every(([x, y]) => x >= 2 && x < 2 + GLYPH_WIDTH * 2 && y >= 3 && y < 3 + GLYPH_HEIGHT * 2)).toBe(true);
    expect(all.length % 4).toBe(0);
    expect(inked(4, 3)).toBe(true);
    expect(inked(2, 3)).toBe(false);
    expect(textWidth('88', 2)).toBe(22);
  });
});
