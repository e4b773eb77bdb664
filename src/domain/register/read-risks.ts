import { cellText, type IsoDate } from '../cell.js';
import { type Axis, bandFor, ratingOf, readLevel } from '../items/rating.js';
import type { Scale } from '../items/scale.js';
import type { RiskField } from './fields.js';
import type { Problem } from './problem.js';
import { readPastDateCell, readRowId, readTimescaleCell } from './read-cells.js';
import { readItemStatus } from './read-status.js';
import { cellProblem, type FieldRow, type FieldTab } from './read-tab.js';
import type { Risk } from './register.js';
import type { StatusVocabulary } from './status-vocabulary.js';
import { readTrend, type Trend } from './vocabulary.js';

function readAxis(
  tab: FieldTab<RiskField>,
  row: FieldRow<RiskField>,
  axis: Axis,
  scale: Scale,
  problems: Problem[],
): number | null {
  const reading = readLevel(row.values[axis], axis, scale);
  if (reading.kind === 'level') {
    if (reading.warning) problems.push(cellProblem(tab, row, axis, 'level_invalid', 'warning', reading.warning));
    return reading.level;
  }
  if (reading.kind === 'invalid') problems.push(cellProblem(tab, row, axis, 'level_invalid', 'error', reading.message));
  return null;
}

/** Reports where the sheet's own rating or band disagrees with Impact x Probability. */
function checkSheetRating(
  tab: FieldTab<RiskField>,
  row: FieldRow<RiskField>,
  rating: number,
  scale: Scale,
  problems: Problem[],
): void {
  const sheetRating = cellText(row.values.rating);
  if (sheetRating !== '' && Number(sheetRating) !== rating) {
    problems.push(
      cellProblem(
        tab,
        row,
        'rating',
        'rating_mismatch',
        'warning',
        `the sheet says ${sheetRating} but impact x probability is ${rating}`,
      ),
    );
  }
  const sheetBand = cellText(row.values.band);
  const band = bandFor(rating, scale);
  if (sheetBand !== '' && sheetBand.toLowerCase() !== band.label.toLowerCase()) {
    problems.push(
      cellProblem(
        tab,
        row,
        'band',
        'band_mismatch',
        'warning',
        `the sheet says "${sheetBand}" but a rating of ${rating} is ${band.label} on the ${scale.name} scale`,
      ),
    );
  }
}

/**
 * The sheet's own score, where impact x probability cannot be worked out: some
 * registers keep a likelihood and a score but describe the consequence in
 * words (health-service registers: "Current Risk Score" 12). Taken only when
 * it is a whole number the scale can reach.
 */
function sheetScore(row: FieldRow<RiskField>, scale: Scale): number | null {
  const text = cellText(row.values.rating);
  const score = Number(text);
  const highest = scale.impact.max * scale.probability.max;
  return text !== '' && Number.isInteger(score) && score >= 1 && score <= highest ? score : null;
}

function readTrendCell(tab: FieldTab<RiskField>, row: FieldRow<RiskField>, problems: Problem[]): Trend | null {
  const trend = readTrend(row.values.trend);
  if (trend.kind === 'unknown') {
    problems.push(
      cellProblem(
        tab,
        row,
        'trend',
        'value_unknown',
        'warning',
        `trend must be Increasing, Decreasing or No Change, not "${trend.text}"`,
      ),
    );
  }
  return trend.kind === 'value' ? trend.value : null;
}

/**
 * Reads one Risks row into a Risk, its status words read with `statuses`,
 * reporting what is wrong with it; null when it has no ID.
 */
export function readRiskRow(
  tab: FieldTab<RiskField>,
  row: FieldRow<RiskField>,
  scale: Scale,
  statuses: StatusVocabulary,
  today: IsoDate,
  problems: Problem[],
): Risk | null {
  const v = row.values;
  const identity = readRowId(tab, row, 'risk', problems);
  if (identity === null) return null;
  const impact = readAxis(tab, row, 'impact', scale, problems);
  const probability = readAxis(tab, row, 'probability', scale, problems);
  const levelsRating = impact !== null && probability !== null ? ratingOf(impact, probability) : null;
  if (levelsRating !== null) checkSheetRating(tab, row, levelsRating, scale, problems);
  const scored = levelsRating === null ? sheetScore(row, scale) : null;
  const rating = levelsRating ?? scored;
  return {
    kind: 'risk',
    ...identity,
    owner: cellText(v.owner),
    actionOwner: cellText(v.actionOwner),
    description: cellText(v.description),
    impactOnProgramme: cellText(v.impactOnProgramme),
    mitigatingActions: cellText(v.mitigatingActions),
    impact,
    probability,
    rating,
    band: rating === null ? null : bandFor(rating, scale),
    ...(scored === null ? {} : { ratingFrom: 'sheet' as const }),
    target: readTimescaleCell(tab, row, 'targetResolution', today, problems),
    dateRaised: readPastDateCell(tab, row, 'dateRaised', today, problems),
    dateLastUpdated: readPastDateCell(tab, row, 'dateLastUpdated', today, problems),
    trend: readTrendCell(tab, row, problems),
    ...readItemStatus(tab, row, 'risks', statuses, today, null, problems),
    cells: v,
  };
}
