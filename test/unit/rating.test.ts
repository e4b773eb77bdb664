import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepMerge, loadSettings } from '../../src/config/load-settings.js';
import { resolveSettings } from '../../src/config/settings.js';
import { bandFor, ratingOf, readLevel, topBand } from '../../src/domain/items/rating.js';
import type { Scale } from '../../src/domain/items/scale.js';

const base = JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8'));
function scaleFrom(scale: unknown): Scale {
  return resolveSettings(deepMerge(base, { scale }), 'test').scale;
}

const threeByThree = loadSettings().scale;
const nhs = scaleFrom('5x5-nhs');
const custom = scaleFrom({
  name: '4x4 programme',
  impact: { max: 4 },
  probability: { max: 4, labels: ['Rare', 'Possible', 'Likely', 'Certain'] },
  bands: [
    { label: 'Green', from: 1, colour: '#00AA00', reviewDays: 60 },
    { label: 'Amber', from: 5, colour: '#FFAA00', reviewDays: 21 },
    { label: 'Red', from: 10, colour: '#DD0000', reviewDays: 7 },
  ],
});

describe('rating and band', () => {
  it("the default scale is the seed risk log's 3x3", () => {
    expect(threeByThree.name).toBe('3x3');
  });

  // Every rating the seed risk log holds, with the band it printed.
  it.each([
    [3, 2, 6, 'High'],
    [2, 2, 4, 'Medium'],
    [3, 1, 3, 'Medium'],
    [2, 1, 2, 'Low'],
    [3, 3, 9, 'High'],
    [1, 1, 1, 'Low'],
    [1, 3, 3, 'Medium'],
  ])('3x3: impact %i x probability %i = %i, %s', (impact, probability, rating, band) => {
    expect(ratingOf(impact, probability)).toBe(rating);
    expect(bandFor(rating, threeByThree).label).toBe(band);
  });

  it.each([
    [1, 1, 'Low'],
    [1, 3, 'Low'],
    [2, 2, 'Moderate'],
    [2, 3, 'Moderate'],
    [2, 4, 'High'],
    [3, 4, 'High'],
    [4, 3, 'High'],
    [3, 5, 'Extreme'],
    [4, 4, 'Extreme'],
    [5, 5, 'Extreme'],
    [5, 1, 'Moderate'],
  ])('5x5-nhs: impact %i x probability %i is %s', (impact, probability, band) => {
    expect(bandFor(ratingOf(impact, probability), nhs).label).toBe(band);
  });

  it.each([
    [1, 'Green'],
    [4, 'Green'],
    [5, 'Amber'],
    [9, 'Amber'],
    [10, 'Red'],
    [16, 'Red'],
  ])('custom 4x4: rating %i is %s', (rating, band) => {
    expect(bandFor(rating, custom).label).toBe(band);
  });

  it('the top band is the last one', () => {
    expect(topBand(threeByThree).label).toBe('High');
    expect(topBand(nhs).label).toBe('Extreme');
  });

  it.each([
    ['3', 3],
    [3, 3],
    ['3.0', 3],
    [' 2 ', 2],
    ['high', 3],
    ['Medium', 2],
  ])('3x3: impact %j reads as %i', (value, level) => {
    expect(readLevel(value, 'impact', threeByThree)).toEqual({ kind: 'level', level });
  });

  it.each([
    ['almost certain', 5],
    ['Rare', 1],
    ['LIKELY', 4],
  ])('5x5-nhs: probability %j reads as %i', (value, level) => {
    expect(readLevel(value, 'probability', nhs)).toEqual({ kind: 'level', level });
  });

  it.each([
    [4, 'from 1 to 3'],
    ['0', 'from 1 to 3'],
    ['2.5', 'from 1 to 3'],
    ['very bad', 'not "very bad"'],
    [-1, 'from 1 to 3'],
  ])('3x3: impact %j is refused with a message saying what is allowed', (value, words) => {
    const reading = readLevel(value, 'impact', threeByThree);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.message).toContain(words);
  });

  it('an empty cell is no level, not an error', () => {
    expect(readLevel(null, 'impact', threeByThree)).toEqual({ kind: 'none' });
    expect(readLevel('  ', 'impact', threeByThree)).toEqual({ kind: 'none' });
  });
});

// Level cells as public templates write them: the NHS/NPSA 5x5 matrix ("4 - Likely", "Moderate (3)"), ISO 31000
// and PRINCE2 logs ("3 (Moderate)", "(3) Moderate") and local-government logs in L/M/H.
describe('levels as templates write them', () => {
  it.each<[string, 'impact' | 'probability', number]>([
    ['4 - Likely', 'probability', 4],
    ['4 – Likely', 'probability', 4],
    ['4-Likely', 'probability', 4],
    ['4: Likely', 'probability', 4],
    ['Likely (4)', 'probability', 4],
    ['Likely - 4', 'probability', 4],
    ['(5) Almost certain', 'probability', 5],
    ['5 - Almost Certain', 'probability', 5],
    ['almost-certain', 'probability', 5],
    ['Likely', 'probability', 4],
    ['3 (Moderate)', 'impact', 3],
    ['(3) Moderate', 'impact', 3],
    ['Moderate (3)', 'impact', 3],
    ['5 Catastrophic', 'impact', 5],
    ['R', 'probability', 1],
  ])('5x5-nhs: %j in %s reads as %i', (value, axis, level) => {
    expect(readLevel(value, axis, nhs)).toEqual({ kind: 'level', level });
  });

  it.each([
    ['L', 1],
    ['m', 2],
    ['H', 3],
    ['3 - High', 3],
    ['Medium (2)', 2],
  ])('3x3: %j reads as %i', (value, level) => {
    expect(readLevel(value, 'impact', threeByThree)).toEqual({ kind: 'level', level });
  });

  it('when a number comes with a word the scale has for another level, reports both and reads neither', () => {
    expect(readLevel('4 - Rare', 'probability', nhs)).toEqual({
      kind: 'invalid',
      message:
        '"4 - Rare" says 4, but Rare is 1 on the 5x5-nhs scale\'s probability; write one of 4 (Likely) or 1 (Rare)',
    });
    expect(readLevel('High (1)', 'impact', threeByThree)).toMatchObject({ kind: 'invalid' });
  });

  it('when a number comes with a word the scale does not have, reads the number and warns', () => {
    expect(readLevel('2 (Moderate)', 'impact', threeByThree)).toEqual({
      kind: 'level',
      level: 2,
      warning:
        '"Moderate" is not a word of the 3x3 scale\'s impact (Low, Medium, High); read as 2, which the scale calls Medium',
    });
  });

  it('when the axis has no words, a number with a word reads as the number', () => {
    expect(readLevel('3 - Major', 'impact', custom)).toEqual({ kind: 'level', level: 3 });
  });

  it('when the number is off the scale, says the scale', () => {
    expect(readLevel('4 - Likely', 'probability', threeByThree)).toEqual({
      kind: 'invalid',
      message: 'probability must be from 1 to 3 on the 3x3 scale, not "4 - Likely"',
    });
  });

  it('when letters would be ambiguous (Minor, Moderate, Major), a letter is not read', () => {
    expect(readLevel('M', 'impact', nhs)).toMatchObject({ kind: 'invalid' });
    expect(readLevel('0x2', 'impact', threeByThree)).toMatchObject({ kind: 'invalid' });
    expect(readLevel('1e0', 'impact', threeByThree)).toMatchObject({ kind: 'invalid' });
  });
});
