import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { SCALE_PRESETS } from '../../src/config/scale-presets.js';
import type { CellValue } from '../../src/domain/cell.js';
import type { Scale } from '../../src/domain/items/scale.js';
import { findTabs } from '../../src/domain/register/find-tabs.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Register } from '../../src/domain/register/register.js';
import type { StatusState } from '../../src/domain/register/status-words.js';
import {
  ACTION_PLAN_TEMPLATE,
  FORPM_RISK_REGISTER,
  HEALTH_RISK_REGISTER,
  MILITARY_ACTION_PLAN,
  NOTION_RISK_REGISTER,
  PMI_RISK_REGISTER,
  PRINCE2_RISK_REGISTER,
  PROJECT_ACTION_ITEMS,
  type PublicTemplate,
} from '../helpers/public-templates.js';

/**
 * Whole registers shaped like public templates, read as the stores read them
 * (tabs found by title or by what their headers hold), each with what a person
 * reading the template would say of it: each risk's rating and band, each
 * item's dates and state, and the problems on the template's own tabs.
 */

const settings = loadSettings();
const TODAY = '2026-11-23';

/** Rows a person adds to a template's tabs, by tab title, below the template's own. */
type ExtraRows = Record<string, CellValue[][]>;

/** The register a store holding the template's tabs (and rows added to them) would hand the core, read on TODAY. */
function readTemplate(template: PublicTemplate, extra: ExtraRows = {}): Register {
  const sources = Object.entries(template.grids).map(([title, rows]) => ({
    title,
    grid: [...rows, ...(extra[title] ?? [])].map((cells, i) => ({ row: i + 1, cells })),
  }));
  const scale = structuredClone(SCALE_PRESETS[template.scale]) as Scale;
  return readRegister({ source: template.name, tabs: findTabs(sources, settings.tabs) }, { ...settings, scale }, TODAY);
}

/** A risk as a person reads it off the sheet: ID, rating, band, target resolution date, state. */
type RiskSeen = [id: string, rating: number | null, band: string | null, target: string | null, state: StatusState];
/** An action as a person reads it off the sheet: ID, target date, date closed, state. */
type ActionSeen = [id: string, target: string | null, closed: string | null, state: StatusState];
/** A problem where a person would look for it: sheet row, column header, code, severity. */
type ProblemSeen = [row: number | null, column: string | null, code: string, severity: 'error' | 'warning'];

interface Expected {
  risks: RiskSeen[];
  actions: ActionSeen[];
  problems: ProblemSeen[];
}

const risksSeen = (register: Register): RiskSeen[] =>
  register.risks.map((r) => [r.id, r.rating, r.band?.label ?? null, r.target.targetDate, r.state]);
const actionsSeen = (register: Register): ActionSeen[] =>
  register.actions.map((a) => [a.id, a.target.targetDate, a.dateClosed, a.state]);

/** Problems on the template's own tabs; the tabs it does not have are checked apart. */
const problemsSeen = (register: Register, template: PublicTemplate): ProblemSeen[] =>
  register.problems
    .filter((p) => Object.hasOwn(template.grids, p.tab))
    .map((p) => [p.row, p.column, p.code, p.severity]);

/** A table row per template, named for the test title. */
const byTemplate = (rows: ReadonlyArray<[PublicTemplate, Expected, ExtraRows?]>) =>
  rows.map(([template, expected, extra]) => ({ name: template.name, template, expected, extra: extra ?? {} }));

