import { describe, expect, it } from 'vitest';
import { SCALE_PRESETS } from '../../src/config/scale-presets.js';
import { scaleInputSchema } from '../../src/config/settings-schema.js';
import type { CellValue } from '../../src/domain/cell.js';
import { bandShortNames, type HeatMap, heatMap, heatMapText } from '../../src/domain/digest/heat-map.js';
import type { Scale } from '../../src/domain/items/scale.js';
import { type RiskField, TAB_FIELDS } from '../../src/domain/register/fields.js';
import type { Risk } from '../../src/domain/register/register.js';
import type { RiskStatus } from '../../src/domain/register/vocabulary.js';

const threeByThree = scaleInputSchema.parse(SCALE_PRESETS['3x3']);
const nhs = scaleInputSchema.parse(SCALE_PRESETS['5x5-nhs']);

let row = 1;
function risk(impact: number | null, probability: number | null, status: RiskStatus = 'Open'): Risk {
  row += 1;
  const cells = Object.fromEntries(TAB_FIELDS.risks.map((field) => [field, ''])) as Record<RiskField, CellValue>;
  const rating = impact !== null && probability !== null ? impact * probability : null;
  return {
    kind: 'risk',
    id: `R-${row}`,
    key: `R-${row}`,
    row,
    owner: 'Sam Patel',
    actionOwner: '',
    description: 'Supplier slips',
    impactOnProgramme: '',
    mitigatingActions: '',
    impact,
    probability,
    rating,
    band: null,
    target: { text: '', milestones: [], targetDate: null },
    dateRaised: '2025-01-06',
    dateLastUpdated: '2025-02-03',
    trend: null,
    status,
    state: status === 'Closed' ? 'closed' : 'open',
    stateFrom: 'word',
    rag: null,
    dateClosed: null,
    cells,
  };
}

/** Counts keyed "impact x probability", for cells with at least one risk. */
function countsOf(map: HeatMap): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cell of map.cells.flat()) if (cell.count > 0) counts[`${cell.impact}x${cell.probability}`] = cell.count;
  return counts;
}

describe('heat map counts', () => {
  it.each<[string, Scale, Risk[], Record<string, number>, number]>([
    ['when there are no risks, every cell is empty', threeByThree, [], {}, 0],
    [
      'when risks share a cell, they add up',
      threeByThree,
      [risk(3, 2), risk(3, 2), risk(1, 1)],
      { '3x2': 2, '1x1': 1 },
      0,
    ],
    [
      'when a risk is closed, it is left out and not counted as unrated',
      threeByThree,
      [risk(3, 3, 'Closed'), risk(2, 2)],
      { '2x2': 1 },
      0,
    ],
    [
      'when impact or probability is missing, the risk is counted as unrated',
      threeByThree,
      [risk(null, 2), risk(2, null), risk(null, null), risk(1, 3)],
      { '1x3': 1 },
      3,
    ],
    ['when a closed risk is unrated, it is not counted at all', threeByThree, [risk(null, null, 'Closed')], {}, 0],
    [
      'when a level is off the scale, the risk is counted as unrated',
      threeByThree,
      [risk(5, 5), risk(4, 1), risk(3, 3)],
      { '3x3': 1 },
      2,
    ],
    [
      '5x5-nhs: the corners and the middle',
      nhs,
      [risk(5, 5), risk(1, 1), risk(3, 3), risk(3, 3), risk(1, 5), risk(5, 1, 'Closed')],
      { '5x5': 1, '1x1': 1, '3x3': 2, '1x5': 1 },
      0,
    ],
  ])('%s', (_name, scale, risks, counts, unrated) => {
    const map = heatMap(risks, scale);
    expect(countsOf(map)).toEqual(counts);
    expect(map.unrated).toBe(unrated);
  });

  it('rows run from the highest probability down, each from impact 1 up', () => {
    const map = heatMap([], nhs);
    expect(map.impactMax).toBe(5);
    expect(map.probabilityMax).toBe(5);
    expect(map.cells.map((cells) => cells[0]!.probability)).toEqual([5, 4, 3, 2, 1]);
    expect(map.cells.every((cells) => cells.map((cell) => cell.impact).join() === '1,2,3,4,5')).toBe(true);
  });
});

