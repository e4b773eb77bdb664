import { cellText, type IsoDate, isBlank } from '../cell.js';
import { DomainError } from '../domain-error.js';
import { tabColumnReport } from './column-report.js';
import { TAB_FIELDS } from './fields.js';
import type { MappedTab } from './mapped-tab.js';
import { mapTabs } from './mapped-tab.js';
import { peopleDirectory } from './people.js';
import { type Problem, shortenProblem, sortProblems } from './problem.js';
import {
  type RawRegister,
  type RawTab,
  REGISTER_HALVES,
  type RegisterHalf,
  type RegisterLayout,
  TAB_KEYS,
  type TabKey,
} from './raw-register.js';
import { readActionRow } from './read-actions.js';
import { readRiskRow } from './read-risks.js';
import { type FieldTab, readFieldTab } from './read-tab.js';
import type { Action, AuditEntry, Person, Register, Risk } from './register.js';
import { tabStatusVocabulary } from './status-vocabulary.js';

function readPeople(tab: FieldTab<(typeof TAB_FIELDS.people)[number]>): Person[] {
  return tab.rows
    .filter((row) => !isBlank(row.values.name))
    .map((row) => {
      const slack = cellText(row.values.slackUser);
      const email = cellText(row.values.email) || (slack.includes('@') ? slack : '');
      return {
        name: cellText(row.values.name),
        slackUser: slack && !slack.includes('@') ? slack : null,
        email: email || null,
      };
    });
}

function readAudit(tab: FieldTab<(typeof TAB_FIELDS.audit)[number]>): AuditEntry[] {
  return tab.rows.map((row) => ({
    row: row.row,
    when: cellText(row.values.when),
    who: cellText(row.values.who),
    item: cellText(row.values.item),
    field: cellText(row.values.field),
    oldValue: cellText(row.values.oldValue),
    newValue: cellText(row.values.newValue),
    via: cellText(row.values.via),
    note: cellText(row.values.note),
    change: cellText(row.values.change),
  }));
}

function checkDuplicateIds(
  tabTitle: string,
  column: string,
  items: ReadonlyArray<Risk | Action>,
  problems: Problem[],
): void {
  const rowsByKey = new Map<string, Array<Risk | Action>>();
  for (const item of items) rowsByKey.set(item.key, [...(rowsByKey.get(item.key) ?? []), item]);
  for (const same of rowsByKey.values()) {
    if (same.length < 2) continue;
    const rows = same.map((item) => item.row);
    for (const item of same) {
      problems.push({
        code: 'id_duplicated',
        severity: 'error',
        tab: tabTitle,
        row: item.row,
        column,
        value: item.id,
        message: `ID ${item.key} is on rows ${rows.join(', ')}; the bot will not update it until each row has its own ID`,
      });
    }
  }
}

function checkOwners(
  tab: FieldTab<string>,
  items: ReadonlyArray<Risk | Action>,
  fields: readonly string[],
  people: Person[],
  problems: Problem[],
): void {
  const directory = peopleDirectory(people);
  for (const item of items) {
    for (const field of fields) {
      const cell = cellText((item.cells as Record<string, unknown>)[field] as string | null);
      const base = { tab: tab.title, row: item.row, column: tab.headerOf(field), value: cell };
      if (cell === '') {
        if (field === 'owner' || field === 'lead') {
          problems.push({
            ...base,
            code: 'owner_missing',
            severity: 'warning',
            message: `${item.id} has no ${tab.headerOf(field)}, so nobody will be reminded about it`,
          });
        }
        continue;
      }
      const { missing } = directory.resolve(cell);
      if (missing.length > 0) {
        problems.push({
          ...base,
          code: 'owner_unknown',
          severity: 'warning',
          message: `${missing.map((n) => `"${n}"`).join(', ')} not in the People tab, so the bot cannot reach them; add a row there with their Slack user or e-mail`,
        });
      }
    }
  }
}

/** A half the settings say the register does not keep is read as absent, whatever tab might look like it. */
function withoutHalvesNotKept(tabs: Record<TabKey, RawTab>, keeps: readonly RegisterHalf[]): Record<TabKey, RawTab> {
  const absent = (tab: RawTab): RawTab => ({ ...tab, found: false, headers: [], rows: [] });
  return Object.fromEntries(
    TAB_KEYS.map((key) => [
      key,
      key === 'risks' || key === 'actions' ? (keeps.includes(key) ? tabs[key] : absent(tabs[key])) : tabs[key],
    ]),
  ) as Record<TabKey, RawTab>;
}

const HALF_WORDS: Record<RegisterHalf, { what: string; columns: string; other: RegisterHalf }> = {
  risks: { what: 'risk log', columns: 'a risk description, impact and probability', other: 'actions' },
  actions: { what: 'plan', columns: 'an action, its lead and a target date', other: 'risks' },
};

