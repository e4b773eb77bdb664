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

/** A level as read; `warning` when a number came with a word the scale does not have ("2 (Moderate)" on Low/Medium/High). */
export type LevelReading =
  | { kind: 'level'; level: number; warning?: string }
  | { kind: 'none' }
  | { kind: 'invalid'; message: string };

// How templates write a level with its word: "4 - Likely", "4 – Likely", "4: Likely", "3 (Moderate)",
// "(3) Moderate", "Likely (4)", "Likely - 4". A number glued to letters ("0x2", "1e0") is none of these.
const NUMBER_THEN_WORD = [/^(\d+)\s*[-–—:.]\s*(\D.*)$/, /^(\d+)\s*\((.+)\)$/, /^\((\d+)\)\s*(.+)$/, /^(\d+)\s+(\D.*)$/];
const WORD_THEN_NUMBER = [/^(.*\D)\s*\((\d+)\)$/, /^(.*\D)\s*[-–—:=]\s*(\d+)$/];

const wordKey = (word: string) =>
  word
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .trim();

/** The number and word of a cell written with both, or undefined. */
function splitLevel(text: string): { number: number; word: string } | undefined {
  for (const pattern of NUMBER_THEN_WORD) {
    const m = pattern.exec(text);
    if (m) return { number: Number(m[1]), word: (m[2] ?? '').trim() };
  }
  for (const pattern of WORD_THEN_NUMBER) {
    const m = pattern.exec(text);
    if (m) return { number: Number(m[2]), word: (m[1] ?? '').trim() };
  }
  return undefined;
}

/**
 * The level a word names on one axis: its label ("Likely", "almost-certain"),
 * or its label's first letter ("L", "M", "H") when no two labels share one.
 */
export function levelOfWord(word: string, labels: readonly string[] | undefined): number | undefined {
  if (!labels || labels.length === 0) return undefined;
  const key = wordKey(word);
  const byLabel = labels.findIndex((label) => wordKey(label) === key);
  if (byLabel >= 0) return byLabel + 1;
  const initials = labels.map((label) => wordKey(label).charAt(0));
  if (key.length !== 1 || new Set(initials).size !== initials.length) return undefined;
  const byInitial = initials.indexOf(key);
  return byInitial >= 0 ? byInitial + 1 : undefined;
}

/**
 * Reads an impact or probability as people write it: a whole number on the
 * scale ("3", 3, "3.0"), the scale's word for a level ("High", "almost
 * certain", or "H" where the words' first letters differ), or both as
 * templates write them ("4 - Likely", "Likely (4)", "3 (Moderate)"). A number
 * and a word that disagree are refused: which one is meant is not guessed.
 */
export function readLevel(value: CellValue, axis: Axis, scale: Scale): LevelReading {
  const text = cellText(value);
  if (text === '') return { kind: 'none' };
  const { max, labels } = scale[axis];
  // Number() would take "0x2", "1e0" and " 2 " too: a level is written in decimal digits.
  const number = typeof value === 'number' ? value : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(number)) return numberLevel(number, text, axis, scale);
  const both = splitLevel(text);
  if (both !== undefined) return bothLevel(both, text, axis, scale);
  const byWord = levelOfWord(text, labels);
  if (byWord !== undefined) return { kind: 'level', level: byWord };
  const words = labels && labels.length > 0 ? ` or one of ${labels.join(', ')}` : '';
  return { kind: 'invalid', message: `${axis} must be a number from 1 to ${max}${words}, not "${text}"` };
}

function numberLevel(number: number, text: string, axis: Axis, scale: Scale): LevelReading {
  const { max } = scale[axis];
  if (Number.isInteger(number) && number >= 1 && number <= max) return { kind: 'level', level: number };
  return {
    kind: 'invalid',
    message: `${axis} must be a whole number from 1 to ${max} on the ${scale.name} scale, not ${text}`,
  };
}

function bothLevel(both: { number: number; word: string }, text: string, axis: Axis, scale: Scale): LevelReading {
  const { max, labels } = scale[axis];
  if (both.number < 1 || both.number > max)
    return {
      kind: 'invalid',
      message: `${axis} must be from 1 to ${max} on the ${scale.name} scale, not "${text}"`,
    };
  // A scale without words for this axis has nothing to hold the word against: the number is the level.
  if (!labels || labels.length === 0) return { kind: 'level', level: both.number };
  const byWord = levelOfWord(both.word, labels);
  const named = labels[both.number - 1];
  if (byWord === both.number) return { kind: 'level', level: both.number };
  if (byWord !== undefined)
    return {
      kind: 'invalid',
      message: `"${text}" says ${both.number}, but ${labels[byWord - 1]} is ${byWord} on the ${scale.name} scale's ${axis}; write one of ${both.number} (${named}) or ${byWord} (${labels[byWord - 1]})`,
    };
  return {
    kind: 'level',
    level: both.number,
    warning: `"${both.word}" is not a word of the ${scale.name} scale's ${axis} (${labels.join(', ')}); read as ${both.number}, which the scale calls ${named}`,
  };
}
