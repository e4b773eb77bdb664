import { z } from 'zod';
import { isIsoDate } from '../domain/cell.js';
import { type PlanYear, readPlanYear } from '../domain/dates/plan-year.js';
import { isValidIsoDate } from '../domain/dates/timescale.js';
import type { Band, Scale, ScaleAxis } from '../domain/items/scale.js';
import { REGISTER_HALVES } from '../domain/register/raw-register.js';
import { headerNamesSchema } from './header-names.js';
import { statusWordsSchema } from './status-settings.js';

const hexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour like "#F44336"');
/** A date in a config file: `YYYY-MM-DD`, and a day that exists. */
export const isoDate = z
  .string()
  .refine(isIsoDate, 'a date as YYYY-MM-DD')
  .refine(isValidIsoDate, 'a real calendar date (this day does not exist)');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour)');

export const bandSchema = z.strictObject({
  label: z.string().trim().min(1),
  /** The lowest rating in this band; the band runs up to the next band's `from` minus one. */
  from: z.number().int().min(1),
  colour: hexColour,
  /** A risk in this band is due for review this many days after its Date Last Updated. */
  reviewDays: z.number().int().min(1).max(366),
}) satisfies z.ZodType<Band>;

export const axisSchema = z.strictObject({
  max: z.number().int().min(2).max(10),
  /** Words people may use for each level, from 1 up (e.g. "Rare" … "Almost certain"). */
  labels: z.array(z.string().trim().min(1)).optional(),
}) satisfies z.ZodType<ScaleAxis>;

export const scaleInputSchema = z.strictObject({
  name: z.string().trim().min(1),
  impact: axisSchema,
  probability: axisSchema,
  bands: z.array(bandSchema).min(2),
}) satisfies z.ZodType<Scale>;

/** A preset by name, a preset with some parts replaced, or a whole custom scale. */
export const scaleSettingSchema = z.union(
  [
    z.string(),
    z.strictObject({
      preset: z.string().optional(),
      name: z.string().trim().min(1).optional(),
      impact: axisSchema.optional(),
      probability: axisSchema.optional(),
      bands: z.array(bandSchema).min(2).optional(),
    }),
  ],
  { error: 'a preset name ("3x3, 5x5-nhs") or a scale object ({ "preset": …, "bands": [...] })' },
);

const tabSchema = z.strictObject({
  /** The tab's title: the tab by that name is read first; without one, the tab whose headers fit is read. */
  title: z.string().trim().min(1).max(100),
  /** Header names by field; see header-names.ts for adding to the built-in names or replacing them. */
  headers: z.record(z.string(), headerNamesSchema),
  /** Risks and actions only: the register's own status words and what each means; see status-settings.ts. */
  statuses: statusWordsSchema.optional(),
});

export const boardSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  name: z.string().trim().min(1),
  sheetId: z.string().trim().min(1).nullable().default(null),
  channel: z.string().trim().min(1).nullable().default(null),
  scale: scaleSettingSchema.optional(),
  digestSchedule: z.string().optional(),
  /** This board's own programme office, who may change any of its items, besides the one across all boards. */
  programmeOffice: z
    .strictObject({
      users: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'a Slack user ID like U0123ABC')).default([]),
      userGroup: z.string().nullable().default(null),
    })
    .optional(),
});

/**
 * The year the plan is for, which dates written without a year ("12 Jan",
 * "Q4") fall in: 2027 (a calendar year) or "2026/27", "FY27" (a UK financial year).
 */
export const planYearSchema = z
  .union([z.number(), z.string()], { error: 'a calendar year like 2027 or a financial year like "2026/27"' })
  .transform((value, ctx): PlanYear => {
    const plan = readPlanYear(value);
    if ('reason' in plan) {
      ctx.addIssue({ code: 'custom', message: plan.reason, input: value });
      return z.NEVER;
    }
    return plan;
  });

export const UK_NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

export const settingsSchema = z.strictObject({
  timeZone: z.string().min(1),
  scale: scaleSettingSchema,
  planYear: planYearSchema.nullable().default(null),
  /** The halves the register keeps: ["risks", "actions"], or one of them for a risk log or a plan alone. */
  keeps: z
    .array(
      z.enum(REGISTER_HALVES, { error: (issue) => `must be "risks" or "actions", not ${JSON.stringify(issue.input)}` }),
    )
    .min(1, 'name "risks", "actions" or both')
    .refine((halves) => new Set(halves).size === halves.length, 'names a half twice')
    .default([...REGISTER_HALVES]),
  reminders: z.strictObject({
    offsetsDays: z.array(z.number().int().min(0).max(365)).min(1),
    overdueEveryDays: z.number().int().min(1).max(90),
    dueSoonDays: z.number().int().min(1).max(365),
    nudgeTime: clockTime,
  }),
  digest: z.strictObject({
    schedule: z.string().min(1),
    topRisks: z.number().int().min(1).max(50),
  }),
  workingDays: z.strictObject({
    nation: z.enum(UK_NATIONS),
    extraHolidays: z.array(isoDate),
  }),
  programmeOffice: z.strictObject({
    users: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'Slack user IDs like "U012ABCDEF"')),
    userGroup: z
      .string()
      .regex(/^S[A-Z0-9]{2,}$/, 'a Slack user group ID like "S012ABCDEF"')
      .nullable(),
  }),
  boards: z.array(boardSchema).min(1),
  googleSheets: z.strictObject({
    /** Loads for reading (show, list, digest) reuse a read this recent, to stay inside the per-minute read quota. */
    readCacheSeconds: z.number().min(0).max(300),
    requestTimeoutSeconds: z.number().min(1).max(120),
    /** Tries of one request before giving up; waits grow exponentially with jitter, or as Retry-After says. */
    maxAttempts: z.number().int().min(1).max(10),
    /** Reads per rolling minute the bot allows itself (Google's limit is 60 per user). */
    readsPerMinute: z.number().int().min(1).max(300),
  }),
  tabs: z.strictObject({
    risks: tabSchema,
    actions: tabSchema,
    people: tabSchema,
    audit: tabSchema,
  }),
});
export type SettingsInput = z.infer<typeof settingsSchema>;
