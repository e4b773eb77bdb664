import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { deepMerge, loadSettings } from '../../src/config/load-settings.js';
import { resolveSettings } from '../../src/config/settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { findTabs } from '../../src/domain/register/find-tabs.js';
import type { RegisterHalf } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { checkMessage } from '../../src/messages/check-message.js';
import { answerQuestion } from '../../src/use-cases/answer-question.js';
import { boardDigest } from '../../src/use-cases/board-digest.js';
import { PRINCE2_RISK_REGISTER, PROJECT_ACTION_ITEMS, type PublicTemplate } from '../helpers/public-templates.js';

const settings = loadSettings();
const TODAY = '2026-11-23';

function read(template: PublicTemplate, keeps?: RegisterHalf[]) {
  const sources = Object.entries(template.grids).map(([title, rows]) => ({
    title,
    grid: rows.map((cells: CellValue[], i) => ({ row: i + 1, cells })),
  }));
  const raw = { source: `${template.name}.xlsx`, tabs: findTabs(sources, settings.tabs) };
  return readRegister(raw, { ...settings, ...(keeps ? { keeps } : {}) }, TODAY);
}

const digestText = (template: PublicTemplate) => renderText(boardDigest(read(template), settings, TODAY).message);

describe('a register keeping one half', () => {
  it('when a plan is kept alone, then the digest is an action plan digest with no heat map, top risks or reviews', () => {
    const text = digestText(PROJECT_ACTION_ITEMS);
    expect(text).toContain('action plan digest');
    expect(text).toContain('2 open actions, 1 overdue');
    expect(text).toContain('Overdue (1)');
    expect(text).toContain('Slipped more than once');
    for (const riskPart of ['Impact', 'Top risks', 'Reviews overdue', 'reviewed on time', 'open risk'])
      expect(text).not.toContain(riskPart);
  });

  it('when a risk log is kept alone, then the digest is a risk digest with no plan sections', () => {
    const text = digestText(PRINCE2_RISK_REGISTER);
    expect(text).toContain('risk digest');
    expect(text).not.toContain('risk and action');
    expect(text).toContain('Top risks');
    expect(text).toContain('Reviews overdue');
    expect(text).not.toContain('Slipped more than once');
  });

  it('when the plan is missing and the settings do not say so, then check passes with a warning naming the setting', () => {
    const register = read(PRINCE2_RISK_REGISTER);
    expect(register.holds).toEqual({ risks: true, actions: false });
    expect(register.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const missing = register.problems.find((p) => p.code === 'tab_missing' && p.tab === 'Actions');
    expect(missing?.message).toContain('"keeps": ["risks"]');
    expect(renderText(checkMessage(register))).toContain('Read 3 risks and no plan.');
  });

  it.each(['top 5 risks', 'which reviews are overdue?'])(
    'when "%s" is asked of a plan kept alone, then the answer says there is no risk log, not an empty list',
    (text) => {
      const answer = renderText(
        answerQuestion(read(PROJECT_ACTION_ITEMS), { text, askerId: 'U1', today: TODAY }, settings),
      );
      expect(answer).toContain('This register keeps no risk log, only a plan');
      expect(answer).not.toContain('reviewed on time');
    },
  );

  it('when the settings say the register keeps a plan alone, then check says nothing of risks', () => {
    const register = read(PROJECT_ACTION_ITEMS, ['actions']);
    const text = renderText(checkMessage(register));
    expect(text).toContain('Read no risk log and 3 actions.');
    expect(register.problems.filter((p) => p.tab === 'Risks')).toEqual([]);
    expect(text).not.toMatch(/Risks: the workbook has no/);
  });
});

describe('a register with neither half readable', () => {
  const grids = {
    Sheet1: [
      ['Name', 'Colour', 'Size'],
      ['A', 'red', 3],
    ],
  };
  const template: PublicTemplate = { name: 'colours', url: '', scale: '3x3', grids };

  it('when a digest is asked for, then it is refused naming what is missing, never an empty "nothing overdue" report', () => {
    expect(() => boardDigest(read(template), settings, TODAY)).toThrow(
      /holds neither a risk log nor a plan the bot can read \(.*no "Actions" tab.*no "Risks" tab\); run risk-bot check/,
    );
  });

  it('when the risk tab is there but has no ID column, then it is not held, and the digest is refused', () => {
    const noIds: PublicTemplate = {
      ...template,
      grids: {
        Risks: [
          ['Description', 'Impact', 'Likelihood'],
          ['Supplier late', 2, 3],
        ],
      },
    };
    const register = read(noIds, ['risks']);
    expect(register.holds).toEqual({ risks: false, actions: false });
    expect(() => boardDigest(register, settings, TODAY)).toThrow(/cannot be read/);
  });
});

describe("check's report of columns", () => {
  const report = renderText(checkMessage(read(PRINCE2_RISK_REGISTER)));

  it('lists each column the bot does not read, by letter and header, with the settings line that would map it', () => {
    expect(report).toContain('Columns of "Risk Register" (risks, headers on row 4)');
    for (const [letter, header] of [
      ['B', 'Risk Author'],
      ['D', 'Risk Category'],
      ['H', 'Expected Value'],
      ['I', 'Proximity'],
      ['J', 'Risk Response Category'],
    ])
      expect(report).toContain(
        `${letter} "${header}": not read; to read it as a field, add it to that field's names: "tabs": { "risks": { "headers": { "<field>": ["${header}"] } } }`,
      );
  });

  it('lists each field looked for and not found, in words, with the names tried and the settings line', () => {
    expect(report).toContain(
      'no target resolution date column (looked for "Target resolution date", "Resolution date", "Target date"…); if the tab has one under another header: "tabs": { "risks": { "headers": { "targetResolution": ["<its header>"] } } }',
    );
    expect(report).toMatch(/no date last updated column/);
    // Fields the template has are not listed as missing.
    expect(report).not.toMatch(/no (impact|probability|ID|description) column/);
  });

  it('notes a column that is a second name for a field read from another column', () => {
    const grids = {
      Risks: [
        ['ID', 'Description', 'Prob', 'Likelihood score', 'Impact', 'Owner'],
        ['R1', 'Supplier late', 2, 2, 3, 'Head of IT'],
      ],
    };
    const template: PublicTemplate = { name: 'two probability columns', url: '', scale: '3x3', grids };
    const text = renderText(checkMessage(read(template)));
    expect(text).toMatch(
      /D "Likelihood score": not read; another name for probability, which is read from another column/,
    );
  });
});

describe('the keeps setting', () => {
  const base = JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8'));
  const keeping = (keeps: unknown) => resolveSettings(deepMerge(base, { keeps }), 'board.json');

  it('when it names one half, then the settings keep that half alone', () => {
    expect(keeping(['actions']).keeps).toEqual(['actions']);
    expect(loadSettings().keeps).toEqual(['risks', 'actions']);
  });

  it.each([
    [['plan'], /keeps\[0\]: must be "risks" or "actions", not "plan"/],
    [[], /keeps: name "risks", "actions" or both/],
    [['risks', 'risks'], /keeps: names a half twice/],
  ])('when it is %j, then the settings are refused naming the key', (keeps, message) => {
    expect(() => keeping(keeps)).toThrow(message);
  });
});
