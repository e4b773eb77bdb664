import type { Scale } from '../domain/items/scale.js';

/**
 * The two scales boards use. `3x3` is the seed risk log's (1-2 Low, 3-4 Medium,
 * 6-9 High); `5x5-nhs` is the NHS/NPSA matrix (1-3 Low, 4-6 Moderate,
 * 8-12 High, 15-25 Extreme).
 */
export const SCALE_PRESETS = {
  '3x3': {
    name: '3x3',
    impact: { max: 3, labels: ['Low', 'Medium', 'High'] },
    probability: { max: 3, labels: ['Low', 'Medium', 'High'] },
    bands: [
      { label: 'Low', from: 1, colour: '#4CAF50', reviewDays: 90 },
      { label: 'Medium', from: 3, colour: '#FFC107', reviewDays: 30 },
      { label: 'High', from: 6, colour: '#F44336', reviewDays: 14 },
    ],
  },
  '5x5-nhs': {
    name: '5x5-nhs',
    impact: { max: 5, labels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'] },
    probability: { max: 5, labels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] },
    bands: [
      { label: 'Low', from: 1, colour: '#00B050', reviewDays: 90 },
      { label: 'Moderate', from: 4, colour: '#FFFF00', reviewDays: 30 },
      { label: 'High', from: 8, colour: '#FFC000', reviewDays: 14 },
      { label: 'Extreme', from: 15, colour: '#FF0000', reviewDays: 7 },
    ],
  },
} as const satisfies Record<string, Scale>;

export type ScalePresetName = keyof typeof SCALE_PRESETS;
export const SCALE_PRESET_NAMES = Object.keys(SCALE_PRESETS) as ScalePresetName[];
