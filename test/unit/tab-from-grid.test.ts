import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { missingTab, tabFromGrid, tabTitled } from '../../src/domain/register/tab-from-grid.js';

const synonyms = loadSettings().tabs.risks.headers;

describe('reading a tab from its grid', () => {
  it('when a title line sits above the headers and blank rows fall between, then the header line is found and rows keep their sheet numbers', () => {
    const tab = tabFromGrid(
      'risks',
      'Risks',
      [
        { row: 1, cells: ['Appendix B – Risk Log'] },
        { row: 2, cells: [null, '  '] },
        { row: 3, cells: ['Risk No.', 'Date Raised', 'Risk Owner'] },
        { row: 4, cells: ['R - 1', 40436] },
        { row: 6, cells: [null, null] },
        { row: 7, cells: ['R - 2', null, 'Head of contracts', 'beyond the headers'] },
      ],
      synonyms,
    );
    expect(tab).toEqual({
      key: 'risks',
      title: 'Risks',
      found: true,
      headerRow: 3,
      headers: ['Risk No.', 'Date Raised', 'Risk Owner'],
      rows: [
        { row: 4, cells: ['R - 1', 40436, null] },
        { row: 7, cells: ['R - 2', null, 'Head of contracts', 'beyond the headers'] },
      ],
    });
  });

  it('when cells after the last text are blank, then they are dropped, so the header line is as wide as its text', () => {
    const tab = tabFromGrid(
      'risks',
      'Risks',
      [
        { row: 1, cells: ['Risk No.', 'Status', null, ' '] },
        { row: 2, cells: ['R-1', 'Open', null, ''] },
      ],
      synonyms,
    );
    expect(tab.headers).toEqual(['Risk No.', 'Status']);
    expect(tab.rows).toEqual([{ row: 2, cells: ['R-1', 'Open'] }]);
  });

  it('when the tab holds no text, then it is found with header row 0 and no rows', () => {
    expect(tabFromGrid('people', 'People', [{ row: 5, cells: [null] }], synonyms)).toEqual({
      key: 'people',
      title: 'People',
      found: true,
      headerRow: 0,
      headers: [],
      rows: [],
    });
    expect(missingTab('people', 'People')).toMatchObject({ found: false, headerRow: 0 });
  });

  it("when a store's tab title differs in case and spaces, then it still names the configured tab", () => {
    expect(tabTitled(['Risks', 'auditLog'], (title) => title, 'Audit log')).toBe('auditLog');
    expect(tabTitled(['Risks'], (title) => title, 'People')).toBeUndefined();
  });
});
