import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { renderBlocks } from '../../src/adapters/slack/blocks/render-blocks.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { addDays } from '../../src/domain/dates/calendar.js';
import { countsRecord, previousCounts } from '../../src/domain/digest/digest-ledger.js';
import { auditFieldOf, weekChanges } from '../../src/domain/digest/week-changes.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Message } from '../../src/messages/message.js';
import { auditDay, boardDigest } from '../../src/use-cases/board-digest.js';
import { blocksProblems, MESSAGE_BLOCK_LIMIT } from '../helpers/fake-slack/block-limits.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const today = '2026-11-23';
const synonyms = { risks: settings.tabs.risks.headers, actions: settings.tabs.actions.headers };
const AUDIT_HEADERS = ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'];
const RISK_HEADERS = [
  'Risk ID',
  'Risk owner',
  'Description of risk',
  'Impact (I)',
  'Probability (P)',
  'Rating (I x P)',
  'Date raised',
  'Status',
];

const register = (
  audit: unknown[][],
  risks: unknown[][] = [
    ['R-1', 'Lead Commissioner', 'Provider failure', 3, 3, 9, '01/01/2026', 'Open'],
    ['R-2', 'Lead Commissioner', 'Budget cuts', 1, 2, 2, '01/01/2026', 'Open'],
    ['R-3', 'Lead Commissioner', 'Data quality', 2, 2, 4, '01/01/2026', 'Closed'],
    ['R-4', 'Lead Commissioner', 'Workforce gaps', 2, 3, 6, '20/11/2026', 'Open'],
  ],
) =>
  readRegister(
    rawRegister({
      risks: rawTab('risks', RISK_HEADERS, risks as never),
      actions: rawTab(
        'actions',
        ['Action ID', 'Action', 'Lead', 'Target date', 'Status'],
        [['A-1', 'Recruit', 'Lead Commissioner', '30/11/2026', 'Done']],
      ),
      audit: rawTab('audit', AUDIT_HEADERS, audit as never),
    }),
    settings,
    today,
  );

const line = (when: string, item: string, field: string, oldValue: string, newValue: string) => [
  when,
  'U0X',
  item,
  field,
  oldValue,
  newValue,
  'command',
  '',
];
const changesOf = (audit: unknown[][]) => {
  const week = weekChanges(register(audit), addDays(today, -7), today, synonyms, auditDay('Europe/London'));
  return {
    added: week.added.map((i) => i.key),
    closed: week.closed.map((i) => i.key),
    up: week.ratingUp.map((m) => `${m.item.key} ${m.from}>${m.to}`),
    down: week.ratingDown.map((m) => `${m.item.key} ${m.from}>${m.to}`),
  };
};

describe('what changed since the last digest, from the Audit log', () => {
  it.each([
    [
      'a rating the bot recorded going up',
      [line('2026-11-20T10:00:00Z', 'R-1', 'rating', '6', '9')],
      { up: ['R-1 6>9'] },
    ],
    [
      "a rating recorded under the sheet's header name going down",
      [line('2026-11-19T10:00:00+00:00', 'r 2', 'Rating (I x P)', '4', '2')],
      { down: ['R-2 4>2'] },
    ],
    [
      'up then back down within the week is no change',
      [
        line('2026-11-18T10:00:00Z', 'R-1', 'rating', '9', '6'),
        line('2026-11-20T10:00:00Z', 'R-1', 'rating', '6', '9'),
      ],
      {},
    ],
    [
      'several moves count first old to last new',
      [
        line('2026-11-18T10:00:00Z', 'R-2', 'rating', '6', '4'),
        line('2026-11-20T10:00:00Z', 'R-2', 'rating', '4', '2'),
      ],
      { down: ['R-2 6>2'] },
    ],
    ["a move before the week is not this week's news", [line('2026-11-16T10:00:00Z', 'R-1', 'rating', '6', '9')], {}],
    [
      'a move late on the 16th in UTC is the 16th in London, so out',
      [line('2026-11-16T23:30:00Z', 'R-1', 'rating', '6', '9')],
      {},
    ],
    [
      'a risk closed, by status',
      [line('2026-11-21T10:00:00Z', 'R-3', 'Status', 'Open', 'Closed')],
      { closed: ['R-3'] },
    ],
    ['an action done', [line('2026-11-22T10:00:00Z', 'A-1', 'status', 'In progress', 'Done')], { closed: ['A-1'] }],
    [
      'an item the bot created',
      [line('2026-11-21T10:00:00Z', 'R-2', 'created', '', 'Budget cuts')],
      { added: ['R-2'] },
    ],
    [
      'a status set from blank to Open is a new item',
      [line('2026-11-21T10:00:00Z', 'R-1', 'Status', '', 'Open')],
      { added: ['R-1'] },
    ],
    [
      'lines about IDs no longer in the register are skipped',
      [line('2026-11-21T10:00:00Z', 'R-99', 'rating', '1', '9')],
      {},
    ],
    ['a time that is not a time is skipped', [line('last week', 'R-1', 'rating', '1', '9')], {}],
  ])('%s', (_, audit, expected) => {
    // R-4 was raised on 20 Nov by hand (Date raised), so it is new every time.
    const { added = [], ...rest } = expected as { added?: string[] };
    expect(changesOf(audit as unknown[][])).toEqual({
      closed: [],
      up: [],
      down: [],
      ...rest,
      added: [...added, 'R-4'].sort(),
    });
  });

  it('knows a field by its key, its header, or its header without the bracketed part', () => {
    expect(
      ['rating', 'Rating (I x P)', 'Rating', 'RATING(IxP)', 'Status', 'Impact (I)'].map((f) =>
        auditFieldOf(f, synonyms.risks),
      ),
    ).toEqual(['rating', 'rating', 'rating', 'rating', 'status', 'impact']);
    expect(auditFieldOf('nudge', synonyms.risks)).toBeNull();
  });
});

