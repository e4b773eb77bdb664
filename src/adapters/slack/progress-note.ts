import type { Message } from '../../messages/message.js';

/** How long someone waits for an answer before the bot says it is on it. */
export const PROGRESS_AFTER_MS = 1000;

export const WORKING_ON_IT: Message = {
  summary: 'Working on it',
  parts: [{ type: 'context', line: 'Working on it: Google Sheets is busy, so this takes a few seconds.' }],
};

/**
 * Runs `work`, and if it has not finished after `afterMs` tells the person
 * the bot is on it: when Google's read quota is the limit an answer can take
 * a few seconds, and a word after one second is better than silence. The
 * note going astray never stops the work.
 */
export async function withProgressNote<T>(
  work: () => Promise<T>,
  note: (message: Message) => Promise<unknown>,
  afterMs = PROGRESS_AFTER_MS,
): Promise<T> {
  const timer = setTimeout(() => void note(WORKING_ON_IT).catch(() => undefined), afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}
