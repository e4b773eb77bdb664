import { PNG } from 'pngjs';
import { svgPng } from '../src/adapters/pictures/svg-png.js';
import { heatMapSvg, type SvgPicture } from '../src/domain/digest/pictures/heat-map-svg.js';
import { trendSvg } from '../src/domain/digest/pictures/trend-svg.js';
import { heatMapInput, PICTURE_SCALES, PICTURE_SIZES, trendInput } from '../test/helpers/picture-registers.js';

const RUNS = 7;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Builds the SVG and draws it to PNG RUNS times after one warm-up: median times, bytes and pixels. */
function measure(build: () => SvgPicture): string {
  svgPng(build().svg, build().width);
  const svgMs: number[] = [];
  const pngMs: number[] = [];
  let png: Buffer = Buffer.alloc(0);
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const picture = build();
    svgMs.push(performance.now() - started);
    const drawn = performance.now();
    png = svgPng(picture.svg, picture.width);
    pngMs.push(performance.now() - drawn);
  }
  const { width, height } = PNG.sync.read(png);
  return [
    `SVG ${median(svgMs).toFixed(1)} ms + PNG ${median(pngMs).toFixed(0)} ms (target ≤ 100 ms),`,
    `${(png.length / 1024).toFixed(0)} KB (target ≤ 150 KB), ${width} x ${height} px`,
  ].join(' ');
}

/** The heat map and the trend picture at the register sizes a board has, on both preset scales. */
export async function benchPictures(): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  for (const [name, scale] of Object.entries(PICTURE_SCALES)) {
    for (const size of PICTURE_SIZES)
      figures[`heat map ${name}, ${size} risks`] = measure(() => heatMapSvg(heatMapInput(scale, size)));
    figures[`trend ${name}, 12 digests to 500 risks`] = measure(() => trendSvg(trendInput(scale, 500, 12)));
  }
  return figures;
}
