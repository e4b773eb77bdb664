import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../../domain/digest/pictures/svg-text.js';
import { palettePng } from './palette-png.js';

const require = createRequire(import.meta.url);

/** Inter's regular and semibold faces, as the npm package ships them (OFL-1.1): the only fonts the renderer sees. */
export const FONT_FILES = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
];

/** Pictures are drawn at twice their size, so they stay sharp on high-density screens and when Slack enlarges them. */
export const PIXEL_RATIO = 2;

/**
 * An SVG picture as a PNG, drawn by resvg at `PIXEL_RATIO` times its size
 * with the packaged Inter fonts and no system fonts, so it looks the same on
 * every machine and nothing is fetched; stored as an indexed PNG (palette-png.ts).
 */
export function svgPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * PIXEL_RATIO },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  return palettePng(image.pixels, image.width, image.height);
}
