import cron from 'node-cron';
import type { z } from 'zod';
import type { Scale } from '../domain/items/scale.js';
import { TAB_FIELDS } from '../domain/register/fields.js';
import type { TabKey, TabLayout } from '../domain/register/raw-register.js';
import { clip } from '../domain/text.js';
import { namesOf } from './header-names.js';
import { SCALE_PRESET_NAMES, SCALE_PRESETS, type ScalePresetName } from './scale-presets.js';
import { type SettingsInput, scaleInputSchema, scaleSettingSchema, settingsSchema } from './settings-schema.js';
import { statusSettingsProblems } from './status-settings.js';

export type Board = Omit<SettingsInput['boards'][number], 'scale'> & { scale: Scale };
/**
 * Settings as the bot uses them: presets resolved, each field's header names
 * as one list, and `holidays` a year's non-working days (the nation's bank
 * holidays plus the board's extras), worked out for whichever year is asked.
 */
export type Settings = Omit<SettingsInput, 'scale' | 'boards' | 'tabs'> & {
  scale: Scale;
  boards: Board[];
  tabs: Record<TabKey, TabLayout>;
  holidays: (year: number) => string[];
};

/** Every problem with a settings file, each naming the setting and what is allowed. */
export class SettingsError extends Error {
  readonly problems: string[];

  constructor(
    problems: string[],
    readonly source: string,
  ) {
    // A file with thousands of bad entries is one mistake repeated: the first few say what it is.
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => clip(p, 500));
    if (problems.length > shown.length)
      shown.push(`(top level): … and ${problems.length - shown.length} more problems like these`);
    super(`${source} has ${problems.length} problem(s):\n${shown.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = shown;
  }
}

const MAX_PROBLEMS_SHOWN = 30;

/** A setting's key as a person finds it in the file: `scale.bands[1].reviewDays`, after `base` when given. */
function pathOf(path: readonly PropertyKey[], base = ''): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    base,
  );
}

const WANTED: Record<string, string> = {
  number: 'a number',
  string: 'text in quotes',
  array: 'a list ([ … ])',
  object: 'an object ({ … })',
  record: 'an object ({ … })',
  boolean: 'true or false',
};

function shownValue(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value, 60)}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Words for a value of the wrong type, or a key left out: zod's own say "expected number, received undefined". */
const settingsErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'array') return `must list at least ${issue.minimum}`;
  if (issue.code === 'too_small') return `must be at least ${issue.minimum}, not ${shownValue(issue.input)}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
  if (issue.code === 'too_big') return `must be at most ${issue.maximum}, not ${shownValue(issue.input)}`;
  if (issue.code !== 'invalid_type') return undefined;
  const wanted = WANTED[issue.expected] ?? issue.expected;
  return issue.input === undefined ? `missing: give ${wanted}` : `must be ${wanted}, not ${shownValue(issue.input)}`;
};

/**
 * Of a union's alternatives, the issues of the one whose shape the value
 * has (an object given for "a preset name or a scale object"), so the
 * message names the key inside it that is wrong; null when none fits.
 */
function fittingAlternative(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | null {
  const fitting = issue.errors.filter(
    (issues) => issues.length > 0 && issues.every((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'),
  );
  return fitting.length === 1 ? fitting[0]! : null;
}

/** One line per problem, each naming the setting's key from the top of the file (after `base`). */
function describeIssue(issue: z.core.$ZodIssue, base = '', prefix: readonly PropertyKey[] = []): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const inner = fittingAlternative(issue);
    if (inner !== null) return inner.flatMap((one) => describeIssue(one, base, path));
  }
  const where = pathOf(path, base) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return [`${where}: unknown setting(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`];
  }
  return [`${where}: ${issue.message}`];
}

function resolveScale(setting: SettingsInput['scale'], where: string, problems: string[]): Scale {
  const isPreset = (name: string): name is ScalePresetName => (SCALE_PRESET_NAMES as string[]).includes(name);
  if (typeof setting === 'string') {
    if (isPreset(setting)) return structuredClone(SCALE_PRESETS[setting]) as Scale;
    problems.push(
      `${where}: "${setting}" is not a scale preset; allowed: ${SCALE_PRESET_NAMES.join(', ')}, or a custom scale object`,
    );
    return structuredClone(SCALE_PRESETS['3x3']) as Scale;
  }
  const { preset, ...parts } = setting;
  if (preset !== undefined && !isPreset(preset)) {
    problems.push(`${where}.preset: "${preset}" is not a scale preset; allowed: ${SCALE_PRESET_NAMES.join(', ')}`);
  }
  const base = preset !== undefined && isPreset(preset) ? SCALE_PRESETS[preset] : undefined;
  const merged = { name: base?.name ?? 'custom', ...structuredClone(base ?? {}), ...parts };
  const parsed = scaleInputSchema.safeParse(merged, { error: settingsErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const line of describeIssue(issue, where))
        problems.push(`${line}${base ? '' : ' (a custom scale needs name, impact, probability and bands)'}`);
    }
    return structuredClone(SCALE_PRESETS['3x3']) as Scale;
  }
  checkBands(parsed.data, where, problems);
  return parsed.data;
}