const AS_PUBLISHED = byTemplate([
  [
    PRINCE2_RISK_REGISTER,
    {
      // Probability x Impact on Low/Medium/High: High x Medium, Medium x High, Low x High. No target
      // date column: PRINCE2 gives a proximity ("Within stage"), not a date.
      risks: [
        ['R001', 6, 'High', null, 'open'],
        ['R002', 6, 'High', null, 'open'],
        ['R003', 3, 'Medium', null, 'closed'],
      ],
      actions: [],
      problems: [],
    },
  ],
  [
    PMI_RISK_REGISTER,
    {
      // 4 x 3 and 3 x 4 on the 5x5 matrix: 12, High, as the form's own Score says.
      risks: [
        ['RISK-001', 12, 'High', null, 'open'],
        ['RISK-002', 12, 'High', null, 'open'],
      ],
      actions: [],
      problems: [],
    },
  ],
  [
    FORPM_RISK_REGISTER,
    {
      // No status column: both are open. The owner assignment tab is not a second register.
      risks: [
        ['R1', 9, 'High', null, 'open'],
        ['R2', 4, 'Medium', null, 'open'],
      ],
      actions: [],
      problems: [],
    },
  ],
  [
    NOTION_RISK_REGISTER,
    {
      // Likelihood Medium x Impact High, Low x High, as the Risk Level column says; "Not Started" is
      // Notion's own word for a status not yet begun, so the risk is open and nothing is wrong.
      risks: [
        ['RSK-1', 6, 'High', '2026-03-31', 'open'],
        ['RSK-2', 3, 'Medium', '2026-05-01', 'open'],
      ],
      actions: [],
      problems: [],
    },
  ],
  [
    HEALTH_RISK_REGISTER,
    {
      // The template scores each risk (Current Risk Score 12 and 16) but has no consequence
      // score, only text under "Consequences": with no impact to multiply, the sheet's own score
      // is the rating, banded on the 5x5 matrix; `check` lists Impact as not found.
      risks: [
        ['LD 01', 12, 'High', null, 'open'],
        ['LD 02', 16, 'Extreme', null, 'open'],
      ],
      actions: [],
      problems: [],
    },
  ],
  [
    PROJECT_ACTION_ITEMS,
    {
      // Due 31 Dec 2018, 3 Jan 2019 (completed that day), 21 Jan 2019 (deferred: open, not chased).
      risks: [],
      actions: [
        ['1', '2018-12-31', null, 'open'],
        ['2', '2019-01-03', '2019-01-03', 'closed'],
        ['3', '2019-01-21', null, 'open-not-chased'],
      ],
      problems: [],
    },
  ],
  [
    ACTION_PLAN_TEMPLATE,
    {
      // The header says mm.dd.yy, but the example's "30.11.06", finished early against a planned
      // "1.12.06", is day-first: 1 Dec 2006 planned, 30 Nov 2006 done. The work package line 1.1
      // has no lead, status or date: an open item nothing chases.
      risks: [],
      actions: [
        ['1.1', null, null, 'open'],
        ['1.1.1', '2006-12-01', '2006-11-30', 'closed'],
        ['1.1.2', '2006-12-02', '2006-12-02', 'closed'],
        ['1.1.3', '2006-12-05', null, 'open'],
      ],
      problems: [],
    },
  ],
  [
    MILITARY_ACTION_PLAN,
    {
      // Dates as signals write them: 16Jan26 is 16 January 2026. No status column: all open.
      risks: [],
      actions: [
        ['1', '2026-01-16', null, 'open'],
        ['2', '2026-02-20', null, 'open'],
        ['3', '2026-03-02', null, 'open'],
      ],
      problems: [],
    },
  ],
]);

/**
 * The same templates with rows a person adds to them: levels and dates
 * written as people write them, status words the template's own list lacks,
 * and the mistakes a register picks up (a level off the scale, a date that
 * does not exist or has no year, a score that does not add up, an ID twice).
 */
