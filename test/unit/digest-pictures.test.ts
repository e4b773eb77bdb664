import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgPng } from '../../src/adapters/pictures/svg-png.js';
import type { IsoDate } from '../../src/domain/cell.js';
import { countsHistory, countsRecord } from '../../src/domain/digest/digest-ledger.js';
import { heatMap } from '../../src/domain/digest/heat-map.js';
import { cellId, cellIdLines } from '../../src/domain/digest/pictures/cell-ids.js';
import { heatMapSvg } from '../../src/domain/digest/pictures/heat-map-svg.js';
import { escapeXml, fitText, plainText, textWidth, wrapText } from '../../src/domain/digest/pictures/svg-text.js';
import { trendSvg } from '../../src/domain/digest/pictures/trend-svg.js';
import type { AuditEntry } from '../../src/domain/register/register.js';
import { heatMapInput, PICTURE_SCALES, pictureRisk, trendInput } from '../helpers/picture-registers.js';

describe('the pictures as SVG text', () => {
  it.each([
    ['3x3', 13],
    ['5x5', 13],
    ['5x5', 0],
  ] as const)('the %s heat map of %i risks is as drawn before', async (name, size) => {
    await expect(heatMapSvg(heatMapInput(PICTURE_SCALES[name], size)).svg).toMatchFileSnapshot(
      `__snapshots__/heat-map-${name}-${size}.svg`,
    );
  });

  it.each([
    ['3x3', 13, 12],
    ['5x5', 500, 5],
  ] as const)('the %s trend to %i risks over %i digests is as drawn before', async (name, size, points) => {
    await expect(trendSvg(trendInput(PICTURE_SCALES[name], size, points)).svg).toMatchFileSnapshot(
      `__snapshots__/trend-${name}-${size}-${points}.svg`,
    );
  });

  it('when register text holds < & " and bidi controls, it is escaped and the controls dropped, and the SVG still draws', () => {
    const scale = PICTURE_SCALES['3x3'];
    const risks = [pictureRisk('R-<1>&"', 3, 3), pictureRisk('R-\u202e21', 3, 3)];
    const input = { ...heatMapInput(scale, 0, 'Board <Q4> & "Estates" \u2066x\u2069'), map: heatMap(risks, scale) };
    const { svg, width } = heatMapSvg(input);
    expect(svg).toContain('Board &#60;Q4&#62; &#38; &#34;Estates&#34; x');
    expect(svg).toContain('R-&#60;1&#62;&#38;&#34;');
    expect(svg).toContain('R-21');
    expect(svg).not.toMatch(/[\u202e\u2066\u2069]/);
    expect(PNG.sync.read(svgPng(svg, width)).width).toBe(1200);
  });

  it('a band colour that is not "#RRGGBB" is drawn grey rather than put in an attribute', () => {
    const scale = {
      ...PICTURE_SCALES['3x3'],
      bands: PICTURE_SCALES['3x3'].bands.map((b) => ({ ...b, colour: '"/><x' })),
    };
    const { svg } = heatMapSvg(heatMapInput(scale, 1));
    expect(svg).not.toContain('<x');
    expect(svg).toContain('fill="#9E9E9E"');
  });

  it('a custom scale draws its own words on both axes and a cell for every pair', () => {
    const scale = {
      name: 'custom',
      impact: { max: 4, labels: ['Trivial', 'Noticeable', 'Serious', 'Programme-stopping'] },
      probability: { max: 2, labels: ['Unlikely', 'Likely'] },
      bands: [
        { label: 'Watch', from: 1, colour: '#8BC34A', reviewDays: 60 },
        { label: 'Act now', from: 4, colour: '#B71C1C', reviewDays: 7 },
      ],
    };
    const picture = heatMapSvg(heatMapInput(scale, 13));
    expect(picture.cells).toHaveLength(8);
    for (const word of ['Trivial', 'Noticeable', 'Programme-stopping', 'Unlikely', 'Act now (4–8)', 'Watch (1–3)'])
      expect(picture.svg).toContain(word);
  });
});

describe('text in the pictures', () => {
  it('escapes the five XML specials and drops bidi controls', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(plainText('R-\u202e21\u200f  x\u0007')).toBe('R-21 x');
  });

  it('cuts text to a width with an ellipsis, and wraps words onto lines', () => {
    const cut = fitText('Almost certain to happen', 11, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(60);
    expect(wrapText('Almost certain', 11, 60, 2)).toEqual(['Almost', 'certain']);
  });

  it('a cell shows the moved risks first, marked, then as many IDs as fit and "+N"', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `R-${i + 1}`);
    const lines = cellIdLines(ids, new Map([['R-9', 'up']]), 10.5, 82, 3);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith('▲R-9 R-1')).toBe(true);
    const last = lines.at(-1)!;
    const shown = lines.join(' ').split(' ').length - 1;
    expect(last).toMatch(new RegExp(`\\+${30 - shown}$`));
    expect(cellIdLines(['R-1', 'R-2'], new Map([['R-2', 'down']]), 10.5, 82, 3)).toEqual(['▼R-2 R-1']);
  });

  it('IDs typed with spaces ("R - 3") are shown in a cell without them, so neighbours read apart', () => {
    expect(cellId('R - 3')).toBe('R-3');
    const scale = PICTURE_SCALES['3x3'];
    const input = {
      ...heatMapInput(scale, 0),
      map: heatMap([pictureRisk('R - 3', 1, 1), pictureRisk('R - 6', 1, 1)], scale),
    };
    expect(heatMapSvg({ ...input, moved: new Map([['R - 6', 'up']]) }).svg).toContain('>▲R-6 R-3<');
  });

  it('an ID longer than the cell is cut with "…" and the IDs after it still show', () => {
    expect(cellIdLines(['ESTATES-RISK-00012', 'R-1'], new Map(), 10.5, 82, 3)).toEqual(['ESTATES-RIS…', 'R-1']);
  });
});

describe('the trend ledger', () => {
  const line = (date: IsoDate, value: Record<string, number>, board = 'default'): AuditEntry =>
    ({ ...countsRecord(board, date, value, `${date}T09:00:00Z`) }) as AuditEntry;

  it("when a board has had many digests, the trend takes its last 11 and today's, one a date, oldest first", () => {
    const audit = [
      ...Array.from({ length: 14 }, (_, i) =>
        line(`2026-08-${String(i + 10).padStart(2, '0')}` as IsoDate, { High: i }),
      ),
      line('2026-08-23', { High: 99 }),
      line('2026-08-22', { High: 5 }, 'other-board'),
    ];
    const history = countsHistory(audit, 'default', { date: '2026-08-30', counts: { High: 1 } });
    expect(history).toHaveLength(12);
    expect(history[0]!.date).toBe('2026-08-13');
    expect(history.at(-2)).toEqual({ date: '2026-08-23', counts: { High: 99 } });
    expect(history.at(-1)).toEqual({ date: '2026-08-30', counts: { High: 1 } });
  });
});