function checkBands(scale: Scale, where: string, problems: string[]): void {
  const top = scale.impact.max * scale.probability.max;
  scale.bands.forEach((band, i) => {
    const previous = scale.bands[i - 1];
    if (i === 0 && band.from !== 1)
      problems.push(`${where}.bands[0].from: the lowest band must start at 1, not ${band.from}`);
    if (previous && band.from <= previous.from) {
      problems.push(
        `${where}.bands[${i}].from: bands must go up; ${band.from} is not above ${previous.from} (${previous.label})`,
      );
    }
    if (band.from > top) problems.push(`${where}.bands[${i}].from: ${band.from} is above the highest rating ${top}`);
    const twin = scale.bands.findIndex((other) => other.label.toLowerCase() === band.label.toLowerCase());
    if (twin < i)
      problems.push(
        `${where}.bands[${i}].label: "${band.label}" is also the label of bands[${twin}]; the digest and heat map name bands by label, so each needs its own`,
      );
  });
  for (const axis of ['impact', 'probability'] as const) {
    const labels = scale[axis].labels;
    if (labels && labels.length !== scale[axis].max) {
      problems.push(
        `${where}.${axis}.labels: ${labels.length} labels for ${scale[axis].max} levels; give one per level or none`,
      );
    }
  }
}

function checkTimeZone(zone: string, problems: string[]): void {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    problems.push(`timeZone: "${zone}" is not an IANA time zone (e.g. "Europe/London")`);
  }
}

function checkSchedule(expression: string, where: string, problems: string[]): void {
  if (expression.trim().split(/\s+/).length !== 5 || !cron.validate(expression)) {
    problems.push(
      `${where}: "${expression}" is not a cron schedule; write five fields, minute hour day month weekday, e.g. "0 9 * * 1" for Mondays at 09:00`,
    );
  }
}

function checkHeaderFields(input: SettingsInput, problems: string[]): void {
  for (const tab of Object.keys(TAB_FIELDS) as TabKey[]) {
    const allowed: readonly string[] = TAB_FIELDS[tab];
    for (const field of Object.keys(input.tabs[tab].headers)) {
      if (!allowed.includes(field)) {
        problems.push(`tabs.${tab}.headers.${field}: unknown field; allowed: ${allowed.join(', ')}`);
      }
    }
  }
}

/** Each tab's header names as one list per field (the file may give a field's names as `{ names, replace }`). */
function resolveTabs(tabs: SettingsInput['tabs']): Record<TabKey, TabLayout> {
  const resolve = ({ title, headers, statuses }: SettingsInput['tabs'][TabKey]): TabLayout => ({
    title,
    headers: Object.fromEntries(Object.entries(headers).map(([field, names]) => [field, namesOf(names)])),
    ...(statuses === undefined ? {} : { statuses }),
  });
  return {
    risks: resolve(tabs.risks),
    actions: resolve(tabs.actions),
    people: resolve(tabs.people),
    audit: resolve(tabs.audit),
  };
}

