import { describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from '../../src/cli/cli-options.js';

describe('risk-bot options', () => {
  it('when a sheet ID starts with a dash (Google IDs may), then it is read as the ID', () => {
    expect(parseCliOptions(['setup-sheet', '--sheet', '-1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms'])).toMatchObject({
      command: 'setup-sheet',
      sheet: '-1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms',
    });
    expect(parseCliOptions(['import', 'register.xlsx', '--sheet', '-_x'])).toMatchObject({
      command: 'import',
      file: 'register.xlsx',
      sheet: '-_x',
    });
  });

  it('when --sheet is followed by another option, then the ID is missing and it says so', () => {
    expect(() => parseCliOptions(['digest', '--sheet', '--today', '2026-11-23'])).toThrow(UsageError);
  });

  it('when a short flag follows an option, then it is not taken as its value', () => {
    expect(parseCliOptions(['check', '--workbook', 'a.xlsx', '-h'])).toBe('help');
  });

  it('when import is given a CSV, then it copies into a Sheet or a new workbook, and needs one of them', () => {
    expect(parseCliOptions(['import', 'plan.csv', '--workbook', 'register.xlsx'])).toMatchObject({
      command: 'import',
      file: 'plan.csv',
      workbook: 'register.xlsx',
    });
    expect(() => parseCliOptions(['import', 'plan.csv'])).toThrow(
      'import needs --sheet ID (a Google Sheet) or --workbook NEW.xlsx (a new workbook) to copy into',
    );
  });
});
