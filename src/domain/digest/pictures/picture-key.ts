import { escapeXml, fitText, round, svgText, textWidth } from './svg-text.js';

/** One entry of a picture's key: a colour swatch or a mark, and its words. */
export interface KeyEntry {
  colour?: string;
  mark?: string;
  text: string;
}

interface PlacedEntry extends KeyEntry {
  x: number;
  row: number;
}

export interface KeyLayout {
  entries: PlacedEntry[];
  height: number;
}

const SIZE = 12;
const SWATCH = 14;
const ROW = 22;
const SPACING = 18;

function entryWidth(entry: KeyEntry): number {
  return SWATCH + 6 + textWidth(entry.text, SIZE);
}

/** Entries laid out in rows from `left` within `width`; each group starts a row, and wraps onto more. */
export function keyRows(groups: readonly (readonly KeyEntry[])[], left: number, width: number): KeyLayout {
  const entries: PlacedEntry[] = [];
  let row = -1;
  for (const group of groups.filter((g) => g.length > 0)) {
    row += 1;
    let x = left;
    for (const entry of group) {
      const fitted = { ...entry, text: fitText(entry.text, SIZE, width - SWATCH - 6) };
      if (x > left && x + entryWidth(fitted) > left + width) {
        row += 1;
        x = left;
      }
      entries.push({ ...fitted, x, row });
      x += entryWidth(fitted) + SPACING;
    }
  }
  return { entries, height: (row + 1) * ROW };
}

/** The key drawn with its first row's top at `top`. */
export function keySvg(key: KeyLayout, top: number): string {
  return key.entries
    .map((entry) => {
      const y = top + entry.row * ROW;
      const symbol =
        entry.colour !== undefined
          ? `<rect x="${entry.x + 0.5}" y="${round(y + 0.5)}" width="${SWATCH - 1}" height="${SWATCH - 1}" fill="${escapeXml(entry.colour)}" stroke="#666666"/>`
          : svgText(entry.x + SWATCH / 2, y + 11.5, entry.mark ?? '', { size: SIZE, anchor: 'middle' });
      return `${symbol}${svgText(entry.x + SWATCH + 6, y + 11.5, entry.text, { size: SIZE })}`;
    })
    .join('\n');
}
