import type { Problem } from '../domain/register/problem.js';
import { type Message, plural } from './message.js';

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

/** The data-quality report: each problem with where it is, the text found and what is wrong. */
export function checkMessage(problems: readonly Problem[], source: string): Message {
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
    ],
  };
}