const WITH_ROWS_ADDED = byTemplate([
  [
    PRINCE2_RISK_REGISTER,
    {
      risks: [
        ['R001', 6, 'High', null, 'open'],
        ['R002', 6, 'High', null, 'open'],
        ['R003', 3, 'Medium', null, 'closed'],
        ['R004', 6, 'High', null, 'open'],
        ['R005', null, null, null, 'closed'],
        ['R006', 6, 'High', null, 'open'],
      ],
      actions: [],
      problems: [
        [8, 'Date Registered', 'date_in_future', 'error'],
        [9, 'Probability', 'level_invalid', 'error'],
        [10, 'Risk Identifier', 'id_missing', 'error'],
      ],
    },
    {
      'Risk Register': [
        // Levels as initials; registered on a date still to come (a mistyped month).
        ['R004', 'Project Manager', '2026-12-01', 'Resource', 'Cause: one tester. Event: illness.', 'H', 'M'],
        [
          'R005',
          'Senior User',
          46300, // 5 Oct 2026
          'Technical',
          'Cause: old servers. Event: a disk fails.',
          'Very high',
          'Low',
          '',
          'Imminent',
          'Reduce',
          'Replaced',
          'Closed',
          'Head of IT',
        ],
        ['', 'Project Manager', 46034, 'Schedule', 'A risk written down without its identifier', 'Low', 'Low'],
        [
          'R006',
          'Project Manager',
          46034,
          'Schedule',
          'Cause: the data is dirtier than thought. Event: migration reruns.',
          '2 - Medium',
          'High (3)',
          '',
          'Within stage',
          'Reduce',
          'Trial migration in December',
          'Active',
          'Head of IT',
          'Data Lead',
        ],
      ],
    },
  ],
  [
    PMI_RISK_REGISTER,
    {
      risks: [
        ['RISK-001', 12, 'High', null, 'open'],
        ['RISK-002', 12, 'High', null, 'open'],
        ['RISK-003', 12, 'High', null, 'open-not-chased'],
        ['RISK-004', 10, 'High', null, 'closed'],
        ['RISK-005', null, null, null, 'open'],
      ],
      actions: [],
      problems: [
        [5, 'Score', 'rating_mismatch', 'warning'],
        [6, 'Probability', 'level_invalid', 'error'],
      ],
    },
    {
      'Risk Register': [
        [
          'RISK-003',
          'If the data centre move slips, then the old hardware runs past its support',
          'Infrastructure Lead',
          '4 - Likely',
          '3 (Moderate)',
          12,
          'Accept',
          '',
          '',
          '',
          '',
          'Accepted',
        ],
        // 2 x 5 is 10, not the 12 the form says.
        [
          'RISK-004',
          'If the budget is cut, then phase 2 stops',
          'Sponsor',
          2,
          5,
          12,
          'Transfer',
          1,
          5,
          5,
          '',
          'Closed',
        ],
        // A number and a word for different levels: Rare is 1.
        ['RISK-005', 'If testers are not free, then testing is late', 'Test Lead', '4 - Rare', 3, '', '', '', '', ''],
      ],
    },
  ],
  [
    FORPM_RISK_REGISTER,
    {
      risks: [
        ['R1', 9, 'High', null, 'open'],
        ['R2', 4, 'Medium', null, 'open'],
        ['R3', 2, 'Low', null, 'open'],
        ['R4', null, null, null, 'open'],
        ['r 1', 9, 'High', null, 'open'],
      ],
      actions: [],
      // R1 and "r 1" are one ID: both rows are named.
      problems: [
        [2, 'Risk ID', 'id_duplicated', 'error'],
        [6, 'Risk ID', 'id_duplicated', 'error'],
      ],
    },
    {
      'Risk Register': [
        ['R3', 'Scope grows with late requests', 'Scope', 'Low', 'Medium (2)', 'Mitigate – change control'],
        // Impact not assessed yet: unrated, which is not a mistake.
        ['R4', 'Office move during the project', 'Resource', 'Medium', '', 'Accept'],
        ['r 1', 'Key team member may leave', 'Resource', 'High', 'High', ''],
      ],
    },
  ],
  [
    NOTION_RISK_REGISTER,
    {
      risks: [
        ['RSK-1', 6, 'High', '2026-03-31', 'open'],
        ['RSK-2', 3, 'Medium', '2026-05-01', 'open'],
        ['RSK-3', 9, 'High', '2026-09-30', 'closed'],
        ['RSK-4', 1, 'Low', '2027-03-31', 'open'],
        ['RSK-5', 4, 'Medium', null, 'open'],
        ['RSK-6', 2, 'Low', '2027-01-31', 'open'],
      ],
      actions: [],
      problems: [
        [4, 'Risk Level', 'band_mismatch', 'warning'],
        [6, 'Due Date', 'date_invalid', 'error'],
      ],
    },
    {
      // Dates as Notion exports them ("September 30, 2026").
      'Risk Register 1adb582b661080548161e82dd7f1eea1_all': [
        [
          'RSK-3',
          'Website outage',
          'The public website is down for a day',
          'Technical',
          'CDN in front of the site',
          'High',
          'High',
          'Medium',
          'Treat',
          'Second host on standby',
          'IT Manager',
          'Done',
          'September 30, 2026',
          '',
        ],
        [
          'RSK-4',
          'Phishing',
          'Staff give away passwords',
          'Technical',
          'Training',
          'Low',
          'Low',
          'Low',
          'Treat',
          'Simulated phishing each quarter',
          'IT Manager',
          'In Progress',
          'March 31, 2027',
          'December 1, 2026',
        ],
        // "Q4" of no year: reported, not guessed.
        [
          'RSK-5',
          'Office lease',
          'The landlord does not renew',
          'Operational',
          '',
          'Medium',
          'Medium',
          'Medium',
          'Tolerate',
          '',
          'Office Manager',
          'Not Started',
          'Q4',
          '',
        ],
        // A date range as Notion exports it: due at its end, not its start.
        [
          'RSK-6',
          'Data retention',
          'Records kept past their retention date',
          'Compliance',
          'Retention schedule',
          'Low',
          'Medium',
          'Low',
          'Treat',
          'Quarterly purge',
          'Records Manager',
          'In Progress',
          'December 1, 2026 → January 31, 2027',
          '',
        ],
      ],
    },
  ],
  [
    HEALTH_RISK_REGISTER,
    {
      risks: [
        ['LD 01', 12, 'High', null, 'open'],
        ['LD 02', 16, 'Extreme', null, 'open'],
        // The likelihood cannot be read, so the sheet's score (18) stands, and the likelihood is reported.
        ['LD 03', 18, 'Extreme', null, 'open'],
      ],
      actions: [],
      // Likelihood 6 on a scale of 1 to 5.
      problems: [[5, 'Likelihood', 'level_invalid', 'error']],
    },
    {
      'RISK REGISTER': [
        [
          'LD 03',
          'Failure to make reasonable adjustments in outpatient clinics',
          'Equality',
          'Poorer access to care',
          6,
          18,
          18,
          'Extreme',
          'Clinic audit',
          'Easy-read letters',
          46100, // 19 Mar 2026
          'Director of Nursing',
          'Outpatients Manager',
        ],
      ],
    },
  ],
  [
    PROJECT_ACTION_ITEMS,
    {
      risks: [],
      actions: [
        ['1', '2018-12-31', null, 'open'],
        ['2', '2019-01-03', '2019-01-03', 'closed'],
        ['3', '2019-01-21', null, 'open-not-chased'],
        ['4', '2026-01-16', null, 'open'],
        ['5', null, null, 'open-not-chased'],
        ['6', '2027-01-15', null, 'open'],
        ['7', null, '2026-02-27', 'closed'],
        ['8', '2026-11-24', null, 'closed'],
      ],
      problems: [
        [9, 'Completion Date', 'date_in_future', 'warning'],
        [10, 'Due Date', 'date_invalid', 'error'],
      ],
    },
    {
      'Action Items': [
        // Due the week commencing 12 Jan 2026: by its Friday.
        [4, 46300, 'Order the servers.', 'High', 'Project Manager', 'w/c 12 Jan 2026', null, '', 'Open'],
        // No date yet, on hold: nothing to chase, nothing wrong.
        [5, 46300, 'Agree the test plan.', 'Medium', 'Test Manager', 'TBC', null, 'Waiting on supplier', 'On Hold'],
        // A completion date still to come is a plan, not a fact: the action stays open.
        [6, 46300, 'Hand over to support.', 'Low', 'Service Manager', '15/01/2027', '20/12/2026', '', 'Open'],
        // 30 February does not exist; the completion date closes it all the same.
        [7, 46300, 'Sign the contract.', 'High', 'Commercial Lead', '30/02/2026', 46080, '', 'Closed'],
        [8, 46300, 'Brief the board.', 'Medium', 'Project Manager', 46350, null, '', 'Done - see notes'],
      ],
    },
  ],
  [
    ACTION_PLAN_TEMPLATE,
    {
      risks: [],
      actions: [
        ['1.1', null, null, 'open'],
        ['1.1.1', '2006-12-01', '2006-11-30', 'closed'],
        ['1.1.2', '2006-12-02', '2006-12-02', 'closed'],
        ['1.1.3', '2006-12-05', null, 'open'],
        ['1.2', null, null, 'open'],
        ['1.2.1', '2007-01-15', null, 'open'],
        ['1.2.2', null, null, 'open'],
        ['1.2.3', null, null, 'closed'],
      ],
      // "end of Jan" has no year.
      problems: [[9, 'Planned Finish Date mm.dd.yy', 'date_invalid', 'error']],
    },
    {
      'Action Plan': [
        ['1.2', 'EXAMPLE: Procure hardware'],
        ['1.2.1', 'Get three quotes', 'Buyer', 'M', 'Not Started', '15.1.07', '', ''],
        ['1.2.2', 'Place the order', 'Buyer', 'L', 'Not Started', 'end of Jan', '', ''],
        ['1.2.3', 'Install', 'Technical lead', 'H', 'Complete', '', '', ''],
      ],
    },
  ],
  [
    MILITARY_ACTION_PLAN,
    {
      risks: [],
      actions: [
        ['1', '2026-01-16', null, 'open'],
        ['2', '2026-02-20', null, 'open'],
        ['3', '2026-03-02', null, 'open'],
        ['4', '2026-03-10', null, 'open'],
        ['5', '2026-03-31', null, 'open'],
        ['6', null, null, 'open'],
      ],
      problems: [],
    },
    {
      Sheet1: [
        // No later than 10 March 2026.
        [4, 'Rations', 'Confirm ration scales with the caterer.', 'NLT 10 Mar 26', 'SO3 Logistics'],
        [5, 'Medical', 'Brief the medical plan to unit medics.', '31Mar26', 'SO2 Medical'],
        [6, 'Security', 'Issue the security instruction.', 'TBC', 'SO2 Security'],
      ],
    },
  ],
]);

