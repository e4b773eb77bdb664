import { cellText } from '../cell.js';
import type { ColumnCell, Style } from './cell-style.js';

// Levels as templates write them: 3, "Possible", "4 - Likely", "Likely (4)", "almost-certain", "M".
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function caseOf(written: string, word: string): (word: string) => string {
  const hyphen = /-/.test(written) && !/-/.test(word);
  const join = (w: string) => (hyphen ? w.replace(/\s+/g, '-') : w);
  if (written === written.toLowerCase() && written !== written.toUpperCase()) return (w) => join(w.toLowerCase());
  if (written === written.toUpperCase() && written.length > 1) return (w) => join(w.toUpperCase());
  return (w) => join(w);
}

/** How a cell writes a level, where it shows one: a number, the scale's word in a template, or its initial. */
export function levelStyle(cell: ColumnCell, words: readonly string[]): Style | undefined {
  const text = cellText(cell.value);
  if (text === '' || cell.look?.formula !== undefined) return undefined;
  const plainNumber: Style = {
    key: 'number',
    render: (value) => ({ value: Number(value), shown: cellText(value) }),
  };
  if (typeof cell.value === 'number' || /^\d+$/.test(text)) return plainNumber;
  for (const word of words) {
    const pattern = new RegExp(
      `(?<![A-Za-z])${word.trim().split(/\s+/).map(escapeRegExp).join('[-_\\s]+')}(?![A-Za-z])`,
      'i',
    );
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    const number = /\d+/;
    const template = `${before.replace(number, '{n}')}{w}${after.replace(number, '{n}')}`;
    const cased = caseOf(match[0], word);
    return {
      key: `words:${template}:${cased(words.join(' '))}`,
      render: (value) => {
        const level = Number(value);
        const shown = template.replace('{n}', String(level)).replace('{w}', cased(words[level - 1] ?? String(level)));
        return { value: shown, shown };
      },
    };
  }
  const initials = words.map((word) => word.trim().charAt(0).toLowerCase());
  if (/^[a-z]$/i.test(text) && new Set(initials).size === initials.length && initials.includes(text.toLowerCase())) {
    const upper = text === text.toUpperCase();
    return {
      key: `initial:${upper}`,
      render: (value) => {
        const letter = initials[Number(value) - 1] ?? String(value);
        const shown = upper ? letter.toUpperCase() : letter;
        return { value: shown, shown };
      },
    };
  }
  return undefined;
}