/**
 * A half's own problems, as a register keeping one half should hear them:
 * a half it does not keep says nothing; a half it keeps and lacks is an
 * error, unless the other half is there, when it is a warning saying how
 * to tell the bot the register keeps that one alone.
 */
function halfProblems(
  tabProblems: readonly Problem[],
  half: RegisterHalf,
  keeps: readonly RegisterHalf[],
  found: Record<RegisterHalf, boolean>,
): Problem[] {
  if (!keeps.includes(half)) return [];
  const { what, columns, other } = HALF_WORDS[half];
  if (found[half] || !keeps.includes(other) || !found[other]) return [...tabProblems];
  return tabProblems.map((problem) =>
    problem.code !== 'tab_missing'
      ? problem
      : {
          ...problem,
          severity: 'warning',
          message: `no ${what} found: no tab is titled "${problem.tab}" and none has a ${what}'s columns (${columns}). If this register keeps no ${what}, add "keeps": ["${other}"] to the settings; if it is on a tab with another title, set tabs.${half}.title to that title`,
        },
  );
}

/**
 * Reads a register as loaded into Risks, Actions, People and the Audit log.
 * Malformed rows are reported and, where they have an ID, kept with what
 * could be read; nothing here throws for bad data.
 */
export function readRegister(raw: RawRegister, settings: RegisterLayout, today: IsoDate): Register {
  const problems: Problem[] = [];
  const keeps = settings.keeps ?? REGISTER_HALVES;
  const tabs = mapTabs(withoutHalvesNotKept(raw.tabs, keeps), settings.tabs);
  const found = { risks: tabs.risks.tab.found, actions: tabs.actions.tab.found };
  // Dates written without a year, in either tab, fall in the plan year where the settings give one.
  const planYear = settings.planYear ?? null;
  const riskTab = { ...readFieldTab(tabs.risks, TAB_FIELDS.risks), planYear };
  const actionTab = { ...readFieldTab(tabs.actions, TAB_FIELDS.actions), planYear };
  const peopleTab = readFieldTab(tabs.people, TAB_FIELDS.people);
  const auditTab = readFieldTab(tabs.audit, TAB_FIELDS.audit);
  problems.push(
    ...halfProblems(riskTab.problems, 'risks', keeps, found),
    ...halfProblems(actionTab.problems, 'actions', keeps, found),
    ...peopleTab.problems,
    ...auditTab.problems,
  );
  const statuses = {
    risks: tabStatusVocabulary('risks', settings.tabs.risks.statuses),
    actions: tabStatusVocabulary('actions', settings.tabs.actions.statuses),
  };
  const risks = riskTab.rows
    .map((row) => readRiskRow(riskTab, row, settings.scale, statuses.risks, today, problems))
    .filter((r): r is Risk => r !== null);
  const actions = actionTab.rows
    .map((row) => readActionRow(actionTab, row, statuses.actions, today, problems))
    .filter((a): a is Action => a !== null);
  const people = readPeople(peopleTab);
  checkDuplicateIds(riskTab.title, riskTab.headerOf('id'), risks, problems);
  checkDuplicateIds(actionTab.title, actionTab.headerOf('id'), actions, problems);
  if (peopleTab.usable) {
    checkOwners(riskTab as FieldTab<string>, risks, ['owner', 'actionOwner'], people, problems);
    checkOwners(actionTab as FieldTab<string>, actions, ['lead'], people, problems);
  }
  const columns = {
    risks: new Set<string>(TAB_FIELDS.risks.filter((field) => riskTab.has(field))),
    actions: new Set<string>(TAB_FIELDS.actions.filter((field) => actionTab.has(field))),
  };
  return {
    source: raw.source,
    risks,
    actions,
    people,
    audit: readAudit(auditTab),
    problems: sortProblems(problems).map(shortenProblem),
    columns,
    statuses,
    // A half is held when it can be read: a Risks tab without its ID column is reported, not shown as empty.
    holds: { risks: riskTab.usable, actions: actionTab.usable },
    columnReports: TAB_KEYS.map((key) => tabColumnReport(tabs[key])).filter((report) => report !== null),
  };
}

/** The People tab of a mapped read. */
export function peopleIn(tabs: Record<TabKey, MappedTab>): Person[] {
  return readPeople(readFieldTab(tabs.people, TAB_FIELDS.people));
}

/**
 * Refuses a register with neither half readable, naming what is wrong:
 * a digest of nothing would read as "all is well".
 */
export function requireReadable(register: Register): void {
  if (register.holds.risks || register.holds.actions) return;
  const errors = register.problems.filter((problem) => problem.severity === 'error');
  const why = errors.map((problem) => `${problem.tab}: ${problem.message}`).join('; ');
  throw new DomainError(
    'sheet_schema_invalid',
    `${register.source} holds neither a risk log nor a plan the bot can read (${why}); run risk-bot check for the whole report`,
    { source: register.source },
  );
}
