import type { TabKey } from './raw-register.js';

/** The fields of each tab that the bot reads or writes, by key; headers come from config. */
export const TAB_FIELDS = {
  risks: [
    'id',
    'dateRaised',
    'owner',
    'description',
    'impactOnProgramme',
    'impact',
    'probability',
    'rating',
    'band',
    'mitigatingActions',
    'targetResolution',
    'actionOwner',
    'dateLastUpdated',
    'trend',
    'status',
  ],
  actions: [
    'id',
    'action',
    'lead',
    'coDependencies',
    'resources',
    'successCriteria',
    'timescale',
    'targetDate',
    'originalTargetDate',
    'timesSlipped',
    'status',
    'progress',
    'latestNote',
    'dateLastUpdated',
    'linkedRisks',
  ],
  people: ['name', 'slackUser', 'email'],
  audit: ['when', 'who', 'item', 'field', 'oldValue', 'newValue', 'via', 'note', 'change'],
} as const satisfies Record<TabKey, readonly string[]>;

export type RiskField = (typeof TAB_FIELDS.risks)[number];
export type ActionField = (typeof TAB_FIELDS.actions)[number];
export type PersonField = (typeof TAB_FIELDS.people)[number];
export type AuditField = (typeof TAB_FIELDS.audit)[number];

/** Fields without which a tab cannot be read at all. */
export const REQUIRED_FIELDS: Record<TabKey, readonly string[]> = {
  risks: ['id'],
  actions: ['id'],
  people: ['name'],
  audit: ['when', 'item'],
};

/** Fields that hold one calendar date, written back as a serial number formatted as a date. */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'dateRaised',
  'dateLastUpdated',
  'targetDate',
  'originalTargetDate',
]);

/** Audit fields given a column only once a line has a value for them: change IDs come with Slack's requests alone. */
export const ON_DEMAND_FIELDS: ReadonlySet<string> = new Set(['change']);
