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
    'rag',
    'dateClosed',
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
    'rag',
    'dateClosed',
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

/**
 * Fields that hold one calendar date, written back as a serial number formatted as a date.
 * A risk's target resolution date may hold text ("Dec 2026"), but what the bot writes there is a date.
 */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'dateRaised',
  'targetResolution',
  'dateLastUpdated',
  'targetDate',
  'originalTargetDate',
  'dateClosed',
]);

/** Audit fields given a column only once a line has a value for them: change IDs come with Slack's requests alone. */
export const ON_DEMAND_FIELDS: ReadonlySet<string> = new Set(['change']);

/**
 * Fields read, and kept up by the bot's own changes, where a register has a
 * column for them, but never given a column by the bot (the sample register,
 * setting up a sheet): many registers have no RAG or Date closed, and need none.
 */
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['rag', 'dateClosed']);
