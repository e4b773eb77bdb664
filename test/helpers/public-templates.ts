import type { CellValue } from '../../src/domain/cell.js';

/**
 * Registers shaped like public risk-register and action-plan templates, none
 * written by this project: each tab's title, the lines above its headers
 * where the template has them, its header line as written (line breaks
 * included), and two or three rows as the template's own examples look.
 * Date cells are spreadsheet serial numbers, as stores hand them to the
 * core; dates typed as text stay text. Data only: tests state what they
 * expect of each shape themselves. Add shapes at the end.
 */
export interface PublicTemplate {
  /** What the template is, as its publisher calls it. */
  name: string;
  /** Where it is published. */
  url: string;
  /** The scale its levels are written on. */
  scale: '3x3' | '5x5-nhs';
  /** Tab title → rows from row 1, as the memory store and the fake Sheets API take them. */
  grids: Record<string, CellValue[][]>;
}

/**
 * PRINCE2 risk register: the composition AXELOS gives (A.25), laid out as the
 * OGC spreadsheet template does, with its title above the header line.
 * https://publications.axelos.com/PRINCE2Agile2016/content.aspx?page=pra_204&showNav=true&expandNav=true
 * https://ro.scribd.com/document/121733944/Prince2-Risk-register
 */
export const PRINCE2_RISK_REGISTER: PublicTemplate = {
  name: 'PRINCE2 risk register (AXELOS A.25)',
  url: 'https://publications.axelos.com/PRINCE2Agile2016/content.aspx?page=pra_204&showNav=true&expandNav=true',
  scale: '3x3',
  grids: {
    'Risk Register': [
      ['PRINCE2 - Risk Register'],
      ['Project Name:', 'Case management system replacement'],
      [],
      [
        'Risk Identifier',
        'Risk Author',
        'Date Registered',
        'Risk Category',
        'Risk Description',
        'Probability',
        'Impact',
        'Expected Value',
        'Proximity',
        'Risk Response Category',
        'Risk Response',
        'Risk Status',
        'Risk Owner',
        'Risk Actionee',
      ],
      [
        'R001',
        'Project Manager',
        46034, // 12 Jan 2026
        'Schedule',
        'Cause: one supplier for data migration. Event: the supplier delivers late. Effect: go-live slips a stage.',
        'High',
        'Medium',
        '£40,000',
        'Within stage',
        'Reduce',
        'Weekly checkpoint with the supplier; penalty clause agreed',
        'Active',
        'Head of IT',
        'Supplier Manager',
      ],
      [
        'R002',
        'Senior User',
        46055, // 2 Feb 2026
        'Quality',
        'Cause: staff trained before the system is stable. Event: training is forgotten. Effect: errors after go-live.',
        'Medium',
        'High',
        '£15,000',
        'Within project',
        'Reduce',
        'Refresher sessions the week before go-live',
        'Active',
        'Training Lead',
        'Training Lead',
      ],
      [
        'R003',
        'Project Manager',
        46034,
        'Legal',
        'Cause: contract not signed. Event: the licence lapses. Effect: no system to migrate from.',
        'Low',
        'High',
        '£5,000',
        'Imminent',
        'Avoid',
        'Contract signed 20 Jan',
        'Closed',
        'Commercial Director',
        'Commercial Director',
      ],
    ],
  },
};

/**
 * PMI's risk register form (Project Management Planning Forms, 2.32, for the
 * PMBOK Guide 6th edition): risk statement, scores before and after response.
 * https://scribd.com/document/636869859/Risk-Register
 */
export const PMI_RISK_REGISTER: PublicTemplate = {
  name: 'PMI planning forms: risk register (PMBOK Guide)',
  url: 'https://scribd.com/document/636869859/Risk-Register',
  scale: '5x5-nhs',
  grids: {
    'Risk Register': [
      [
        'Risk ID',
        'Risk Statement',
        'Risk Owner',
        'Probability',
        'Impact',
        'Score',
        'Response',
        'Revised Probability',
        'Revised Impact',
        'Revised Score',
        'Actions',
        'Status',
        'Comments',
      ],
      [
        'RISK-001',
        'If the vendor API changes before integration testing, then rework will delay testing by two weeks',
        'Integration Lead',
        4,
        3,
        12,
        'Mitigate',
        2,
        3,
        6,
        'Pin the API version in the contract; weekly call with the vendor',
        'Open',
        'Vendor confirmed a freeze until March',
      ],
      [
        'RISK-002',
        'If key staff leave during the build, then knowledge of the legacy data is lost',
        'Project Manager',
        3,
        4,
        12,
        'Mitigate',
        2,
        4,
        8,
        'Pair each specialist with a second person; document the data model',
        'Open',
        '',
      ],
    ],
  },
};

