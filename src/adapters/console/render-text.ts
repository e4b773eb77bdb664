import type { Inline, Line, Message, MessagePart } from '../../messages/message.js';

function inlineText(inline: Inline): string {
  if (typeof inline === 'string') return inline;
  if ('bold' in inline) return inline.bold;
  if ('code' in inline) return inline.code;
  return `${inline.text} <${inline.link}>`;
}

/** A line as plain text; control characters from the sheet are shown as spaces. */
export function lineText(line: Line): string {
  const inlines = Array.isArray(line) ? line : [line];
  // eslint-disable-next-line no-control-regex
  return inlines
    .map(inlineText)
    .join('')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

function partText(part: MessagePart): string {
  switch (part.type) {
    case 'header':
      return `${part.text}\n${'='.repeat(Math.min(part.text.length, 78))}`;
    case 'section':
      return lineText(part.line);
    case 'context':
      return lineText(part.line);
    case 'preformatted':
      return part.text;
    case 'divider':
      return '-'.repeat(40);
    case 'buttons':
      // The console has no buttons: show what could be pressed, as in "[Mark done] [Update]".
      return part.buttons.map((button) => `[${button.text}]`).join(' ');
    case 'list': {
      const items =
        part.items.length > 0 ? part.items.map((item) => `  - ${lineText(item)}`) : [`  ${part.emptyText ?? '(none)'}`];
      return [`${part.heading}`, ...items].join('\n');
    }
  }
}

/** A message as plain text for the terminal, parts separated by blank lines. */
export function renderText(message: Message): string {
  return message.parts.map(partText).join('\n\n');
}
