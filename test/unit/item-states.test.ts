import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { overdueItems, reviewsDue } from '../../src/domain/items/due-items.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Item } from '../../src/domain/register/register.js';
import { planNudges } from '../../src/domain/reminders/nudge-plan.js';
import { itemLine, itemMessage } from '../../src/messages/item-message.js';
import { boardDigest } from '../../src/use-cases/board-digest.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const today = '2026-11-23';
const ids = (items: ReadonlyArray<{ id: string }>) => items.map((item) => item.id);
const shown = (item: Item) => renderText(itemMessage(item, today));
const line = (item: Item) => renderText({ summary: '', parts: [{ type: 'section', line: itemLine(item, today) }] });

/**
 * A risk log shaped like the ISO 31000-style template (beekeeper-lab/foundry,
 * compliance-risk risk-register.md: Open / Mitigating / Accepted / Closed),
 * with the four Ts of a local-government register and a Date_closed column
 * as a CSV export writes it. Every risk was last reviewed in January and is
 * past its target date, so any risk reminders chase is overdue and due for review.
 */
const RISK_HEADERS = ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Owner', 'Target Date', 'Status'];
const RISKS: Array<[string, string, string, string | null]> = [
  // id, status, what the bot makes of it, Date_closed
  ['R-1', 'Accepted', 'open-not-chased', null],
  ['R-2', 'Tolerate', 'open-not-chased', null],
  ['R-3', 'Monitoring', 'open', null],
  ['R-4', 'Mitigating', 'open', null],
  ['R-5', 'Transferred', 'closed', null],
  ['R-6', 'Open', 'closed', '01/11/2026'],
  ['R-7', 'Closed', 'closed', null],
  ['R-8', 'Escalated to board', 'open', null],
  ['R-9', 'Open', 'open', '31/01/2027'],
];
const riskLog = (statuses = settings) =>
  readRegister(
    rawRegister({
      risks: rawTab(
        'risks',
        [...RISK_HEADERS, 'Last Reviewed', 'Date_closed'],
        RISKS.map(([id, status, , closed]): CellValue[] => [
          id,
          `Risk ${id}`,
          3,
          3,
          'Head of Risk',
          '01/06/2026',
          status,
          '05/01/2026',
          closed,
        ]),
      ),
    }),
    statuses,
    today,
  );

describe('a risk log with status words beyond Open and Closed', () => {
  const register = riskLog();
  const risk = (id: string) => register.risks.find((r) => r.id === id)!;

  it.each(RISKS)('when %s says "%s", then it is %s', (id, status, state) => {
    expect(risk(id)).toMatchObject({ state });
    expect(risk(id).status).toBe(status);
  });

  it('when a risk is accepted or tolerated, then it gets no review reminder and is not overdue', () => {
    expect(ids(reviewsDue(register, today).map((due) => due.risk))).toEqual(['R-3', 'R-4', 'R-8', 'R-9']);
    expect(ids(overdueItems(register, today).map((dated) => dated.item))).toEqual(['R-3', 'R-4', 'R-8', 'R-9']);
    const nudged = planNudges(register, today, { offsetsDays: [14, 7, 1, 0], overdueEveryDays: 7 }, () => false);
    expect([...new Set(nudged.map((nudge) => nudge.item.id))].sort()).toEqual(['R-3', 'R-4', 'R-8', 'R-9']);
  });

  it('when a risk is accepted, then the digest still counts it open, and not overdue', () => {
    const { digest } = boardDigest(register, settings, today);
    expect(digest).toMatchObject({ openRisks: 6, closedRisks: 3 });
    expect(ids(digest.topRisks)).toEqual(expect.arrayContaining(['R-1', 'R-2']));
    expect(ids(digest.overdueByLead.flatMap((group) => group.items.map((dated) => dated.item)))).not.toContain('R-1');
  });

  it('when Date_closed holds a date, then it closes the risk whatever the status says, and is shown as such', () => {
    expect(risk('R-6')).toMatchObject({ state: 'closed', stateFrom: 'date-closed', dateClosed: '2026-11-01' });
    expect(shown(risk('R-6'))).toContain('Status: Closed on Sun, 1 Nov 2026 (Date closed); the status says "Open"');
  });

  it('when an accepted risk is shown, then it says it is open but not chased', () => {
    expect(shown(risk('R-1'))).toContain('Status: Accepted (open, no reminders)');
  });

  it('when a status word is unknown, or a date closed is ahead, then each is a warning on its cell, with the fix', () => {
    const warnings = register.problems
      .filter((p) => p.row !== null)
      .map((p) => [p.row, p.column, p.code, p.severity, p.message]);
    expect(warnings).toEqual([
      [
        9,
        'Status',
        'value_unknown',
        'warning',
        '"Escalated to board" is not a status the bot knows, so it is read as open; to say what it means, add "Escalated to board": "open" (or "open-not-chased" or "closed") under tabs.risks.statuses in settings.',
      ],
      [10, 'Date_closed', 'date_in_future', 'warning', expect.stringContaining('does not close the item')],
    ]);
  });
});