describe('heat map bands', () => {
  const bandGrid = (scale: Scale) =>
    heatMap([], scale).cells.map((cells) => cells.map((cell) => cell.band.label[0]).join(''));

  it('3x3: each cell is in the band its rating falls in', () => {
    expect(bandGrid(threeByThree)).toEqual(['MHH', 'LMH', 'LLM']);
  });

  it('5x5-nhs: each cell is in the band its rating falls in', () => {
    expect(bandGrid(nhs)).toEqual(['MHEEE', 'MHHEE', 'LMHHE', 'LMMHH', 'LLLMM']);
  });

  it.each<[string, Scale, [string, string, number | null, number | null][]]>([
    [
      '3x3',
      threeByThree,
      [
        ['Low', 'L', 1, 2],
        ['Medium', 'M', 3, 4],
        ['High', 'H', 6, 9],
      ],
    ],
    [
      '5x5-nhs',
      nhs,
      [
        ['Low', 'L', 1, 3],
        ['Moderate', 'M', 4, 6],
        ['High', 'H', 8, 12],
        ['Extreme', 'E', 15, 25],
      ],
    ],
  ])('%s: each band has a short name and the ratings its cells cover', (_name, scale, expected) => {
    const bands = heatMap([], scale).bands.map((entry) => [entry.band.label, entry.short, entry.lowest, entry.highest]);
    expect(bands).toEqual(expected);
  });

  it.each([
    [
      ['Low', 'Medium', 'High'],
      ['L', 'M', 'H'],
    ],
    [
      ['Very low', 'Very high'],
      ['VL', 'VH'],
    ],
    [
      ['Medium', 'Moderate'],
      ['ME', 'MO'],
    ],
    [
      ['Green', 'Amber', 'Red'],
      ['G', 'A', 'R'],
    ],
    [
      ['Élevé', 'Élevé'],
      ['1', '2'],
    ],
  ])('band labels %j are shortened to %j', (labels, short) => {
    expect(
      bandShortNames(labels.map((label, i) => ({ label, from: i + 1, colour: '#000000', reviewDays: 30 }))),
    ).toEqual(short);
  });
});

describe('heat map as text', () => {
  it('3x3: shows counts with band letters, the axes, a key in words and the unrated', () => {
    const map = heatMap(
      [risk(3, 2), risk(3, 3), risk(3, 3), risk(2, 3), risk(1, 1), risk(null, 2), risk(1, 1, 'Closed')],
      threeByThree,
    );
    expect(heatMapText(map)).toBe(
      [
        'Probability',
        '3 | 0 M  1 H  2 H',
        '2 | 0 L  0 M  1 H',
        '1 | 1 L  0 L  0 M',
        '  +--------------',
        '    1    2    3  Impact',
        'Key: L = Low (1-2), M = Medium (3-4), H = High (6-9)',
        'Not on the grid: 1 open risk with no rating',
      ].join('\n'),
    );
  });

  it('when a cell holds ten or more, the columns stay aligned', () => {
    const map = heatMap([...Array.from({ length: 12 }, () => risk(1, 1)), risk(3, 3)], threeByThree);
    expect(heatMapText(map).split('\n').slice(1, 6)).toEqual([
      '3 |  0 M   0 H   1 H',
      '2 |  0 L   0 M   0 H',
      '1 | 12 L   0 L   0 M',
      '  +-----------------',
      '     1     2     3  Impact',
    ]);
  });

  it('5x5-nhs: fits in 60 characters, wrapping the key', () => {
    const lines = heatMapText(heatMap([risk(5, 5)], nhs)).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines.slice(-2)).toEqual([
      'Key: L = Low (1-3), M = Moderate (4-6), H = High (8-12),',
      '     E = Extreme (15-25)',
    ]);
    expect(lines[1]).toBe('5 | 0 M  0 H  0 E  0 E  1 E');
  });
});