/**
 * A PMBOK-style risk register from forpm.net: the register itself, and the
 * risk owner assignment table beside it (a second tab that names risks too).
 * https://forpm.net/?p=2572
 */
export const FORPM_RISK_REGISTER: PublicTemplate = {
  name: 'forpm.net risk register (PMI standards)',
  url: 'https://forpm.net/?p=2572',
  scale: '3x3',
  grids: {
    'Risk Register': [
      ['Risk ID', 'Risk Description', 'Category', 'Probability', 'Impact', 'Response Strategy'],
      ['R1', 'Key team member may leave', 'Resource', 'High', 'High', 'Mitigate – cross-train team members'],
      ['R2', 'Supplier price rise above budget', 'Cost', 'Medium', 'Medium', 'Accept – hold contingency'],
    ],
    'Risk Owner Assignment': [
      ['Risk ID', 'Risk Owner', 'Responsibility'],
      ['R1', 'Project Manager', 'Ensure backup staffing plan is executed'],
      ['R2', 'Finance Lead', 'Track supplier prices monthly'],
    ],
  },
};

/**
 * A project action items list: title lines, then one row per action with its
 * priority, responsible party, due and completion dates and status.
 * https://www.scribd.com/document/620668226/project-actions-template
 */
export const PROJECT_ACTION_ITEMS: PublicTemplate = {
  name: 'Project action items template',
  url: 'https://www.scribd.com/document/620668226/project-actions-template',
  scale: '3x3',
  grids: {
    'Action Items': [
      ['PROJECT ACTION ITEMS'],
      ['PROJECT FULL PROJECT NAME:', 'Orion upgrade', 'PROJECT MANAGER:', 'Andrew Smith'],
      [
        'Action Item No.',
        'Date Opened',
        'Description',
        'Priority',
        'Responsible Party',
        'Due Date',
        'Completion Date',
        'Progress Notes',
        'Status',
      ],
      [
        1,
        43449, // 15 Dec 2018
        'Complete job description for the project assistant.',
        'Medium',
        'Project Manager',
        43465, // 31 Dec 2018
        null,
        'Awaiting review from the project sponsor.',
        'Open',
      ],
      [
        2,
        43457, // 23 Dec 2018
        'Finalise the project plan.',
        'High',
        'Project Manager',
        43468, // 3 Jan 2019
        43468,
        'Completed and with the Project Board for approval.',
        'Closed',
      ],
      [
        3,
        43467, // 2 Jan 2019
        'Book resources for design phase.',
        'Low',
        'Resource Manager',
        43486, // 21 Jan 2019
        null,
        'Requires PID approval first.',
        'Deferred',
      ],
    ],
  },
};

/**
 * An action plan for smaller teams: numbered activities under work packages,
 * headers that explain themselves on a second line, dates typed as text.
 * https://www.scribd.com/document/657437491/Action-Plan-Template
 */
export const ACTION_PLAN_TEMPLATE: PublicTemplate = {
  name: 'Action plan template (work packages broken into activities)',
  url: 'https://www.scribd.com/document/657437491/Action-Plan-Template',
  scale: '3x3',
  grids: {
    'Action Plan': [
      ['<Insert Project Name> Action Plan'],
      [
        'No',
        'Action',
        'Responsible',
        'Priority\nHigh/Med/Low',
        'Status\nNot Started / Started / Complete',
        'Planned Finish Date\nmm.dd.yy',
        'Actual Finish Date\nmm.dd.yy',
        'Notes',
      ],
      ['1.1', 'EXAMPLE: Write technical spec'],
      ['1.1.1', 'First draft', 'Technical lead', 'H', 'Complete', '1.12.06', '30.11.06', 'Finished early'],
      ['1.1.2', 'Edit first draft', 'Project Manager', 'M', 'Complete', '2.12.06', '2.12.06', ''],
      ['1.1.3', 'Second draft', 'Technical lead', 'H', 'Started', '5.12.06', '', 'Requires more research'],
    ],
  },
};

/**
 * A risk register kept in Notion and exported to CSV: the file is named
 * after the database, with its ID, so the one tab has neither title the
 * bot is configured with.
 * https://florentine-aspen-457.notion.site/How-to-use-1adb582b661080548161e82dd7f1eea1
 */