describe('band counts and the change since the previous digest', () => {
  it("the first digest says there is nothing to compare with; the next shows each band's change", () => {
    const first = boardDigest(register([]), settings, today);
    expect(first.digest.previous).toBeNull();
    expect(renderText(first.message)).toContain('First digest');
    const record = countsRecord(
      'default',
      '2026-11-16',
      { High: 1, Medium: 2, Low: 1, unrated: 0 },
      '2026-11-16T09:00:00Z',
    );
    const next = boardDigest(register([Object.values(record)]), settings, today);
    expect(next.digest.previous).toEqual({ date: '2026-11-16', counts: { High: 1, Medium: 2, Low: 1, unrated: 0 } });
    // Now: High 2 (R-1 9, R-4 6), Medium 0, Low 1.
    expect(renderText(next.message)).toContain('3 open risks: High 2 (+1), Medium 0 (\u22122), Low 1');
  });

  it('compares with the latest digest before today, of the same board', () => {
    const lines = [
      countsRecord('default', '2026-11-09', { High: 5 }, 'x'),
      countsRecord('default', '2026-11-16', { High: 1 }, 'x'),
      countsRecord('other-board', '2026-11-20', { High: 9 }, 'x'),
      countsRecord('default', '2026-11-23', { High: 7 }, 'x'),
    ].map((r, i) => ({ ...r, row: i + 2 }));
    expect(previousCounts(lines, 'default', today)).toEqual({ date: '2026-11-16', counts: { High: 1 } });
  });
});

describe("a digest of a 2,000-risk register within Slack's limits", () => {
  const risks = Array.from({ length: 2000 }, (_, i) => [
    `R-${i + 1}`,
    `Lead ${i % 40}`,
    `Risk ${i + 1}: ${'a long description of what could go wrong '.repeat(3)}`,
    (i % 3) + 1,
    ((i * 7) % 3) + 1,
    null,
    '01/01/2026',
    'Open',
  ]);
  const targets = risks.map((row, i) => [
    ...row.slice(0, 5),
    null,
    row[6],
    row[7],
    addDays(today, (i % 60) - 45)
      .split('-')
      .reverse()
      .join('/'),
  ]);
  const big = readRegister(
    rawRegister({
      risks: rawTab(
        'risks',
        [...RISK_HEADERS.slice(0, 5), 'Rating (I x P)', 'Date raised', 'Status', 'Target resolution date'],
        targets as never,
      ),
    }),
    settings,
    today,
  );
  const { digest, message } = boardDigest(big, settings, today);

  it('every message in the thread is within the limits, and every overdue risk is listed somewhere', () => {
    const chunks: string[] = [];
    let next: Message | null = message;
    let count = 0;
    while (next !== null) {
      const { blocks, overflow } = renderBlocks(next);
      expect(blocksProblems(blocks, MESSAGE_BLOCK_LIMIT)).toEqual([]);
      chunks.push(JSON.stringify(blocks));
      next = overflow;
      count++;
    }
    expect(count).toBeGreaterThan(1);
    expect(chunks[0]).toMatch(/…and \d+ more items in the thread/);
    const overdue = digest.overdueByLead.flatMap((g) => g.items.map((d) => d.item.id));
    expect(overdue.length).toBeGreaterThan(1000);
    const all = chunks.join('\n');
    for (const id of overdue) expect(all).toContain(`*${id}*`);
  });
});

describe("the digest's overdue groups", () => {
  const plan = (actions: unknown[][]) =>
    readRegister(
      rawRegister({
        risks: rawTab('risks', RISK_HEADERS, []),
        actions: rawTab('actions', ['Action ID', 'Action', 'Lead', 'Target date', 'Status'], actions as never),
      }),
      settings,
      today,
    );

  it('when one owner has the longest overdue item and another has more items, then the longest overdue comes first', () => {
    const { digest } = boardDigest(
      plan([
        ['A-1', 'Recruit', 'Housing Lead', '20/11/2026', 'Open'],
        ['A-2', 'Tender', 'Housing Lead', '18/11/2026', 'Open'],
        ['A-3', 'Consult', 'Housing Lead', '16/11/2026', 'Open'],
        ['A-4', 'Strategy', 'Finance Lead', '01/06/2026', 'Open'],
        ['A-5', 'Budget', 'Finance Lead', '21/11/2026', 'Open'],
      ]),
      settings,
      today,
    );
    expect(digest.overdueByLead.map((group) => [group.lead, group.items.map((d) => d.item.id)])).toEqual([
      ['Finance Lead', ['A-4', 'A-5']],
      ['Housing Lead', ['A-3', 'A-2', 'A-1']],
    ]);
  });

  it('when an overdue action has no lead, then its group is "(no owner)", the wording reminders use', () => {
    const { digest, message } = boardDigest(plan([['A-1', 'Recruit', '', '20/11/2026', 'Open']]), settings, today);
    expect(digest.overdueByLead.map((group) => group.lead)).toEqual(['(no owner)']);
    expect(renderText(message)).not.toContain('no lead');
  });
});
