/** An RGBA pixel buffer, four bytes a pixel, rows top to bottom (the shape of a pngjs `PNG`). */
export interface Canvas {
  width: number;
  height: number;
  data: Uint8Array;
}

export type Rgb = readonly [red: number, green: number, blue: number];

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** One blank column between letters. */
export const GLYPH_ADVANCE = GLYPH_WIDTH + 1;

// Each glyph is seven rows of five, top row first; '#' is ink. Drawn for this bot:
// capitals only, as axis titles and band names read fine in capitals.
const GLYPH_ROWS: Record<string, string> = {
  ' ': '..... ..... ..... ..... ..... ..... .....',
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '=': '..... ..... ##### ..... ##### ..... .....',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  ',': '..... ..... ..... ..... .##.. ..#.. .#...',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  "'": '..#.. ..#.. .#... ..... ..... ..... .....',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
};

function parseGlyph(char: string, rows: string): boolean[][] {
  const parsed = rows.split(' ').map((row) => [...row].map((pixel) => pixel === '#'));
  if (parsed.length !== GLYPH_HEIGHT || parsed.some((row) => row.length !== GLYPH_WIDTH)) {
    throw new Error(`bitmap font: glyph ${JSON.stringify(char)} is not ${GLYPH_WIDTH}x${GLYPH_HEIGHT}`);
  }
  return parsed;
}

const GLYPHS = new Map(Object.entries(GLYPH_ROWS).map(([char, rows]) => [char, parseGlyph(char, rows)]));

/** The characters the font draws; lower case is drawn as capitals, anything else as "?". */
export const FONT_CHARACTERS: readonly string[] = [...GLYPHS.keys()];

function glyphFor(char: string): boolean[][] {
  return GLYPHS.get(char.toUpperCase()) ?? GLYPHS.get('?')!;
}

/** Fills a rectangle, clipped to the canvas, with an opaque colour. */
export function fillRect(canvas: Canvas, x: number, y: number, width: number, height: number, colour: Rgb): void {
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  const right = Math.min(canvas.width, Math.floor(x + width));
  const bottom = Math.min(canvas.height, Math.floor(y + height));
  for (let row = top; row < bottom; row += 1) {
    for (let column = left; column < right; column += 1) {
      const at = (row * canvas.width + column) * 4;
      canvas.data[at] = colour[0];
      canvas.data[at + 1] = colour[1];
      canvas.data[at + 2] = colour[2];
      canvas.data[at + 3] = 255;
    }
  }
}

/** Width in pixels of `text` drawn at `scale`, without the blank column after the last letter. */
export function textWidth(text: string, scale: number): number {
  const length = [...text].length;
  return length === 0 ? 0 : (length * GLYPH_ADVANCE - 1) * scale;
}

/** Height in pixels of a line of text drawn at `scale`. */
export function textHeight(scale: number): number {
  return GLYPH_HEIGHT * scale;
}

/** Draws `text` with its top-left corner at (x, y), each font pixel a `scale` x `scale` square. */
export function drawText(canvas: Canvas, text: string, x: number, y: number, scale: number, colour: Rgb): void {
  [...text].forEach((char, index) => {
    const left = x + index * GLYPH_ADVANCE * scale;
    for (const [rowIndex, row] of glyphFor(char).entries()) {
      for (const [columnIndex, ink] of row.entries()) {
        if (ink) fillRect(canvas, left + columnIndex * scale, y + rowIndex * scale, scale, scale, colour);
      }
    }
  });
}
