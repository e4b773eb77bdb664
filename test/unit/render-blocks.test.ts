import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { escapeMrkdwn, renderBlocks, renderModalBlocks } from '../../src/adapters/slack/blocks/render-blocks.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { IsoDate } from '../../src/domain/cell.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { digestMessage } from '../../src/messages/digest-message.js';
import { bold, link, type Message, type MessagePart } from '../../src/messages/message.js';
import { buildSampleRegister } from '../../src/sample/sample-register.js';
import { boardDigest } from '../../src/use-cases/board-digest.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

/** Slack's rules for what we send, as the API would reject them; returns every breach found. */
function slackProblems(blocks: KnownBlock[], maxBlocks = 50): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(blocks.length <= maxBlocks, `${blocks.length} blocks, over ${maxBlocks}`);
  blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if (block.type === 'header')
      check(
        block.text.text.length > 0 && block.text.text.length <= 150,
        `${at}: header text length ${block.text.text.length}`,
      );
    if (block.type === 'section') {
      check(block.text !== undefined || block.fields !== undefined, `${at}: neither text nor fields`);
      if (block.text)
        check(
          block.text.text.length > 0 && block.text.text.length <= 3000,
          `${at}: text length ${block.text.text.length}`,
        );
      check((block.fields ?? []).length <= 10, `${at}: more than 10 fields`);
      for (const field of block.fields ?? []) check(field.text.length <= 2000, `${at}: field over 2000`);
    }
    if (block.type === 'context') {
      check(block.elements.length >= 1 && block.elements.length <= 10, `${at}: ${block.elements.length} elements`);
      for (const element of block.elements)
        if ('text' in element) check(element.text.length <= 3000, `${at}: element text over 3000`);
    }
    if (block.type === 'actions') {
      check(block.elements.length >= 1 && block.elements.length <= 25, `${at}: ${block.elements.length} elements`);
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        check(element.text.text.length <= 75, `${at}: button text over 75`);
        check((element.value ?? '').length <= 2000, `${at}: button value over 2000`);
        check((element.action_id ?? '').length <= 255, `${at}: action_id over 255`);
      }
    }
  });
  return problems;
}

const textsOf = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'context') return block.elements.map((element) => ('text' in element ? element.text : ''));
    if (block.type === 'header') return [block.text.text];
    return [];
  });

const bullets = (blocks: KnownBlock[]): string[] =>
  textsOf(blocks)
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.startsWith('• '));
const one = (part: MessagePart) => renderBlocks({ summary: 's', parts: [part] }).blocks;

function bigList(count: number): Message {
  const items = Array.from({ length: count }, (_, i) => [
    bold(`A-${i + 1}`),
    ` put in place workforce plan step ${i + 1}, lead Head of Contracts & Estates`,
  ]);
  return {
    summary: 'Board digest',
    parts: [
      { type: 'header', text: 'Digest' },
      { type: 'list', heading: 'Actions', items },
      { type: 'context', line: 'Register: test' },
    ],
  };
}

describe('escaping sheet text for mrkdwn', () => {
  it('when a cell holds <!channel>, & or <@U1>, then they become entities and cannot ping anyone', () => {
    expect(escapeMrkdwn('<!channel> Q&A <@U1>')).toBe('&lt;!channel&gt; Q&amp;A &lt;@U1&gt;');
    const text = textsOf(one({ type: 'list', heading: 'Owners <!here>', items: ['<@U1> & <!channel>'] })).join('\n');
    expect(text).toContain('&lt;@U1&gt; &amp; &lt;!channel&gt;');
    expect(text).not.toMatch(/<[@!]/);
  });

  it('when formatting characters could pair up, then they become lookalikes, but R_1 and 5*3 stay as typed', () => {
    expect(escapeMrkdwn('*urgent* _now_ ~x~ `y`')).toBe('∗urgent∗ ˍnowˍ ∼x∼ ˋyˋ');
    expect(escapeMrkdwn('R_1 costs 5*3')).toBe('R_1 costs 5*3');
  });

  it('when bold text holds an asterisk, then our own markers still close the bold', () => {
    expect(textsOf(one({ type: 'section', line: [bold('R*1'), ' rest'] }))).toEqual(['*R∗1* rest']);
  });
});

