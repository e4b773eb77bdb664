import { z } from 'zod';
import { statusWordsProblems } from '../domain/register/status-vocabulary.js';
import { STATUS_STATES, type StatusWords } from '../domain/register/status-words.js';

const stateList = STATUS_STATES.map((state) => `"${state}"`).join(', ');

/**
 * A tab's own status words and what each means, e.g. `{ "Escalated": "open",
 * "Parked": "open-not-chased" }`: merged over the built-in words, a word
 * given here winning over the built-in reading of the same word.
 */
export const statusWordsSchema = z.record(
  z.string(),
  z.enum(STATUS_STATES, {
    error: (issue) =>
      `must be one of ${stateList} (open and chased, open but not chased, closed), not ${JSON.stringify(issue.input)}`,
  }),
);

/** Problems with the tabs' `statuses` settings, each naming its key: only risks and actions have status words. */
export function statusSettingsProblems(tabs: Record<string, { statuses?: StatusWords | undefined }>): string[] {
  const problems: string[] = [];
  for (const [key, tab] of Object.entries(tabs)) {
    if (tab.statuses === undefined) continue;
    if (key !== 'risks' && key !== 'actions') {
      problems.push(`tabs.${key}.statuses: only the risks and actions tabs have status words`);
      continue;
    }
    for (const { word, message } of statusWordsProblems(tab.statuses))
      problems.push(`tabs.${key}.statuses.${word}: ${message}`);
  }
  return problems;
}