/** A year's bank holidays with the board's own closure days in that year added. */
function holidaysIn(bankHolidays: (year: number) => string[], extras: string[]): (year: number) => string[] {
  return (year) => [...bankHolidays(year), ...extras.filter((date) => Number(date.slice(0, 4)) === year)];
}

/**
 * Validates merged settings, resolving scale presets; throws SettingsError
 * listing every problem. `bankHolidaysOf` gives a nation's bank holidays in a year.
 */
export function resolveSettings(
  raw: unknown,
  source: string,
  bankHolidaysOf: (nation: SettingsInput['workingDays']['nation']) => (year: number) => string[] = () => () => [],
): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SettingsError(
      [
        `(top level): the file must hold one JSON object of settings ({ ... }), not ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`,
      ],
      source,
    );
  }
  const parsed = settingsSchema.safeParse(raw, { error: settingsErrorMap });
  const problems: string[] = [];
  const shape = (typeof raw === 'object' && raw !== null ? raw : {}) as { timeZone?: unknown };
  if (typeof shape.timeZone === 'string') checkTimeZone(shape.timeZone, problems);
  if (!parsed.success) {
    // Report the scale too, so one run lists every problem rather than one layer at a time.
    const scale = (raw as { scale?: unknown }).scale;
    if (scale !== undefined && scaleSettingSchema.safeParse(scale, { error: settingsErrorMap }).success)
      resolveScale(scale as SettingsInput['scale'], 'scale', problems);
    const schedule = (raw as { digest?: { schedule?: unknown } }).digest?.schedule;
    if (typeof schedule === 'string') checkSchedule(schedule, 'digest.schedule', problems);
    throw new SettingsError([...parsed.error.issues.flatMap((issue) => describeIssue(issue)), ...problems], source);
  }
  const input = parsed.data;
  checkHeaderFields(input, problems);
  problems.push(...statusSettingsProblems(input.tabs));
  checkSchedule(input.digest.schedule, 'digest.schedule', problems);
  for (const [i, board] of input.boards.entries()) {
    if (board.digestSchedule !== undefined)
      checkSchedule(board.digestSchedule, `boards[${i}].digestSchedule`, problems);
  }
  const scale = resolveScale(input.scale, 'scale', problems);
  const boards = input.boards.map((board, i) => ({
    ...board,
    scale: board.scale === undefined ? scale : resolveScale(board.scale, `boards[${i}].scale`, problems),
  }));
  const ids = input.boards.map((b) => b.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push(`boards[${i}].id: "${id}" is used by another board; board IDs must be unique`);
  });
  problems.push(
    ...sharedByBoards(input.boards, 'channel', 'posts its digest there too; each board needs its own channel'),
  );
  problems.push(
    ...sharedByBoards(input.boards, 'sheetId', "keeps its register there too; each board's register is its own sheet"),
  );
  if (problems.length > 0) throw new SettingsError(problems, source);
  return {
    ...input,
    scale,
    boards,
    tabs: resolveTabs(input.tabs),
    holidays: holidaysIn(bankHolidaysOf(input.workingDays.nation), input.workingDays.extraHolidays),
  };
}

/** Boards naming the same channel or sheet as an earlier board, each named with the board it shares with. */
function sharedByBoards(
  boards: ReadonlyArray<{ name: string; channel?: string | null; sheetId?: string | null }>,
  key: 'channel' | 'sheetId',
  why: string,
): string[] {
  return boards.flatMap((board, i) => {
    const value = board[key];
    const first = value ? boards.findIndex((other) => other[key] === value) : i;
    return first === i
      ? []
      : [
          `boards[${i}].${key}: board "${board.name}" has "${value}", as board "${boards[first]!.name}" has, which ${why}`,
        ];
  });
}