describe('rendering inline text', () => {
  it('when a line has bold, a link and code, then each is mrkdwn with the user text escaped', () => {
    const line = [
      bold('R - 1'),
      ' see ',
      link('https://x.test/a?b=1&c=2', 'the <sheet>'),
      ' or run ',
      { code: 'risk-bot `check`' },
    ];
    expect(textsOf(one({ type: 'section', line }))).toEqual([
      '*R - 1* see <https://x.test/a?b=1&c=2|the &lt;sheet&gt;> or run `risk-bot ˋcheckˋ`',
    ]);
  });

  it('when a link is not http(s), then only its text is shown', () => {
    expect(
      textsOf(one({ type: 'section', line: [link('javascript:alert(1)', 'click'), ' ', link('<!channel>', 'x')] })),
    ).toEqual(['click x']);
  });

  it('when the header is over 150 characters, then it is cut to 150 with an ellipsis', () => {
    const [header] = one({ type: 'header', text: 'H'.repeat(400) });
    expect(header).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const text = header?.type === 'header' ? header.text.text : '';
    expect([text.length, text.endsWith('…')]).toEqual([150, true]);
  });

  it('when the summary has a mention, then the fallback text is escaped', () => {
    expect(renderBlocks({ summary: '<!channel> digest', parts: [] }).text).toBe('&lt;!channel&gt; digest');
  });
});

