import type { CellValue } from '../../src/domain/cell.js';
import type { RawRegister, RawTab, TabKey } from '../../src/domain/register/raw-register.js';

/** The seed risk log's header row, exactly as extracted from the PDF (seed 002, Appendix B). */
export const SEED_RISK_HEADERS = [
  'Risk No.',
  'Date Raised',
  'Risk Owner',
  'Description of Risk',
  'Impact on Project / Programme',
  'Impact (I)',
  'Probability (P)',
  'Rating (I x P)',
  'Risk Rating',
  'Mitigating Actions',
  'Target Resolution Date',
  'Action Owner',
  'Date Last Upda ted',
  'Status',
];

/** Seed 002 Appendix A's implementation-plan header row. */
export const SEED_ACTION_HEADERS = [
  'Action ID',
  'Action',
  'Lead',
  'Co- dependencies',
  'Resources',
  'Success criteria',
  'Timescale',
];

const TITLES: Record<TabKey, string> = { risks: 'Risks', actions: 'Actions', people: 'People', audit: 'Audit log' };

/** A tab as a store would return it: header on row 1, data from row 2. */
export function rawTab(key: TabKey, headers: string[], rows: CellValue[][], title = TITLES[key]): RawTab {
  return { key, title, found: true, headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

function missingTab(key: TabKey): RawTab {
  return { key, title: TITLES[key], found: false, headerRow: 1, headers: [], rows: [] };
}

/** A raw register from the tabs given; tabs not given are missing. */
export function rawRegister(tabs: Partial<Record<TabKey, RawTab>>): RawRegister {
  return {
    source: 'test register',
    tabs: {
      risks: tabs.risks ?? missingTab('risks'),
      actions: tabs.actions ?? missingTab('actions'),
      people: tabs.people ?? missingTab('people'),
      audit: tabs.audit ?? missingTab('audit'),
    },
  };
}
