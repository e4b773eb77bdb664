import type { sheets_v4 } from 'googleapis';
import type { Settings } from '../../config/settings.js';
import type { Scale } from '../../domain/items/scale.js';
import { DATE_FIELDS, OPTIONAL_FIELDS, TAB_FIELDS } from '../../domain/register/fields.js';
import { mapTab } from '../../domain/register/mapped-tab.js';
import { type RawTab, TAB_KEYS, type TabKey } from '../../domain/register/raw-register.js';
import { ACTION_STATUSES, RISK_STATUSES, TRENDS } from '../../domain/register/vocabulary.js';
import type { SheetInfo } from './sheets-api.js';

type Request = sheets_v4.Schema$Request;

/** What setup found on one tab: the tab (null when missing), its header line, and columns already coloured by rules. */
export interface TabState {
  key: TabKey;
  info: SheetInfo | null;
  tab: RawTab;
  /** Columns (0-based) that some conditional-format rule already covers. */
  formattedColumns: ReadonlySet<number>;
}

export interface SetupPlan {
  requests: Request[];
  /** What setup does, in words, for the operator. */
  changes: string[];
}

const NEW_TAB_ROWS = 1000;

function rgb(hex: string): sheets_v4.Schema$Color {
  const channel = (i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
  return { red: channel(0), green: channel(1), blue: channel(2) };
}

function listRule(values: readonly string[]): sheets_v4.Schema$DataValidationRule {
  // Not strict: a register whose cells say "High" for impact keeps working; people get a warning mark and the drop-down.
  return {
    condition: { type: 'ONE_OF_LIST', values: values.map((value) => ({ userEnteredValue: value })) },
    strict: false,
    showCustomUi: true,
  };
}

function dropDowns(key: TabKey, scale: Scale): Record<string, readonly string[]> {
  const levels = (max: number) => Array.from({ length: max }, (_, i) => String(i + 1));
  if (key === 'risks')
    return {
      impact: levels(scale.impact.max),
      probability: levels(scale.probability.max),
      status: RISK_STATUSES,
      trend: TRENDS,
    };
  if (key === 'actions') return { status: ACTION_STATUSES };
  return {};
}

function bandRules(sheetId: number, columns: Record<string, number>, firstRow: number, scale: Scale): Request[] {
  const top = scale.impact.max * scale.probability.max;
  const range = (column: number) => ({
    sheetId,
    startRowIndex: firstRow,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  });
  return scale.bands.flatMap((band, i) => {
    const format = { backgroundColor: rgb(band.colour) };
    const upTo = (scale.bands[i + 1]?.from ?? top + 1) - 1;
    const rules: Request[] = [];
    if (columns.band !== undefined) {
      rules.push({
        addConditionalFormatRule: {
          index: 0,
          rule: {
            ranges: [range(columns.band)],
            booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: band.label }] }, format },
          },
        },
      });
    }
    if (columns.rating !== undefined) {
      rules.push({
        addConditionalFormatRule: {
          index: 0,
          rule: {
            ranges: [range(columns.rating)],
            booleanRule: {
              condition: {
                type: 'NUMBER_BETWEEN',
                values: [{ userEnteredValue: String(band.from) }, { userEnteredValue: String(upTo) }],
              },
              format,
            },
          },
        },
      });
    }
    return rules;
  });
}

/**
 * The requests that make a spreadsheet a register: missing tabs added,
 * missing columns' headers added at the end of the header line (nothing is
 * moved, renamed or deleted), drop-downs for impact, probability, status and
 * trend, bands coloured as the scale says, date columns shown as dates.
 * Running it again on a set-up sheet adds nothing new.
 */
export function planSetup(
  states: readonly TabState[],
  settings: Pick<Settings, 'tabs'>,
  scale: Scale,
  nextSheetId: number,
): SetupPlan {
  const requests: Request[] = [];
  const changes: string[] = [];
  let newId = nextSheetId;
  for (const state of [...states].sort((a, b) => TAB_KEYS.indexOf(a.key) - TAB_KEYS.indexOf(b.key))) {
    const { key, tab } = state;
    const synonyms = settings.tabs[key].headers;
    const sheetId = state.info?.sheetId ?? newId++;
    const headerRow = Math.max(tab.headerRow, 1);
    const headers = [...tab.headers];
    if (state.info === null) {
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: settings.tabs[key].title,
            gridProperties: {
              rowCount: NEW_TAB_ROWS,
              columnCount: Math.max(26, TAB_FIELDS[key].length),
              frozenRowCount: 1,
            },
          },
        },
      });
      changes.push(`added the "${settings.tabs[key].title}" tab`);
    }
    const mapped = mapTab(tab, synonyms).columns;
    const missing = TAB_FIELDS[key].filter((field) => mapped[field] === undefined && !OPTIONAL_FIELDS.has(field));
    if (missing.length > 0) {
      const start = headers.length;
      const needed = start + missing.length - (state.info?.columnCount ?? Number.MAX_SAFE_INTEGER);
      if (needed > 0) requests.push({ appendDimension: { sheetId, dimension: 'COLUMNS', length: needed } });
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: headerRow - 1, columnIndex: start },
          rows: [
            {
              values: missing.map((field) => ({
                userEnteredValue: { stringValue: synonyms[field]![0]! },
                userEnteredFormat: { textFormat: { bold: true } },
              })),
            },
          ],
          fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
        },
      });
      for (const [i, field] of missing.entries()) mapped[field] = start + i;
      changes.push(
        `"${settings.tabs[key].title}": added the column(s) ${missing.map((f) => `"${synonyms[f]![0]}"`).join(', ')}`,
      );
    }
    const firstRow = headerRow;
    for (const [field, values] of Object.entries(dropDowns(key, scale))) {
      const column = mapped[field]!;
      requests.push({
        setDataValidation: {
          range: { sheetId, startRowIndex: firstRow, startColumnIndex: column, endColumnIndex: column + 1 },
          rule: listRule(values),
        },
      });
    }
    for (const field of TAB_FIELDS[key].filter((f) => DATE_FIELDS.has(f) && mapped[f] !== undefined)) {
      const column = mapped[field]!;
      requests.push({
        repeatCell: {
          range: { sheetId, startRowIndex: firstRow, startColumnIndex: column, endColumnIndex: column + 1 },
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'd mmm yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
    }
    if (
      key === 'risks' &&
      ![mapped.band, mapped.rating].some((c) => c !== undefined && state.formattedColumns.has(c))
    ) {
      requests.push(...bandRules(sheetId, mapped, firstRow, scale));
      changes.push(
        `"${settings.tabs[key].title}": coloured the bands (${scale.bands.map((b) => `${b.label} ${b.colour}`).join(', ')})`,
      );
    }
  }
  if (changes.length === 0) changes.push('the sheet was already set up: drop-downs and date formats refreshed');
  return { requests, changes };
}