describe('a list of 2,000 items', () => {
  const message = bigList(2000);
  const first = renderBlocks(message);

  it('when rendered, then it keeps within 50 blocks and every text within 3000 characters', () => {
    expect(slackProblems(first.blocks)).toEqual([]);
    expect(first.blocks).toHaveLength(50);
  });

  it('when it does not fit, then the last block says how many items went to the thread', () => {
    const shown = bullets(first.blocks).length;
    expect(shown).toBeGreaterThan(0);
    expect(first.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${2000 - shown} more items in the thread` }],
    });
  });

  it('when the overflow is rendered again and again, then every item appears exactly once, in order, and the rest follows', () => {
    const ids: string[] = [];
    let next: Message | null = message;
    const headings: string[] = [];
    for (let posts = 0; next && posts < 100; posts += 1) {
      const { blocks, overflow }: ReturnType<typeof renderBlocks> = renderBlocks(next);
      expect(slackProblems(blocks)).toEqual([]);
      ids.push(...bullets(blocks).map((line) => /^• \*(A-\d+)\*/.exec(line)![1]!));
      const list = overflow?.parts[0];
      if (list?.type === 'list') headings.push(list.heading);
      if (overflow) expect(overflow.parts.at(-1)).toEqual({ type: 'context', line: 'Register: test' });
      else expect(textsOf(blocks).at(-1)).toBe('Register: test');
      next = overflow;
    }
    expect(next).toBeNull();
    expect(ids).toEqual(Array.from({ length: 2000 }, (_, i) => `A-${i + 1}`));
    expect(new Set(headings)).toEqual(new Set(['Actions (continued)']));
  });

  it('when the overflow is returned, then it holds exactly the items not shown', () => {
    const rest = first.overflow!.parts[0];
    expect(rest?.type === 'list' ? rest.items.length : 0).toBe(2000 - bullets(first.blocks).length);
    expect(first.overflow!.summary).toBe('Board digest (continued)');
  });

  it('when no item of a list fits, then the whole list goes to the thread under its own heading', () => {
    const { blocks, overflow } = renderBlocks(message, { maxBlocks: 2 });
    expect(blocks.map((block) => block.type)).toEqual(['header', 'context']);
    expect(textsOf(blocks).at(-1)).toBe('…and 2000 more items in the thread');
    expect(overflow!.parts).toEqual(message.parts.slice(1));
  });

  it('when a smaller block limit is given, then it is kept', () => {
    const small = renderBlocks(message, { maxBlocks: 5 });
    expect(slackProblems(small.blocks, 5)).toEqual([]);
    expect(small.blocks).toHaveLength(5);
  });

  it('when 5,000 items are shown in a modal, then it keeps within 100 blocks and points to the sheet for the rest', () => {
    const blocks = renderModalBlocks(bigList(5000).parts);
    expect(slackProblems(blocks, 100)).toEqual([]);
    expect(blocks).toHaveLength(100);
    expect(textsOf(blocks).at(-1)).toBe(`…and ${5000 - bullets(blocks).length} more: see the sheet`);
  });
});

describe('long text, code and buttons', () => {
  it('when one list item is longer than a section, then it is cut with an ellipsis within 3000 characters', () => {
    const blocks = one({ type: 'list', heading: 'Risks', items: ['&'.repeat(4000), 'short'] });
    expect(slackProblems(blocks)).toEqual([]);
    expect(textsOf(blocks).join('\n')).toMatch(/(&amp;)+…\n• short$/);
  });

  it('when a list is empty, then its empty text shows under the heading', () => {
    expect(textsOf(one({ type: 'list', heading: 'Overdue', items: [], emptyText: 'Nothing overdue.' }))).toEqual([
      '*Overdue*\nNothing overdue.',
    ]);
  });

  it('when preformatted text is long, then it is split into fenced sections within 3000 characters', () => {
    const text = `${Array.from({ length: 400 }, (_, i) => `row ${i} <&> ${'x'.repeat(40)}`).join('\n')}\n${'&'.repeat(5000)}`;
    const { blocks } = renderBlocks({ summary: 's', parts: [{ type: 'preformatted', text }] });
    expect(slackProblems(blocks)).toEqual([]);
    for (const body of textsOf(blocks)) expect(body).toMatch(/^```\n[\s\S]*\n```$/);
    expect(textsOf(blocks).join('')).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('when a message has 30 buttons, then they fill two actions blocks of 25 and 5 within Slack limits', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      text: `Mark done ${i} ${'!'.repeat(i === 0 ? 100 : 0)}`,
      actionId: `item_done_${i}`,
      value: 'A-1'.repeat(i === 1 ? 1000 : 1),
      ...(i === 2 ? { style: 'danger' as const } : {}),
    }));
    const { blocks } = renderBlocks({ summary: 's', parts: [{ type: 'buttons', buttons }] });
    expect(slackProblems(blocks)).toEqual([]);
    expect(blocks.map((block) => (block.type === 'actions' ? block.elements.length : 0))).toEqual([25, 5]);
    expect(blocks[0]).toMatchObject({
      elements: expect.arrayContaining([
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Mark done 2', emoji: true },
          action_id: 'item_done_2',
          value: 'A-1',
          style: 'danger',
        },
      ]),
    });
  });

  it('when shown in the console, then buttons read as [Mark done] [Update]', () => {
    const buttons = [
      { text: 'Mark done', actionId: 'done', value: 'A-1' },
      { text: 'Update', actionId: 'update', value: 'A-1' },
    ];
    expect(renderText({ summary: 's', parts: [{ type: 'buttons', buttons }] })).toBe('[Mark done] [Update]');
  });
});

describe('the digest of the sample register', () => {
  const settings = loadSettings();
  const today: IsoDate = '2026-11-23';
  const tabs = Object.fromEntries(buildSampleRegister(today, settings.tabs).map((tab) => [tab.key, tab]));
  const raw = (key: TabKey) => rawTab(key, tabs[key]!.headers, tabs[key]!.rows, tabs[key]!.title);
  const register = readRegister(
    rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
    settings,
    today,
  );
  const board = settings.boards[0]!;
  const { digest } = boardDigest(register, settings, today);

  it('when rendered, then it fits in one message within Slack limits, headed by the board', () => {
    const { blocks, overflow, text } = renderBlocks(digestMessage(digest, board.name));
    expect(slackProblems(blocks)).toEqual([]);
    expect(overflow).toBeNull();
    expect(blocks[0]).toMatchObject({ type: 'header' });
    expect(text).toContain('digest');
    expect(bullets(blocks).length).toBeGreaterThan(5);
  });
});
