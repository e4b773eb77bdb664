import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** How often each colour occurs, as 0xBBGGRR words. */
function colourCounts(pixels: Uint32Array): Map<number, number> {
  const counts = new Map<number, number>();
  let last = pixels[0]! & 0xffffff;
  let run = 0;
  for (let i = 0; i < pixels.length; i += 1) {
    const colour = pixels[i]! & 0xffffff;
    if (colour === last) {
      run += 1;
      continue;
    }
    counts.set(last, (counts.get(last) ?? 0) + run);
    last = colour;
    run = 1;
  }
  counts.set(last, (counts.get(last) ?? 0) + run);
  return counts;
}

function distance(a: number, b: number): number {
  const red = (a & 255) - (b & 255);
  const green = ((a >> 8) & 255) - ((b >> 8) & 255);
  const blue = (a >> 16) - (b >> 16);
  return red * red + green * green + blue * blue;
}

/** The 256 commonest colours, and for every colour the index of itself or of the nearest of them. */
function paletteOf(counts: Map<number, number>): { palette: number[]; indexOf: Map<number, number> } {
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 256)
    .map(([colour]) => colour);
  const indexOf = new Map(palette.map((colour, index) => [colour, index]));
  for (const colour of counts.keys()) {
    if (indexOf.has(colour)) continue;
    let best = 0;
    for (let i = 1; i < palette.length; i += 1)
      if (distance(colour, palette[i]!) < distance(colour, palette[best]!)) best = i;
    indexOf.set(colour, best);
  }
  return { palette, indexOf };
}

/**
 * Each pixel's palette index, a row at a time behind PNG's filter byte (0:
 * none, as Buffer.alloc left it; indexed images compress best unfiltered);
 * null as soon as `indexOf` has no index for a colour.
 */
function indexPixels(
  pixels: Uint32Array,
  width: number,
  height: number,
  indexOf: (colour: number) => number | undefined,
): Buffer | null {
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height);
  // Most pixels repeat the one before them: the last colour is kept, so `indexOf` is seldom asked.
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    const out = y * stride + 1;
    for (let x = 0; x < width; x += 1) {
      const colour = pixels[row + x]! & 0xffffff;
      if (colour !== last) {
        const index = indexOf(colour);
        if (index === undefined) return null;
        last = colour;
        lastIndex = index;
      }
      raw[out + x] = lastIndex;
    }
  }
  return raw;
}

/** Indices given in the order colours are first met, while there are no more than 256. */
function firstMet(): { palette: number[]; indexOf: (colour: number) => number | undefined } {
  const indices = new Map<number, number>();
  const palette: number[] = [];
  return {
    palette,
    indexOf: (colour) => {
      const known = indices.get(colour);
      if (known !== undefined || palette.length === 256) return known;
      indices.set(colour, palette.length);
      palette.push(colour);
      return palette.length - 1;
    },
  };
}

/**
 * Opaque RGBA pixels as an 8-bit indexed PNG. The pictures are flat colours
 * and anti-aliased text on them (150 to 300 colours), so one byte a pixel is
 * a quarter of RGBA before compression. Up to 256 colours it is lossless, in
 * one pass; past that the rarest, edge pixels of letters, take the nearest
 * colour kept.
 */
export function palettePng(rgba: Uint8Array, width: number, height: number): Buffer {
  // Whole pixels as 32-bit words (little-endian: red in the low byte), alpha masked off as the pictures are opaque.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  let { palette, indexOf } = firstMet();
  let raw = indexPixels(pixels, width, height, indexOf);
  if (raw === null) {
    const nearest = paletteOf(colourCounts(pixels));
    palette = nearest.palette;
    raw = indexPixels(pixels, width, height, (colour) => nearest.indexOf.get(colour))!;
  }
  const paletteBytes = Buffer.alloc(palette.length * 3);
  for (const [index, colour] of palette.entries())
    paletteBytes.set([colour & 255, (colour >> 8) & 255, colour >> 16], index * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', paletteBytes),
    // Level 6: 9 saves a tenth of the bytes at eight times the time on these long runs.
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
