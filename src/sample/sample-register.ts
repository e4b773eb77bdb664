import type { Settings } from '../config/settings.js';
import type { CellValue, IsoDate } from '../domain/cell.js';
import { DATE_FIELDS, ON_DEMAND_FIELDS, OPTIONAL_FIELDS, TAB_FIELDS } from '../domain/register/fields.js';
import type { TabKey } from '../domain/register/raw-register.js';
import { sampleActions } from './sample-actions.js';
import { sampleAudit, samplePeople } from './sample-people.js';
import { sampleRisks } from './sample-risks.js';

/** One tab of the sample register, ready for a workbook: header line, rows in column order, date columns. */
export interface SampleTab {
  key: TabKey;
  title: string;
  headers: string[];
  rows: CellValue[][];
  /** 0-based columns of the tab's date fields; numbers there are spreadsheet serials shown as dates. */
  dateColumns: number[];
}

function sampleTab<K extends TabKey>(
  key: K,
  tabs: Settings['tabs'],
  records: ReadonlyArray<Record<(typeof TAB_FIELDS)[K][number], CellValue>>,
): SampleTab {
  // The sample holds the columns a bot's first write would find; on-demand ones come with their first value,
  // and optional ones (RAG, Date closed) are left out as a register without them must work too.
  const fields: readonly (typeof TAB_FIELDS)[K][number][] = TAB_FIELDS[key].filter(
    (field) => !ON_DEMAND_FIELDS.has(field) && !OPTIONAL_FIELDS.has(field),
  );
  const synonyms = tabs[key].headers;
  return {
    key,
    title: tabs[key].title,
    // The first synonym of each field is the header the bot writes.
    headers: fields.map((field) => synonyms[field]?.[0] ?? field),
    rows: records.map((record) => fields.map((field) => record[field])),
    dateColumns: fields.flatMap((field, column) => (DATE_FIELDS.has(field) ? [column] : [])),
  };
}

/**
 * The bundled sample register, built from the seed risk log and plans with
 * its dates placed around `today`: some actions overdue, some due within two
 * weeks (one each exactly 14, 7, 1 and 0 days ahead), some risks overdue for
 * review, and the seed's own data faults kept for the data-quality check.
 * Pure: the same `today` always gives the same register.
 */
export function buildSampleRegister(today: IsoDate, tabs: Settings['tabs']): SampleTab[] {
  return [
    sampleTab(
      'risks',
      tabs,
      sampleRisks(today).map((risk) => risk.cells),
    ),
    sampleTab(
      'actions',
      tabs,
      sampleActions(today).map((action) => action.cells),
    ),
    sampleTab('people', tabs, samplePeople()),
    sampleTab('audit', tabs, sampleAudit(today)),
  ];
}
