import { type CellValue, cellText } from '../../domain/cell.js';
import { dateCellText } from '../../domain/dates/timescale.js';
import { DomainError } from '../../domain/domain-error.js';
import type { NumberFormat } from '../../domain/register/cell-look.js';
import { type ColumnCell, type StyledValue, styleValue, type ValueKind } from '../../domain/register/column-style.js';
import { fieldWords } from '../../domain/register/field-words.js';
import { DATE_FIELDS } from '../../domain/register/fields.js';
import { fillDown, formulaFollows } from '../../domain/register/formulas.js';
import { columnLetter } from '../../domain/register/header-map.js';
import type { MappedTab } from '../../domain/register/mapped-tab.js';
import type { CellChange, RawRow } from '../../domain/register/raw-register.js';

export type LevelWords = Partial<Record<string, readonly string[]>>;

/** What a value of `field` is, for writing it in its column's way. */
export function kindOf(field: string, levelWords: LevelWords | undefined): ValueKind {
  if (DATE_FIELDS.has(field)) return { type: 'date' };
  if (field === 'progress') return { type: 'percent' };
  const words = levelWords?.[field];
  return words !== undefined && words.length > 0 ? { type: 'level', words } : { type: 'plain' };
}

/** The column's cells in every data row but `except`, with their looks. */
function columnCells(mapped: MappedTab, column: number, except: number): ColumnCell[] {
  return mapped.tab.rows
    .filter((row) => row.row !== except)
    .map((row) => ({ value: row.cells[column] ?? null, look: row.looks?.[column] }));
}

const headerOf = (mapped: MappedTab, column: number, field: string) =>
  mapped.tab.headers[column] || (mapped.synonyms[field]?.[0] ?? fieldWords(field));

/**
 * The fields a worked-out value follows that this update changes (all of
 * them when it changes none) but that its formula does not use, directly,
 * through other formula cells of the row, or through another value the
 * update writes from them (a Priority formula of the Score the bot writes):
 * each would leave the formula's value wrong. Empty when the formula takes
 * care of it.
 */
function inputsNotUsed(
  mapped: MappedTab,
  row: RawRow,
  column: number,
  follows: readonly string[],
  changes: readonly CellChange[],
): string[] {
  if (follows.length === 0) return [];
  const asked = follows.filter((field) => changes.some((change) => change.field === field));
  const formulaAt = (at: number) => row.looks?.[at]?.formula;
  const uses = (field: string) => {
    const input = mapped.columns[field];
    return input !== undefined && formulaFollows(formulaAt, column, row.row, new Set([input]));
  };
  const through = (field: string) =>
    changes.some((change) => change.follows?.includes(field) && change.field !== field && uses(change.field));
  return (asked.length > 0 ? asked : follows).filter((field) => !uses(field) && !through(field));
}

/** What to do with one cell of an update: write this value (with this format), or leave the cell's formula to work it out. */
export type CellPlan = { kind: 'write'; styled: StyledValue } | { kind: 'formula' };

/**
 * A change to a cell as the sheet's owner would make it. A cell holding a
 * formula is never overwritten: a value the bot works out from other fields
 * is left to the formula when the formula follows those fields (the bot
 * writes them); otherwise the change is refused, naming the tab, row,
 * column and formula. Any other value is written in the column's way
 * (column-style.ts).
 */
export function planCell(
  mapped: MappedTab,
  row: RawRow,
  column: number,
  change: CellChange,
  item: string,
  levelWords: LevelWords | undefined,
  changes: readonly CellChange[] = [change],
): CellPlan {
  const formula = row.looks?.[column]?.formula;
  if (formula !== undefined) {
    const unused = change.follows === undefined ? [] : inputsNotUsed(mapped, row, column, change.follows, changes);
    if (change.follows !== undefined && unused.length === 0) return { kind: 'formula' };
    const { title } = mapped.tab;
    const header = headerOf(mapped, column, change.field);
    const cell = `${columnLetter(column)}${row.row}`;
    throw new DomainError(
      'formula_cell',
      `${item} was not changed: its ${header} in "${title}" row ${row.row} (column ${columnLetter(column)}) is worked out by a formula (${formula})` +
        (change.follows === undefined
          ? ', and the bot never writes over a formula. Change the cells the formula uses, or replace the formula in the sheet first.'
          : `, which does not use the ${unused.map(fieldWords).join(' or ')} the change sets, so the change could only be made by writing over it. Make the formula use it, or change it in the sheet.`),
      { tab: title, id: item, field: change.field, row: row.row, column: columnLetter(column), cell, formula },
    );
  }
  const own = { value: row.cells[column] ?? null, look: row.looks?.[column] };
  const styled = styleValue(change.value, kindOf(change.field, levelWords), columnCells(mapped, column, row.row), own);
  return { kind: 'write', styled };
}

/** Fields of a new row the bot works out itself, which a column of formulas works out instead. */
const WORKED_OUT: ReadonlySet<string> = new Set(['rating', 'band']);

/**
 * A cell of a new row, in its column's way. Where the bot works the value
 * out (a rating, a band) and the row above holds a formula, the new row
 * gets that formula filled down; what a person gave (an ID, a description)
 * is always written as given.
 */
export function planNewCell(
  mapped: MappedTab,
  row: number,
  styleFrom: number,
  column: number,
  field: string,
  value: CellValue,
  levelWords: LevelWords | undefined,
): { value: CellValue; numberFormat?: NumberFormat; formula?: string } {
  const above = mapped.tab.rows.find((r) => r.row === styleFrom);
  const formula = above?.looks?.[column]?.formula;
  if (formula !== undefined && WORKED_OUT.has(field)) return { value, formula: fillDown(formula, row - styleFrom) };
  const styled = styleValue(value, kindOf(field, levelWords), columnCells(mapped, column, row), undefined);
  return { value: styled.value, ...(styled.numberFormat ? { numberFormat: styled.numberFormat } : {}) };
}

/** The text a person saw in a cell, read as its kind is: a fraction in a percent column (0.5 shown as 50%) as 50. */
export function shownBefore(field: string, value: CellValue, levelWords: LevelWords | undefined): string {
  const kind = kindOf(field, levelWords);
  if (kind.type === 'percent' && typeof value === 'number')
    return String(Math.round(value > 0 && value <= 1 ? value * 100 : value));
  return kind.type === 'date' ? dateCellText(value) : cellText(value);
}
