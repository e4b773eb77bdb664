import { type CellValue, cellText } from '../cell.js';
import type { Band, Scale } from './scale.js';

export type Axis = 'impact' | 'probability';

/** Impact x Probability. */
export function ratingOf(impact: number, probability: number): number {
  return impact * probability;
}

/** The band a rating falls in: the highest band whose `from` it reaches. */
export function bandFor(rating: number, scale: Scale): Band {
  let found = scale.bands[0]!;
  for (const band of scale.bands) if (rating >= band.from) found = band;
  return found;
}

/** The top band of the scale, whose arrivals are announced to the board. */
export function topBand(scale: Scale): Band {
  return scale.bands[scale.bands.length - 1]!;
}

export type LevelReading = { kind: 'level'; level: number } | { kind: 'none' } | { kind: 'invalid'; message: string };

/**
 * Reads an impact or probability as people write it: a whole number on the
 * scale ("3", 3, "3.0") or the scale's word for a level ("High", "almost certain").
 */
export function readLevel(value: CellValue, axis: Axis, scale: Scale): LevelReading {
  const text = cellText(value);
  if (text === '') return { kind: 'none' };
  const { max, labels } = scale[axis];
  // Number() would take "0x2", "1e0" and " 2 " too: a level is written in decimal digits.
  const number = typeof value === 'number' ? value : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(number)) {
    if (Number.isInteger(number) && number >= 1 && number <= max) return { kind: 'level', level: number };
    return {
      kind: 'invalid',
      message: `${axis} must be a whole number from 1 to ${max} on the ${scale.name} scale, not ${text}`,
    };
  }
  const byLabel = (labels ?? []).findIndex((label) => label.toLowerCase() === text.toLowerCase());
  if (byLabel >= 0) return { kind: 'level', level: byLabel + 1 };
  const words = labels && labels.length > 0 ? ` or one of ${labels.join(', ')}` : '';
  return { kind: 'invalid', message: `${axis} must be a number from 1 to ${max}${words}, not "${text}"` };
}
