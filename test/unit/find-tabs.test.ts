import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { findTabs, titlesToRead } from '../../src/domain/register/find-tabs.js';
import { mapTab } from '../../src/domain/register/mapped-tab.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
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

const { tabs: layouts } = loadSettings();

const sourcesOf = (grids: Record<string, CellValue[][]>) =>
  Object.entries(grids).map(([title, rows]) => ({ title, grid: rows.map((cells, i) => ({ row: i + 1, cells })) }));

const found = (grids: Record<string, CellValue[][]>) => findTabs(sourcesOf(grids), layouts);

/** Each field's column as the header the sheet gives it. */
function headersByField(grids: Record<string, CellValue[][]>, key: TabKey): Record<string, string> {
  const raw = found(grids)[key];
  const { columns } = mapTab(raw, layouts[key].headers);
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, raw.headers[column]!]));
}

/** A table row per template, named for the test title. */
const byTemplate = <T extends object>(rows: ReadonlyArray<[PublicTemplate, T]>) =>
  rows.map(([template, expected]) => ({ name: template.name, template, ...expected }));

describe('finding the tabs of registers shaped like public templates', () => {
  it.each(
    byTemplate<{ risks: string | null; actions: string | null; headerRow: number }>([
      [PRINCE2_RISK_REGISTER, { risks: 'Risk Register', actions: null, headerRow: 4 }],
      [PMI_RISK_REGISTER, { risks: 'Risk Register', actions: null, headerRow: 1 }],
      [FORPM_RISK_REGISTER, { risks: 'Risk Register', actions: null, headerRow: 1 }],
      [
        NOTION_RISK_REGISTER,
        { risks: 'Risk Register 1adb582b661080548161e82dd7f1eea1_all', actions: null, headerRow: 1 },
      ],
      [HEALTH_RISK_REGISTER, { risks: 'RISK REGISTER', actions: null, headerRow: 2 }],
      [PROJECT_ACTION_ITEMS, { risks: null, actions: 'Action Items', headerRow: 3 }],
      [ACTION_PLAN_TEMPLATE, { risks: null, actions: 'Action Plan', headerRow: 2 }],
      [MILITARY_ACTION_PLAN, { risks: null, actions: 'Sheet1', headerRow: 1 }],
    ]),
  )(
    'when the register is the $name, then risks are on $risks and actions on $actions',
    ({ template, risks, actions, headerRow }) => {
      const tabs = found(template.grids);
      expect(tabs.risks.found ? tabs.risks.title : null).toBe(risks);
      expect(tabs.actions.found ? tabs.actions.title : null).toBe(actions);
      expect(tabs.people.found).toBe(false);
      expect((tabs.risks.found ? tabs.risks : tabs.actions).headerRow).toBe(headerRow);
    },
  );

  it.each(
    byTemplate<{ key: TabKey; fields: Record<string, string> }>([
      [
        PRINCE2_RISK_REGISTER,
        {
          key: 'risks',
          fields: {
            id: 'Risk Identifier',
            dateRaised: 'Date Registered',
            description: 'Risk Description',
            probability: 'Probability',
            impact: 'Impact',
            mitigatingActions: 'Risk Response',
            status: 'Risk Status',
            owner: 'Risk Owner',
            actionOwner: 'Risk Actionee',
          },
        },
      ],
      [
        PMI_RISK_REGISTER,
        {
          key: 'risks',
          fields: { id: 'Risk ID', description: 'Risk Statement', rating: 'Score', mitigatingActions: 'Response' },
        },
      ],
      [FORPM_RISK_REGISTER, { key: 'risks', fields: { mitigatingActions: 'Response Strategy' } }],
      [
        NOTION_RISK_REGISTER,
        {
          key: 'risks',
          fields: {
            description: 'Risk Description',
            probability: 'Likelihood',
            band: 'Risk Level',
            mitigatingActions: 'Treatment Strategy',
            targetResolution: 'Due Date',
          },
        },
      ],
      [
        HEALTH_RISK_REGISTER,
        {
          key: 'risks',
          fields: {
            id: 'Risk Reference',
            impactOnProgramme: 'Consequences',
            rating: 'Current Risk Score',
            mitigatingActions: 'Summary Risk Treatment Plan (Corporate)',
            owner: '(Corporate) Risk Owner',
            actionOwner: '(Corporate) Action Owners',
          },
        },
      ],
      [
        PROJECT_ACTION_ITEMS,
        {
          key: 'actions',
          fields: {
            id: 'Action Item No.',
            action: 'Description',
            lead: 'Responsible Party',
            targetDate: 'Due Date',
            latestNote: 'Progress Notes',
            status: 'Status',
          },
        },
      ],
      [
        ACTION_PLAN_TEMPLATE,
        {
          key: 'actions',
          fields: {
            id: 'No',
            lead: 'Responsible',
            status: 'Status\nNot Started / Started / Complete',
            targetDate: 'Planned Finish Date\nmm.dd.yy',
          },
        },
      ],
      [
        MILITARY_ACTION_PLAN,
        { key: 'actions', fields: { id: 'Ser no', action: 'Action', lead: 'Action lead', targetDate: 'Due date' } },
      ],
    ]),
  )(
    'when the register is the $name, then its $key columns are read as a person would expect',
    ({ template, key, fields }) => {
      expect(headersByField(template.grids, key)).toMatchObject(fields);
    },
  );
});

