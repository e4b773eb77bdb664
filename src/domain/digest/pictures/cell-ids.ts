import { fitText, plainText, textWidth } from './svg-text.js';

/** Whether a risk's rating went up or down since the last digest. */
export type Movement = 'up' | 'down';

export const MOVEMENT_MARK: Readonly<Record<Movement, string>> = { up: '▲', down: '▼' };

/**
 * An ID as a cell shows it: spaces taken out, since IDs stand side by side
 * there and "R - 3 R - 6" would not read as two ("R-3 R-6" does).
 */
export function cellId(id: string): string {
  return plainText(id).replace(/\s+/g, '');
}

// A cell never shows more than this many IDs, so a crowded cell costs little to lay out.
const MOST_TRIED = 40;

function lay(tokens: readonly string[], size: number, width: number): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${token}`, size) <= width)
      lines[lines.length - 1] = `${last} ${token}`;
    else lines.push(token);
  }
  return lines;
}

/**
 * A cell's IDs in at most `maxLines` lines of `width` px: risks that moved
 * first (marked ▲ or ▼), then the rest in ID order; as many as fit, then
 * "+N" for the others. An ID too long for a line is cut to it with "…".
 */
export function cellIdLines(
  ids: readonly string[],
  moved: ReadonlyMap<string, Movement>,
  size: number,
  width: number,
  maxLines: number,
): string[] {
  if (maxLines < 1 || ids.length === 0) return [];
  const marked = (id: string) => {
    const movement = moved.get(id);
    return movement === undefined ? id : `${MOVEMENT_MARK[movement]}${id}`;
  };
  const ordered = [...ids.filter((id) => moved.has(id)), ...ids.filter((id) => !moved.has(id))].map((id) =>
    fitText(marked(id), size, width),
  );
  const fits = (shown: number): string[] | null => {
    const rest = ordered.length - shown;
    const lines = lay([...ordered.slice(0, shown), ...(rest > 0 ? [`+${rest}`] : [])], size, width);
    return lines.length <= maxLines && lines.every((line) => textWidth(line, size) <= width) ? lines : null;
  };
  // Fewer IDs never take more lines, so the most that fit is found by halving.
  let low = 0;
  let high = Math.min(ordered.length, MOST_TRIED);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle) === null) high = middle - 1;
    else low = middle;
  }
  return fits(low) ?? [`+${ordered.length}`];
}