describe('a plan with only a RAG column (a local-government action plan)', () => {
  const register = readRegister(
    rawRegister({
      actions: rawTab(
        'actions',
        ['Ref', 'Action', 'Lead', 'Due date', 'Progress %', 'Status (RAG)'],
        [
          ['1.1', 'Publish the carers strategy', 'Head of Commissioning', '30/09/2026', 40, 'Green'],
          ['1.2', 'Recommission advocacy', 'Head of Commissioning', '31/10/2026', 20, 'R'],
          ['1.3', 'Close the day centre review', 'Service Manager', '31/03/2026', 100, 'Blue'],
          ['1.4', 'Agree the section 75', 'Director of ASC', '31/05/2026', 100, ''],
          ['1.5', 'Train care navigators', 'Service Manager', '31/12/2026', 80, 'Amber'],
        ],
      ),
    }),
    settings,
    today,
  );
  const action = (id: string) => register.actions.find((a) => a.id === id)!;

  it('when read, then RAG is the RAG, no status is made up, and Blue or 100% with no status is closed', () => {
    expect(register.actions.map((a) => [a.id, a.status, a.rag, a.state, a.stateFrom])).toEqual([
      ['1.1', '', 'Green', 'open', 'none'],
      ['1.2', '', 'Red', 'open', 'none'],
      ['1.3', '', 'Blue', 'closed', 'rag'],
      ['1.4', '', null, 'closed', 'progress'],
      ['1.5', '', 'Amber', 'open', 'none'],
    ]);
    expect(register.problems.filter((p) => p.code === 'value_unknown')).toEqual([]);
  });

  it('when shown, then it says "no status given" with its progress and RAG, never "Not started"', () => {
    const text = shown(action('1.5'));
    expect(text).toContain('Status: open (no status given), 80%');
    expect(text).toContain('RAG: 🟠 Amber');
    expect(text).not.toContain('Not started');
    expect(shown(action('1.3'))).toContain('Status: Complete (RAG Blue, no status given), 100%');
    expect(line(action('1.2'))).toContain(': 🔴 Red, ');
  });

  it('when overdue is asked, then the open ones past their dates are, and the closed ones are not', () => {
    expect(ids(overdueItems(register, today).map((dated) => dated.item))).toEqual(['1.1', '1.2']);
  });
});

describe('RAG and Status side by side', () => {
  const read = (headers: string[], row: CellValue[]) =>
    readRegister(rawRegister({ actions: rawTab('actions', headers, [row]) }), settings, today).actions[0]!;

  it.each([
    [
      ['Action ID', 'Action', 'Lead', 'Status', 'Status (RAG)'],
      ['A-1', 'Audit', 'Lead', 'In progress', 'Amber'],
    ],
    [
      ['Action ID', 'Action', 'Lead', 'Status (RAG)', 'Status'],
      ['A-1', 'Audit', 'Lead', 'Amber', 'In progress'],
    ],
    [
      ['Action ID', 'Action', 'Lead', 'RAG status', 'Action status'],
      ['A-1', 'Audit', 'Lead', 'A', 'In progress'],
    ],
  ])('when the columns are %j, then each is read as itself', (headers, row) => {
    expect(read(headers, row)).toMatchObject({ status: 'In progress', rag: 'Amber', state: 'open' });
  });

  it('when a Status column holds RAG colours, then they are read as the RAG, without a warning', () => {
    expect(read(['Action ID', 'Action', 'Lead', 'Status'], ['A-1', 'Audit', 'Lead', 'Green'])).toMatchObject({
      status: '',
      rag: 'Green',
      state: 'open',
    });
    expect(read(['Action ID', 'Action', 'Lead', 'Status'], ['A-1', 'Audit', 'Lead', 'Blue'])).toMatchObject({
      rag: 'Blue',
      state: 'closed',
    });
  });

  it('when an action is on hold, then it is open but neither overdue nor nudged', () => {
    const register = readRegister(
      rawRegister({
        actions: rawTab(
          'actions',
          ['Action ID', 'Action', 'Lead', 'Target date', 'Status', 'Actual completion'],
          [
            ['A-1', 'Audit', 'Lead', '01/10/2026', 'On hold', null],
            ['A-2', 'Review', 'Lead', '01/10/2026', 'Delayed', null],
            ['A-3', 'Survey', 'Lead', '01/10/2026', 'In progress', '20/11/2026'],
          ],
        ),
      }),
      settings,
      today,
    );
    expect(register.actions.map((a) => [a.id, a.state])).toEqual([
      ['A-1', 'open-not-chased'],
      ['A-2', 'open'],
      ['A-3', 'closed'],
    ]);
    expect(ids(overdueItems(register, today).map((dated) => dated.item))).toEqual(['A-2']);
  });
});
