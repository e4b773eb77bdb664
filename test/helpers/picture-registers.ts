import { SCALE_PRESETS } from '../../src/config/scale-presets.js';
import { scaleInputSchema } from '../../src/config/settings-schema.js';
import type { IsoDate } from '../../src/domain/cell.js';
import { addDays } from '../../src/domain/dates/calendar.js';
import type { ReportedCounts } from '../../src/domain/digest/digest-ledger.js';
import { heatMap } from '../../src/domain/digest/heat-map.js';
import type { Movement } from '../../src/domain/digest/pictures/cell-ids.js';
import type { HeatMapPictureInput } from '../../src/domain/digest/pictures/heat-map-svg.js';
import type { TrendPictureInput } from '../../src/domain/digest/pictures/trend-svg.js';
import type { Scale } from '../../src/domain/items/scale.js';
import type { Risk } from '../../src/domain/register/register.js';

/** The registers the pictures are looked at and measured with: sizes a board has, on both preset scales. */
export const PICTURE_SCALES: Readonly<Record<'3x3' | '5x5', Scale>> = {
  '3x3': scaleInputSchema.parse(SCALE_PRESETS['3x3']),
  '5x5': scaleInputSchema.parse(SCALE_PRESETS['5x5-nhs']),
};
export const PICTURE_SIZES = [0, 1, 13, 500] as const;
export const PICTURE_DAY: IsoDate = '2026-11-30';

/** Only what the heat map reads of a risk. */
export function pictureRisk(id: string, impact: number | null, probability: number | null): Risk {
  return { kind: 'risk', id, key: id, status: 'Open', state: 'open', impact, probability } as Risk;
}

/** A repeatable spread of numbers in [0, 1). */
function spread(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** `count` open risks R-01… spread over the scale, every eleventh unrated; R-03 rated up and R-07 down this week. */
export function heatMapInput(scale: Scale, count: number, board = 'Programme board'): HeatMapPictureInput {
  const next = spread(count + 7);
  const width = count >= 100 ? 3 : 2;
  const risks = Array.from({ length: count }, (_, i) => {
    const rated = count < 2 || i % 11 !== 5;
    return pictureRisk(
      `R-${String(i + 1).padStart(width, '0')}`,
      rated ? 1 + Math.floor(next() * scale.impact.max) : null,
      rated ? 1 + Math.floor(next() * scale.probability.max) : null,
    );
  });
  const moved = new Map<string, Movement>(
    count >= 13
      ? [
          [risks[2]!.id, 'up'],
          [risks[6]!.id, 'down'],
        ]
      : [],
  );
  return {
    map: heatMap(risks, scale),
    scale,
    board,
    asOf: PICTURE_DAY,
    moved,
    movedSince: addDays(PICTURE_DAY, -7),
  };
}

/** `points` weekly digests ending on PICTURE_DAY, growing to `count` open risks, some unrated. */
export function trendInput(scale: Scale, count: number, points: number, board = 'Programme board'): TrendPictureInput {
  const next = spread(count + points);
  const history: ReportedCounts[] = Array.from({ length: points }, (_, i) => {
    let left = Math.max(0, count - (points - 1 - i) * Math.floor(count / 20));
    const counts: Record<string, number> = {};
    for (const band of scale.bands) {
      counts[band.label] = Math.floor(left * next() * 0.6);
      left -= counts[band.label]!;
    }
    counts.unrated = Math.floor(left / 3);
    counts[scale.bands.at(-1)!.label]! += left - counts.unrated;
    return { date: addDays(PICTURE_DAY, -7 * (points - 1 - i)), counts };
  });
  return { board, history, bands: scale.bands };
}