export const NOTION_RISK_REGISTER: PublicTemplate = {
  name: 'Notion risk register (exported to CSV)',
  url: 'https://florentine-aspen-457.notion.site/How-to-use-1adb582b661080548161e82dd7f1eea1',
  scale: '3x3',
  grids: {
    'Risk Register 1adb582b661080548161e82dd7f1eea1_all': [
      [
        'Risk ID',
        'Risk Name',
        'Risk Description',
        'Risk Category',
        'Risk Controls',
        'Likelihood',
        'Impact',
        'Risk Level',
        'Risk Treatment',
        'Treatment Strategy',
        'Owner',
        'Status',
        'Due Date',
        'Next Review Date',
      ],
      [
        'RSK-1',
        'Laptop theft',
        'A laptop with client data is stolen from a car',
        'Technical',
        'Disk encryption on all laptops',
        'Medium',
        'High',
        'High',
        'Treat',
        'Remote wipe for all devices; staff reminder',
        'IT Manager',
        'In Progress',
        '2026-03-31',
        '2026-06-30',
      ],
      [
        'RSK-2',
        'Key supplier failure',
        'Our only payroll provider stops trading',
        'Operational',
        'Annual supplier review',
        'Low',
        'High',
        'Medium',
        'Transfer',
        'Second provider on standby under contract',
        'Finance Director',
        'Not Started',
        '2026-05-01',
        '2026-04-15',
      ],
    ],
  },
};

/**
 * An action plan as defence correspondence sets it out: an annex table of
 * serial number, subject, action, due date and action lead (by job title).
 * https://smesta.mod.gov.rs/formats_of_military_correspondence/action_plan.93.html
 */
export const MILITARY_ACTION_PLAN: PublicTemplate = {
  name: 'Action plan (format of military correspondence)',
  url: 'https://smesta.mod.gov.rs/formats_of_military_correspondence/action_plan.93.html',
  scale: '3x3',
  grids: {
    Sheet1: [
      ['Ser no', 'Item (or Subject)', 'Action', 'Due date', 'Action lead'],
      [1, 'Accommodation', 'Confirm numbers and book the transit camp.', '16Jan26', 'SO2 Logistics'],
      [2, 'Training', 'Issue the range safety brief to all units.', '20Feb26', 'SO3 Training'],
      [3, 'Transport', 'Request coaches for the move forward.', '02Mar26', 'SO2 Logistics'],
    ],
  },
};

/**
 * A health-service risk register spreadsheet: reference, description, source
 * and consequences of the risk, likelihood and scores, controls and a
 * treatment plan, review date, and "(Corporate)" owners.
 * http://www.docstoc.com/docs/34597748/Risk-Register-(Excel)
 */
export const HEALTH_RISK_REGISTER: PublicTemplate = {
  name: 'Health-service risk register (Excel)',
  url: 'http://www.docstoc.com/docs/34597748/Risk-Register-(Excel)',
  scale: '5x5-nhs',
  grids: {
    'RISK REGISTER': [
      ['RISK REGISTER'],
      [
        'Risk Reference',
        'Description',
        'Source of Risk',
        'Consequences',
        'Likelihood',
        'Current Risk Score',
        'Previous Risk Score',
        'Residual Risk rating',
        'Controls',
        'Summary Risk Treatment Plan (Corporate)',
        'Date of Review',
        '(Corporate) Risk Owner',
        '(Corporate) Action Owners',
      ],
      [
        'LD 01',
        'Healthcare for All – a failure to meet DoH targets set by "Valuing People" on Health Action Plans and Health Facilitators',
        'Policy',
        'Poorer health outcomes for people with learning disabilities; reputational damage',
        3,
        12,
        12,
        'High',
        'POLICY: Healthcare For All. OVERSIGHT: Board / LD Board. MONITORING: Health Facilitator in post; audits; team visits',
        'Inpatient audit sent to clinical audit. Community audit passed to LD Governance Committee.',
        46042, // 20 Jan 2026
        'Director of Nursing',
        'LD Governance Lead',
      ],
      [
        'LD 02',
        'Failure to complete annual health checks within the year',
        'Performance',
        'Missed targets; unmet health needs',
        4,
        16,
        12,
        'Extreme',
        'Monthly report to the LD Board',
        'Extra clinics in GP practices; reminder letters',
        46069, // 16 Feb 2026
        'Director of Commissioning',
        'Primary Care Lead',
      ],
    ],
  },
};

/** Every shape above, for table-driven tests. */
export const PUBLIC_TEMPLATES: readonly PublicTemplate[] = [
  PRINCE2_RISK_REGISTER,
  PMI_RISK_REGISTER,
  FORPM_RISK_REGISTER,
  PROJECT_ACTION_ITEMS,
  ACTION_PLAN_TEMPLATE,
  NOTION_RISK_REGISTER,
  MILITARY_ACTION_PLAN,
  HEALTH_RISK_REGISTER,
];
