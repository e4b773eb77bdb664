import type { CellValue, IsoDate } from '../cell.js';
import { isoDateToSerial } from '../dates/timescale.js';
import type { Action } from '../register/register.js';
import type { Trend } from '../register/vocabulary.js';

/** A cell a change knocks on to: its field, the value to write and the text an Audit line would show. */
export interface KnockOnCell {
  field: 'originalTargetDate' | 'timesSlipped';
  value: CellValue;
  shown: string;
}

/**
 * The cells a move of an action's target date from `before` to `after`
 * changes: a later date is a slip, so the slip is counted and the first
 * target kept as the original (where none is kept yet). Nothing for an
 * earlier or equal date, or when there was no date before. Shared by the
 * bot's own updates (item-update.ts) and changes seen in the sheet
 * (sheet-changes.ts), so a slip is counted the same way whoever made it.
 */
export function slipCells(
  action: Pick<Action, 'originalTargetDate' | 'timesSlipped'>,
  before: IsoDate | null,
  after: IsoDate,
): KnockOnCell[] {
  if (before === null || after <= before) return [];
  const slipped = action.timesSlipped + 1;
  return [
    ...(action.originalTargetDate === null
      ? [{ field: 'originalTargetDate' as const, value: isoDateToSerial(before), shown: before }]
      : []),
    { field: 'timesSlipped', value: slipped, shown: String(slipped) },
  ];
}

/** Which way a rating moved, for the Trend column; null when either rating is unknown. */
export function trendBetween(before: number | null, after: number | null): Trend | null {
  if (before === null || after === null) return null;
  return after > before ? 'Increasing' : after < before ? 'Decreasing' : 'No Change';
}
