import { compareText } from '../item-id.js';
import { bandFor, ratingOf } from '../items/rating.js';
import type { Band, Scale } from '../items/scale.js';
import { isOpen, type Risk } from '../register/register.js';

/** One square of the grid: a pair of levels, its rating and band, and how many open risks sit there. */
export interface HeatMapCell {
  impact: number;
  probability: number;
  rating: number;
  band: Band;
  count: number;
  /** The IDs of the risks counted here, as the register shows them, in ID order. */
  ids: string[];
}

/** A band as the grid shows it: a short name for cells, and the ratings of the cells it covers. */
export interface HeatMapBand {
  band: Band;
  /** "H" for High; unique within the scale, letters and digits only, so any renderer can draw it. */
  short: string;
  /** Lowest and highest rating of a cell in this band; null when no cell of this scale falls in it. */
  lowest: number | null;
  highest: number | null;
}

/** Open risks by impact and probability, as data; rendered to text and to an image elsewhere. */
export interface HeatMap {
  impactMax: number;
  probabilityMax: number;
  /** One row per probability level, highest first; each row runs impact 1 up to `impactMax`. */
  cells: HeatMapCell[][];
  /** Every band of the scale, lowest first. */
  bands: HeatMapBand[];
  /** Open risks left off the grid: impact or probability missing, or off this scale. */
  unrated: number;
}

function levels(max: number): number[] {
  return Array.from({ length: max }, (_, i) => i + 1);
}

function onScale(level: number | null, max: number): level is number {
  return level !== null && Number.isInteger(level) && level >= 1 && level <= max;
}

const SHORT_NAME_RULES: ((letters: string) => string)[] = [
  (letters) => letters.replace(/ /g, '').slice(0, 1),
  (letters) =>
    letters
      .split(' ')
      .filter(Boolean)
      .map((word) => word[0])
      .join(''),
  (letters) => letters.replace(/ /g, '').slice(0, 2),
  (letters) => letters.replace(/ /g, '').slice(0, 3),
];

/**
 * Short names for bands: the first rule that gives every band a distinct,
 * non-empty name wins ("L M H", then initials for "Very high"/"Very low").
 * Band numbers are the last resort, e.g. for labels in a non-Latin script.
 */
export function bandShortNames(bands: readonly Band[]): string[] {
  const letters = bands.map((band) =>
    band.label
      .toUpperCase()
      .replace(/[^A-Z0-9 ]/g, '')
      .trim(),
  );
  for (const rule of SHORT_NAME_RULES) {
    const names = letters.map(rule);
    if (names.every((name) => name !== '') && new Set(names).size === names.length) return names;
  }
  return bands.map((_, i) => String(i + 1));
}

/** Counts open risks with both impact and probability into the scale's grid; the rest are counted as unrated. */
export function heatMap(risks: readonly Risk[], scale: Scale): HeatMap {
  const impactMax = scale.impact.max;
  const probabilityMax = scale.probability.max;
  const placed = new Map<string, Risk[]>();
  let unrated = 0;
  for (const risk of risks.filter(isOpen)) {
    if (onScale(risk.impact, impactMax) && onScale(risk.probability, probabilityMax)) {
      const key = `${risk.impact}x${risk.probability}`;
      const here = placed.get(key);
      if (here === undefined) placed.set(key, [risk]);
      else here.push(risk);
    } else {
      unrated += 1;
    }
  }
  const cells = levels(probabilityMax)
    .reverse()
    .map((probability) =>
      levels(impactMax).map((impact) => {
        const rating = ratingOf(impact, probability);
        const here = [...(placed.get(`${impact}x${probability}`) ?? [])].sort((a, b) => compareText(a.key, b.key));
        return {
          impact,
          probability,
          rating,
          band: bandFor(rating, scale),
          count: here.length,
          ids: here.map((risk) => risk.id),
        };
      }),
    );
  const shortNames = bandShortNames(scale.bands);
  const bands = scale.bands.map((band, i) => {
    const ratings = cells
      .flat()
      .filter((cell) => cell.band.label === band.label)
      .map((cell) => cell.rating);
    const covered = ratings.length > 0;
    return {
      band,
      short: shortNames[i]!,
      lowest: covered ? Math.min(...ratings) : null,
      highest: covered ? Math.max(...ratings) : null,
    };
  });
  return { impactMax, probabilityMax, cells, bands, unrated };
}

/** "6-9", "25", or "" for a band no cell falls in. */
export function bandRange(entry: HeatMapBand): string {
  if (entry.lowest === null || entry.highest === null) return '';
  return entry.lowest === entry.highest ? String(entry.lowest) : `${entry.lowest}-${entry.highest}`;
}

/** The short name of a cell's band within `map`. */
export function shortNameOf(map: HeatMap, band: Band): string {
  return map.bands.find((entry) => entry.band.label === band.label)?.short ?? '?';
}

// Slack wraps a code block on a phone at about this width, which would break the grid.
const TEXT_WIDTH = 60;
const CELL_GAP = '  ';

function legendLines(map: HeatMap): string[] {
  const entries = map.bands.map((entry) => {
    const range = bandRange(entry);
    return `${entry.short} = ${entry.band.label}${range ? ` (${range})` : ''}`;
  });
  const lines: string[] = [];
  let line = 'Key:';
  for (const [i, entry] of entries.entries()) {
    const piece = `${entry}${i < entries.length - 1 ? ',' : ''}`;
    if (line.trim() !== 'Key:' && line.length + 1 + piece.length > TEXT_WIDTH) {
      lines.push(line);
      line = '    ';
    }
    line += ` ${piece}`;
  }
  return [...lines, line];
}

/**
 * The grid as monospace text, for clients that show no images and for screen
 * readers: probability rows (highest first) by impact columns, each cell the
 * count and its band's short name ("2 H") so the band never rests on colour alone.
 */
export function heatMapText(map: HeatMap): string {
  const counts = map.cells.flat().map((cell) => cell.count);
  const numberWidth = Math.max(String(Math.max(0, ...counts)).length, String(map.impactMax).length);
  const shortWidth = Math.max(...map.bands.map((entry) => entry.short.length));
  const cellWidth = numberWidth + 1 + shortWidth;
  const rowLabelWidth = String(map.probabilityMax).length;
  const indent = ' '.repeat(rowLabelWidth);
  const cellText = (cell: HeatMapCell) =>
    `${String(cell.count).padStart(numberWidth)} ${shortNameOf(map, cell.band).padEnd(shortWidth)}`;
  const rows = map.cells.map((row) =>
    `${String(row[0]!.probability).padStart(rowLabelWidth)} | ${row.map(cellText).join(CELL_GAP)}`.trimEnd(),
  );
  const gridWidth = map.impactMax * (cellWidth + CELL_GAP.length) - CELL_GAP.length;
  const numbers = levels(map.impactMax)
    .map((impact) => String(impact).padStart(numberWidth).padEnd(cellWidth))
    .join(CELL_GAP);
  const lines = [
    'Probability',
    ...rows,
    `${indent} +${'-'.repeat(gridWidth + 1)}`,
    `${indent}   ${numbers.trimEnd()}  Impact`,
    ...legendLines(map),
  ];
  if (map.unrated > 0)
    lines.push(`Not on the grid: ${map.unrated} open ${map.unrated === 1 ? 'risk' : 'risks'} with no rating`);
  return lines.join('\n');
}
