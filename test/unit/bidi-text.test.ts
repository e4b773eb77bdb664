import { describe, expect, it } from 'vitest';
import { neutraliseBidi } from '../../src/adapters/slack/blocks/neutralise-bidi.js';
import { escapeMrkdwn, renderBlocks, renderModalBlocks } from '../../src/adapters/slack/blocks/render-blocks.js';
import { homeView } from '../../src/adapters/slack/views/home-view.js';
import { newDateModal } from '../../src/adapters/slack/views/new-date-modal.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue, IsoDate } from '../../src/domain/cell.js';
import { TAB_FIELDS } from '../../src/domain/register/fields.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { digestMessage } from '../../src/messages/digest-message.js';
import { homeMessage } from '../../src/messages/home-message.js';
import { itemMessage, listMessage } from '../../src/messages/item-message.js';
import { bold, link } from '../../src/messages/message.js';
import { buildSampleRegister } from '../../src/sample/sample-register.js';
import { boardDigest } from '../../src/use-cases/board-digest.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

/** Every bidirectional formatting character: embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ALL_BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
// "R-1 rated 21" written so that it shows as "R-1 rated 12" (RLO ... PDF reverses the digits).
const REVERSED = 'rated \u202e21\u202c';

const settings = loadSettings();
const today: IsoDate = '2026-11-23';

/** The sample register with bidi controls written into the text cells people type: descriptions, owners, notes. */
function registerWithBidi() {
  const tabs = Object.fromEntries(buildSampleRegister(today, settings.tabs).map((tab) => [tab.key, tab]));
  const tainted: Partial<Record<TabKey, string[]>> = {
    risks: ['description', 'owner', 'mitigatingActions', 'impactOnProgramme'],
    actions: ['action', 'lead', 'latestNote', 'successCriteria'],
  };
  const raw = (key: TabKey) => {
    const tab = tabs[key]!;
    const fields: readonly string[] = TAB_FIELDS[key];
    const columns = (tainted[key] ?? []).map((field) => fields.indexOf(field));
    const rows = tab.rows.map((row) =>
      row.map(
        (cell, i): CellValue =>
          columns.includes(i) && typeof cell === 'string' && cell !== '' ? `${cell} ${REVERSED} ${ALL_BIDI}` : cell,
      ),
    );
    return rawTab(key, tab.headers, rows, tab.title);
  };
  return readRegister(
    rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
    settings,
    today,
  );
}

describe('bidirectional controls in what the bot sends to Slack', () => {
  const register = registerWithBidi();
  const risk = register.risks.find((r) => r.key === 'R-1')!;

  it('given the register, the cells as read still hold them (only what is shown changes)', () => {
    expect(risk.description).toContain('\u202e21\u202c');
    expect(risk.owner).toContain(ALL_BIDI);
  });

  it('when an item whose description holds U+202E is shown, then none is anywhere in the Block Kit JSON or its text', () => {
    const rendered = renderBlocks(itemMessage(risk, today));
    const json = JSON.stringify(rendered);
    expect(json).not.toMatch(BIDI);
    expect(json).toContain('rated 21');
  });

  it("when the board's digest of that register is rendered, then none is anywhere in it, thread overflow included", () => {
    const { digest } = boardDigest(register, settings, today);
    let message: Parameters<typeof renderBlocks>[0] | null = digestMessage(digest, settings.boards[0]!.name);
    let posts = 0;
    for (; message !== null; posts++) {
      const { text, blocks, overflow } = renderBlocks(message, { maxBlocks: 5 });
      expect(JSON.stringify({ text, blocks })).not.toMatch(BIDI);
      message = overflow;
    }
    expect(posts).toBeGreaterThan(1);
  });

  it('when lists and the App Home show those items, then none is in them', () => {
    const open = register.risks.filter((r) => r.status !== 'Closed');
    expect(JSON.stringify(renderBlocks(listMessage('Open risks', open, today, 'None open.')))).not.toMatch(BIDI);
    expect(
      JSON.stringify(
        homeView(homeMessage({ items: [...open, ...register.actions], today, source: `register ${ALL_BIDI}` })),
      ),
    ).not.toMatch(BIDI);
  });

  it('when headers, bold, code, links and buttons carry them, then each is cleaned, the rest kept', () => {
    const message = {
      summary: `summary ${REVERSED}`,
      parts: [
        { type: 'header' as const, text: `header ${REVERSED}` },
        {
          type: 'section' as const,
          line: [
            bold(`bold ${ALL_BIDI}`),
            { code: `code ${REVERSED}` },
            link(`https://example.org/${ALL_BIDI}`, `label ${REVERSED}`),
            link(`https://example.org/${ALL_BIDI}`, ''),
          ],
        },
        { type: 'list' as const, heading: `heading ${ALL_BIDI}`, items: [`item ${REVERSED}`], emptyText: ALL_BIDI },
        { type: 'preformatted' as const, text: `pre ${REVERSED}` },
        { type: 'buttons' as const, buttons: [{ text: `button ${REVERSED}`, actionId: 'done', value: 'R-1' }] },
      ],
    };
    const json = JSON.stringify(renderBlocks(message));
    expect(json).not.toMatch(BIDI);
    for (const shown of [
      'summary rated 21',
      'header rated 21',
      '*bold*',
      '`code rated 21`',
      '|label rated 21>',
      'rated 21',
      'button rated 21',
    ])
      expect(json).toContain(shown);
    expect(JSON.stringify(renderModalBlocks(message.parts))).not.toMatch(BIDI);
  });

  it('when only bidi controls are bold, then no bold markers are left around nothing', () => {
    expect(
      renderBlocks({ summary: 's', parts: [{ type: 'section', line: ['a ', bold(ALL_BIDI), ' b'] }] }).blocks,
    ).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'a   b' } }]);
  });

  it('when a bidi control sat between a word and a marker, then the marker is judged as it shows', () => {
    // Shown as "x*y", inside a word: kept; with the control left in, it would have become a lookalike.
    expect(escapeMrkdwn('x\u202e*y')).toBe('x*y');
  });

  it('when a form is titled with an item ID, then the title has none', () => {
    expect(JSON.stringify(newDateModal({ kind: 'risk', id: `R-${ALL_BIDI}1` }, today, null).title)).not.toMatch(BIDI);
  });

  it('neutraliseBidi removes exactly the twelve characters and keeps joiners, emoji and right-to-left letters', () => {
    expect(neutraliseBidi(`a${ALL_BIDI}b`)).toBe('ab');
    expect(neutraliseBidi('שלום עליכם 👩‍💻 نص')).toBe('שלום עליכם 👩‍💻 نص');
  });
});
