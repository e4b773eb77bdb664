import type { TabColumnReport } from '../domain/register/column-report.js';
import { fieldWords } from '../domain/register/field-words.js';
import type { Problem } from '../domain/register/problem.js';
import type { Register } from '../domain/register/register.js';
import { type Message, type MessagePart, plural } from './message.js';

function where(problem: Problem): string {
  const cell = [
    problem.row !== null ? `row ${problem.row}` : null,
    problem.column !== null ? `column "${problem.column}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return cell ? `${problem.tab}, ${cell}` : problem.tab;
}

/** The text found, unless the message already quotes it. */
function quoted(problem: Problem): string {
  const text = problem.value.replace(/\s+/g, ' ');
  if (text === '' || problem.message.includes(`"${text}"`)) return '';
  return ` "${text}"`;
}

/** The settings line that gives a field a header name: what a person pastes into their settings file. */
export function headerSettingLine(tab: TabColumnReport['key'], field: string, header: string): string {
  return `"tabs": { "${tab}": { "headers": { "${field}": ${JSON.stringify([header])} } } }`;
}

const NAMES_SHOWN = 3;

function namesTried(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map((name) => `"${name}"`);
  return names.length > NAMES_SHOWN ? `${shown.join(', ')}…` : shown.join(', ');
}

/** What a tab holds, in the words of the report. */
const TAB_WORDS: Record<TabColumnReport['key'], string> = {
  risks: 'risks',
  actions: 'the plan',
  people: 'people',
  audit: 'the Audit log',
};

/**
 * One tab's columns as `check` reports them: each column the bot leaves
 * alone and each field it looked for and did not find, with the settings
 * line that would map one to the other.
 */
function columnsPart(report: TabColumnReport): MessagePart {
  const notUsed = report.notUsed.map((column) =>
    column.alsoNames === undefined
      ? `${column.letter} "${column.header}": not read; to read it as a field, add it to that field's names: ${headerSettingLine(report.key, '<field>', column.header)}`
      : `${column.letter} "${column.header}": not read; another name for ${fieldWords(column.alsoNames)}, which is read from another column`,
  );
  const notFound = report.notFound.map(
    ({ field, triedNames }) =>
      `no ${fieldWords(field)} column (looked for ${namesTried(triedNames)}); if the tab has one under another header: ${headerSettingLine(report.key, field, '<its header>')}`,
  );
  return {
    type: 'list',
    heading: `Columns of "${report.title}" (${TAB_WORDS[report.key]}, headers on row ${report.headerRow})`,
    emptyText: 'every column is read, and every field found',
    items: [...notUsed, ...notFound],
  };
}

/** What was read: how many items of each half, and which half the register does not hold. */
function readLine(register: CheckedRegister): string {
  const risks = register.holds.risks ? plural(register.risks.length, 'risk') : 'no risk log';
  const actions = register.holds.actions ? plural(register.actions.length, 'action') : 'no plan';
  return `Read ${risks} and ${actions}.`;
}

export type CheckedRegister = Pick<Register, 'problems' | 'source' | 'holds' | 'columnReports' | 'risks' | 'actions'>;

/** The data-quality report: what was read, each problem with where it is, the text found and what is wrong, and the columns. */
export function checkMessage(register: CheckedRegister): Message {
  const { problems, source } = register;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const heading =
    problems.length === 0
      ? `No problems found in ${source}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${source}`;
  return {
    summary: heading,
    parts: [
      { type: 'header', text: heading },
      { type: 'section', line: readLine(register) },
      ...(problems.length > 0
        ? [
            {
              type: 'list' as const,
              heading: 'Problems (tab, row, column, text found: what is wrong)',
              items: problems.map(
                (p) => `${p.severity === 'error' ? 'ERROR' : 'warning'} ${where(p)}${quoted(p)}: ${p.message}`,
              ),
            },
          ]
        : []),
      ...register.columnReports.map(columnsPart),
    ],
  };
}
