import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { clip } from '../../../domain/text.js';
import {
  clipLine,
  type Inline,
  type Line,
  type Message,
  type MessageButton,
  type MessagePart,
  plural,
} from '../../../messages/message.js';
import { neutraliseBidi } from './neutralise-bidi.js';

/** Slack's Block Kit limits (docs.slack.dev, block reference pages). */
const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actions: 25,
};

// Lookalikes for mrkdwn markers: Slack has no escape character for *, _, ~ and `.
const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Text Slack shows as it is (plain_text): no control characters, and no bidi controls to reorder it on screen. */
function shownText(text: string): string {
  return neutraliseBidi(text).replace(CONTROL, ' ');
}

// Every mrkdwn text passes here first, so later steps (markers, bold, clipping) see the text as it will show.
function escapeEntities(text: string): string {
  return shownText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Sheet text made safe for mrkdwn. `&`, `<` and `>` become entities, so "<!channel>" or "<@U123>" in a
 * cell shows as text and pings no one. Slack has no escape for `*`, `_`, `~` and `` ` ``, so a marker
 * character that Slack could read as the start or end of formatting (one not between two letters or
 * digits) becomes a lookalike (∗ ˍ ∼ ˋ): "*urgent*" or a stray "`" cannot pair with our own `*bold*`
 * markers. Characters inside a word ("R_1", "5*3") stay as typed, since Slack only formats at word
 * boundaries, and backticks always change, since a code span would swallow the markers after it.
 */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(text)
    .replace(/`/g, LOOKALIKE['`']!)
    .replace(/(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu, (marker) => LOOKALIKE[marker]!);
}

/** Text for code spans and fences: formatting is off there, only a backtick would end the span. */
function escapeCode(text: string): string {
  return escapeEntities(text).replace(/`/g, LOOKALIKE['`']!);
}

/** `*text*` with the spaces kept outside the markers, since Slack ignores `* text *`. */
function boldMrkdwn(text: string): string {
  const core = neutraliseBidi(text).replace(/\s+/g, ' ').trim();
  if (core === '') return text.length > 0 ? ' ' : '';
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) ? ' ' : '';
  return `${lead}*${escapeMrkdwn(core).replace(/\*/g, LOOKALIKE['*']!)}*${trail}`;
}

/** The address as Slack may link it, or null: a "javascript:" or "slack://" address from a cell stays text. */
function webHref(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') return null;
  // "|" would end the address inside <url|text>; the URL parser already encodes "<", ">" and spaces.
  return parsed.href.replace(/\|/g, '%7C');
}

function inlineMrkdwn(inline: Inline): string {
  const flat = (text: string) => neutraliseBidi(text).replace(/\s+/g, ' ').trim();
  if (typeof inline === 'string') return escapeMrkdwn(inline);
  if ('bold' in inline) return boldMrkdwn(inline.bold);
  if ('code' in inline) return flat(inline.code) === '' ? '' : `\`${escapeCode(flat(inline.code))}\``;
  const label = escapeMrkdwn(flat(inline.text));
  const href = webHref(inline.link);
  return href === null ? label : label === '' ? `<${href}>` : `<${href}|${label}>`;
}

/** Rendered mrkdwn cut to `max` with "…", never inside an entity such as "&amp;". */
function clipMrkdwn(text: string, max = LIMITS.text): string {
  return clip(text, max, (kept) => kept.replace(/&[a-z]*$/, ''));
}

function lineMrkdwn(line: Line): string {
  return clipMrkdwn((Array.isArray(line) ? line : [line]).map(inlineMrkdwn).join(''));
}

/** Units packed greedily into groups whose total width, with `gap` between units, stays within `max`. */
function pack<T>(units: T[], width: (unit: T) => number, max: number, gap: number): T[][] {
  const groups: T[][] = [];
  let length = 0;
  for (const unit of units) {
    const last = groups.at(-1);
    if (last && length + gap + width(unit) <= max) {
      last.push(unit);
      length += gap + width(unit);
    } else {
      groups.push([unit]);
      length = width(unit);
    }
  }
  return groups;
}

const packLines = (lines: string[], max: number): string[][] => pack(lines, (line) => line.length, max, 1);

/** A part rendered to blocks, and what is left of it when only the first `shown` blocks fit. */
interface RenderedPart {
  blocks: KnownBlock[];
  rest(shown: number): MessagePart | null;
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const whole = (part: MessagePart, blocks: KnownBlock[]): RenderedPart => ({
  blocks,
  rest: (shown) => (shown === 0 && blocks.length > 0 ? part : null),
});
const continued = (heading: string) => (heading.endsWith(' (continued)') ? heading : `${heading} (continued)`);

/**
 * A list as sections of at most 3000 characters, the heading in the first.
 * Only the first `cap` blocks and one more are rendered: a list of thousands
 * of items split across thread replies is rendered a piece at a time, not
 * whole again for every reply.
 */
function renderList(part: Extract<MessagePart, { type: 'list' }>, cap = Number.POSITIVE_INFINITY): RenderedPart {
  const groups: string[][] = [];
  let length = 0;
  const add = (line: string) => {
    const last = groups.at(-1);
    if (last && length + 1 + line.length <= LIMITS.text) {
      last.push(line);
      length += 1 + line.length;
    } else {
      groups.push([line]);
      length = line.length;
    }
  };
  add(clipMrkdwn(boldMrkdwn(part.heading)));
  if (part.items.length === 0) add(clipMrkdwn(escapeMrkdwn(part.emptyText ?? 'None.')));
  for (const item of part.items) {
    if (groups.length > cap) break;
    add(clipMrkdwn(`• ${lineMrkdwn(item)}`));
  }
  // Items per block: the first block also holds the heading line.
  const counts = groups.map((group, i) => (part.items.length === 0 ? 0 : group.length - (i === 0 ? 1 : 0)));
  return {
    blocks: groups.map((group) => ({ type: 'section', text: mrkdwn(group.join('\n')) })),
    rest(shown) {
      if (shown === 0) return part;
      const done = counts.slice(0, shown).reduce((sum, n) => sum + n, 0);
      return done >= part.items.length
        ? null
        : { type: 'list', heading: continued(part.heading), items: part.items.slice(done) };
    },
  };
}

/**
 * Lines of code, a line longer than a block cut into pieces (so a continuation may gain line breaks).
 * Measured after escaping, one character at a time, so an entity such as "&amp;" is never cut in two.
 */
function codeSegments(text: string, max: number): string[] {
  return text
    .split('\n')
    .flatMap((raw) =>
      raw === '' ? [''] : pack([...raw], (char) => escapeCode(char).length, max, 0).map((chars) => chars.join('')),
    );
}

function renderPreformatted(text: string): RenderedPart {
  const max = LIMITS.text - '```\n\n```'.length;
  const segments = codeSegments(text, max);
  const groups = packLines(segments.map(escapeCode), max);
  return {
    blocks: groups.map((group) => ({ type: 'section', text: mrkdwn(`\`\`\`\n${group.join('\n')}\n\`\`\``) })),
    rest(shown) {
      const done = groups.slice(0, shown).reduce((sum, group) => sum + group.length, 0);
      return done >= segments.length ? null : { type: 'preformatted', text: segments.slice(done).join('\n') };
    },
  };
}

function slackButton(button: MessageButton): Button {
  const text = {
    type: 'plain_text' as const,
    text: clipLine(shownText(button.text), LIMITS.buttonText) || '…',
    emoji: true,
  };
  return {
    type: 'button',
    text,
    action_id: button.actionId,
    value: button.value.slice(0, LIMITS.buttonValue),
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderButtons(buttons: MessageButton[]): RenderedPart {
  const rows = pack(buttons, () => 1, LIMITS.actions, 0);
  return {
    blocks: rows.map((row): ActionsBlock => ({ type: 'actions', elements: row.map(slackButton) })),
    rest: (shown) =>
      shown >= rows.length ? null : { type: 'buttons', buttons: buttons.slice(shown * LIMITS.actions) },
  };
}

/** A part's blocks; a list renders only its first `cap` blocks and one more (see renderList). */
function renderPart(part: MessagePart, cap?: number): RenderedPart {
  switch (part.type) {
    case 'header': {
      const text = clipLine(shownText(part.text), LIMITS.header);
      return whole(part, text === '' ? [] : [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }]);
    }
    case 'section':
    case 'context': {
      const text = lineMrkdwn(part.line);
      if (text.trim() === '') return whole(part, []);
      return whole(part, [
        part.type === 'section'
          ? { type: 'section', text: mrkdwn(text) }
          : { type: 'context', elements: [mrkdwn(text)] },
      ]);
    }
    case 'divider':
      return whole(part, [{ type: 'divider' }]);
    case 'list':
      return renderList(part, cap);
    case 'preformatted':
      return renderPreformatted(part.text);
    case 'buttons':
      return renderButtons(part.buttons);
  }
}

interface Layout {
  blocks: KnownBlock[];
  /** Parts not shown, the cut one first; empty when everything fitted. */
  rest: MessagePart[];
  /** List items among `rest`, for the "…and N more" line. */
  hiddenItems: number;
}

/** As many blocks as fit in `max`, keeping one place for the "…and N more" line when they do not all fit. */
function layout(parts: MessagePart[], max: number): Layout {
  // Parts are rendered until they overflow: what follows is the thread's, rendered when its turn comes.
  const rendered: RenderedPart[] = [];
  let count = 0;
  for (const part of parts) {
    if (count > max) break;
    const one = renderPart(part, max - count + 1);
    rendered.push(one);
    count += one.blocks.length;
  }
  const blocks = rendered.flatMap((part) => part.blocks);
  if (blocks.length <= max && rendered.length === parts.length) return { blocks, rest: [], hiddenItems: 0 };
  const budget = Math.max(1, max - 1);
  const shown: KnownBlock[] = [];
  for (const [i, part] of rendered.entries()) {
    const fits = Math.min(part.blocks.length, budget - shown.length);
    shown.push(...part.blocks.slice(0, fits));
    if (fits === part.blocks.length) continue;
    const rest = [part.rest(fits), ...parts.slice(i + 1)].filter((p): p is MessagePart => p !== null);
    return { blocks: shown, rest, hiddenItems: rest.reduce((n, p) => n + (p.type === 'list' ? p.items.length : 0), 0) };
  }
  return { blocks: shown, rest: [], hiddenItems: 0 };
}

const moreLine = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/**
 * A message as Block Kit for `chat.postMessage`. Whatever does not fit in `maxBlocks` (Slack allows 50)
 * comes back as `overflow`, for the caller to post as a thread reply and render again the same way.
 * Never throws for size: long lists and code are split into sections of at most 3000 characters.
 */
export function renderBlocks(
  message: Message,
  limits: { maxBlocks?: number } = {},
): { text: string; blocks: KnownBlock[]; overflow: Message | null } {
  const text = clipMrkdwn(escapeMrkdwn(message.summary));
  const { blocks, rest, hiddenItems } = layout(message.parts, Math.max(2, limits.maxBlocks ?? LIMITS.messageBlocks));
  if (rest.length === 0) return { text, blocks, overflow: null };
  const more = moreLine(`…and ${hiddenItems > 0 ? plural(hiddenItems, 'more item') : 'more'} in the thread`);
  return { text, blocks: [...blocks, more], overflow: { summary: continued(message.summary), parts: rest } };
}

/** Parts as Block Kit for a modal or the App Home (100 blocks); what does not fit is left to the sheet. */
export function renderModalBlocks(parts: MessagePart[]): KnownBlock[] {
  const { blocks, rest, hiddenItems } = layout(parts, LIMITS.modalBlocks);
  if (rest.length === 0) return blocks;
  return [...blocks, moreLine(`…and ${hiddenItems > 0 ? `${hiddenItems} more` : 'more'}: see the sheet`)];
}
