/**
 * Text for the digest's pictures, drawn as SVG in Inter (the font the
 * renderer is given): XML escaping, widths from Inter's own advance widths,
 * and cutting or wrapping text to a width. Pure, so the layout is known
 * without a renderer.
 */

/** The font family the SVG names; the renderer loads Inter's regular and semibold faces under it. */
export const FONT_FAMILY = 'Inter';
export type Weight = 400 | 600;

// Advance widths of Inter 4 (1/1000 em) for U+0020-U+007E, then "…·–—▲▼↑→", read from the TTFs the package ships.
const REGULAR = [
  281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646, 593, 620,
  566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269, 571, 672, 565, 903,
  753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365, 471, 456, 323, 562, 612, 571, 612,
  583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426,
  333, 426, 662, 864, 288, 500, 1000, 1011, 1011, 834, 954,
];
const SEMIBOLD = [
  252, 321, 523, 644, 650, 1004, 663, 326, 373, 373, 540, 673, 319, 465, 319, 379, 660, 423, 623, 636, 666, 612, 640,
  576, 640, 640, 319, 329, 673, 673, 673, 543, 999, 728, 659, 737, 722, 605, 588, 749, 746, 277, 580, 703, 565, 922,
  759, 769, 645, 773, 652, 650, 660, 736, 728, 1020, 720, 713, 652, 373, 379, 373, 481, 469, 351, 574, 624, 583, 624,
  591, 389, 625, 612, 262, 262, 569, 262, 900, 612, 609, 624, 624, 397, 549, 353, 612, 587, 839, 569, 588, 566, 455,
  359, 455, 673, 956, 319, 500, 1000, 1034, 1034, 881, 954,
];
const EXTRAS = '…·–—▲▼↑→';

function advance(char: string, weight: Weight): number {
  const table = weight === 600 ? SEMIBOLD : REGULAR;
  const code = char.codePointAt(0) ?? 32;
  if (code >= 32 && code < 127) return table[code - 32]!;
  const extra = EXTRAS.indexOf(char);
  if (extra >= 0) return table[95 + extra]!;
  // Letters Inter lacks are drawn narrow or not at all; wide scripts take a full em. Either way the layout has room.
  return code >= 0x2e80 ? 1000 : 620;
}

/** The width of `text` at `size` px, as Inter draws it. */
export function textWidth(text: string, size: number, weight: Weight = 400): number {
  let units = 0;
  for (const char of text) units += advance(char, weight);
  return (units * size) / 1000;
}

// Bidi controls reorder what follows them (a cell "R-\u202e21" would show as "R-12"); control characters are not XML.
const UNSHOWABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/** Register text made safe to show: bidi controls and characters XML cannot hold removed, runs of space made one. */
export function plainText(text: string): string {
  return text.replace(UNSHOWABLE, '').replace(/\s+/g, ' ').trim();
}

/** `text` for an XML text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** `text` cut with "…" to fit `width` px at `size`. */
export function fitText(text: string, size: number, width: number, weight: Weight = 400): string {
  if (textWidth(text, size, weight) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, weight) > width) chars.pop();
  return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
}

/** `text` broken at spaces into at most `maxLines` lines of `width` px; the last cut with "…" if it all does not fit. */
export function wrapText(text: string, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ').filter(Boolean);
  for (const [i, word] of words.entries()) {
    const tried = line === '' ? word : `${line} ${word}`;
    if (line === '' || textWidth(tried, size) <= width) {
      line = tried;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, fitText(`${line} ${words.slice(i).join(' ')}`, size, width)];
    lines.push(line);
    line = word;
  }
  return [...lines, line].filter(Boolean).map((kept) => fitText(kept, size, width));
}

function luminance(hex: string): number {
  const value = Number.parseInt(hex.replace('#', '').padEnd(6, '0').slice(0, 6), 16);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear((value >> 16) & 255) + 0.7152 * linear((value >> 8) & 255) + 0.0722 * linear(value & 255);
}

/** Black or white, whichever has the higher WCAG contrast ratio on the colour `hex`. */
export function inkOn(hex: string): '#000000' | '#FFFFFF' {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#FFFFFF' : '#000000';
}

/** A colour safe to put in an attribute: "#RRGGBB" as configured, anything else grey. */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toUpperCase() : '#9E9E9E';
}

export interface TextOptions {
  size: number;
  weight?: Weight;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** One `<text>` element; `y` is the baseline. */
export function svgText(x: number, y: number, text: string, options: TextOptions): string {
  const weight = options.weight === 600 ? ' font-weight="600"' : '';
  const anchor = options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : '';
  return `<text x="${round(x)}" y="${round(y)}" font-size="${options.size}"${weight}${anchor} fill="${options.fill ?? '#222222'}">${escapeXml(text)}</text>`;
}

/** Coordinates to a tenth of a pixel, so the SVG text stays short and stable. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The opening tag of a picture `width` x `height` px, white behind it, in Inter. */
export function svgOpen(width: number, height: number, title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
  ].join('\n');
}