describe('finding tabs by what they hold', () => {
  const riskLog = [
    ['Ref', 'Risk', 'Likelihood', 'Impact', 'Owner'],
    ['R1', 'Budget cut', 2, 3, 'Finance lead'],
  ];
  const plan = [
    ['ID', 'Task', 'Lead', 'Due date', 'Progress'],
    ['A1', 'Draft the strategy', 'Head of Strategy', 46112, '20%'],
  ];
  const people = [
    ['Name', 'Slack user', 'Email'],
    ['Finance lead', 'U0FIN', 'fin@example.org'],
  ];

  it('when every tab has another title, then each is found by its headers', () => {
    const tabs = found({ 'Risk register': riskLog, Plan: plan, Contacts: people });
    expect([tabs.risks.title, tabs.actions.title, tabs.people.title]).toEqual(['Risk register', 'Plan', 'Contacts']);
    expect(tabs.risks.rows.map((row) => row.cells[0])).toEqual(['R1']);
  });

  it('when a tab has the configured title, then it is read even if another tab looks more like it', () => {
    const tabs = found({
      Actions: [
        ['Action ID', 'Action'],
        ['A-1', 'x'],
      ],
      'Plan 2026': plan,
    });
    expect(tabs.actions.title).toBe('Actions');
  });

  it('when two tabs fit, then the one naming more of the fields wins, and a lookup list is not taken for the register', () => {
    const lookups = [
      ['Likelihood', 'Impact'],
      [1, 1],
      [2, 2],
    ];
    const tabs = found({ Lookups: lookups, 'Sheet 2': riskLog });
    expect(tabs.risks.title).toBe('Sheet 2');
  });

  it('when two tabs fit equally, then the one whose title says so wins', () => {
    const issues = riskLog.map((row) => [...row]);
    const tabs = found({ 'Issue log': issues, 'Risk log': riskLog });
    expect(tabs.risks.title).toBe('Risk log');
  });

  it('when a tab names too little, or as much of one kind as of another, then it is taken for neither', () => {
    const tabs = found({
      Notes: [['Status', 'Owner', 'Likelihood']],
      Mixed: [['Likelihood', 'Impact', 'Timescale', 'Progress']],
    });
    expect([tabs.risks.found, tabs.actions.found, tabs.people.found]).toEqual([false, false, false]);
    expect(tabs.risks.title).toBe('Risks');
  });

  it('when no tab is titled Audit log, then none is taken for it by its headers', () => {
    const tabs = found({ Plan: plan, History: [['When', 'Who', 'Item', 'Field', 'Old value', 'New value']] });
    expect(tabs.audit.found).toBe(false);
  });

  it('when every tab looked for by its headers has its title, then only the titled tabs are read', () => {
    expect(titlesToRead(['Risks', 'Lookups', 'actions', 'People', 'Audit log'], layouts)).toEqual([
      'Risks',
      'actions',
      'People',
      'Audit log',
    ]);
    expect(titlesToRead(['Risk register', 'Lookups'], layouts)).toEqual(['Risk register', 'Lookups']);
  });
});