describe('reading whole registers shaped like public templates', () => {
  it.each(AS_PUBLISHED)(
    'when the register is the $name as published, then its ratings, dates, states and problems are as a person would read them',
    ({ template, expected }) => {
      const register = readTemplate(template);
      expect(risksSeen(register)).toEqual(expected.risks);
      expect(actionsSeen(register)).toEqual(expected.actions);
      expect(problemsSeen(register, template)).toEqual(expected.problems);
    },
  );

  it.each(WITH_ROWS_ADDED)(
    'when rows are added to the $name, then each reads as a person would expect and each mistake is reported where it is',
    ({ template, expected, extra }) => {
      const register = readTemplate(template, extra);
      expect(risksSeen(register)).toEqual(expected.risks);
      expect(actionsSeen(register)).toEqual(expected.actions);
      expect(problemsSeen(register, template)).toEqual(expected.problems);
    },
  );

  it.each(AS_PUBLISHED)(
    'when the register is the $name, then the only problems off its own tabs are tabs it does not have',
    ({ template }) => {
      const register = readTemplate(template);
      const elsewhere = register.problems.filter((p) => !Object.hasOwn(template.grids, p.tab));
      expect(elsewhere.every((p) => p.code === 'tab_missing')).toBe(true);
    },
  );

  it('when a template records when a risk was raised or reviewed, then those are its dates', () => {
    const prince2 = readTemplate(PRINCE2_RISK_REGISTER);
    expect(prince2.risks.map((r) => r.dateRaised)).toEqual(['2026-01-12', '2026-02-02', '2026-01-12']);
    const health = readTemplate(HEALTH_RISK_REGISTER);
    expect(health.risks.map((r) => r.dateLastUpdated)).toEqual(['2026-01-20', '2026-02-16']);
    expect(health.risks.map((r) => r.probability)).toEqual([3, 4]);
  });
});
