import { isDomainError } from '../../domain/domain-error.js';
import type { Message } from '../../messages/message.js';
import { type Log, logRef } from './log.js';

/**
 * The answer to a request that failed, in Slack and at the console, and the
 * reference it goes under. A DomainError says what happened in words meant
 * for the person; anything else is our fault: its stack goes to the log under
 * the reference, and the person is given the reference, not the error's text.
 */
export function failureReply(error: unknown, log: Log): { message: Message; ref: string } {
  const ref = logRef();
  if (isDomainError(error))
    return { ref, message: { summary: error.message, parts: [{ type: 'section', line: error.message }] } };
  log(`error ${ref}: ${(error as Error).stack ?? String(error)}`);
  const text = `Something went wrong (ref ${ref}); the bot's log has the details.`;
  return { ref, message: { summary: 'Something went wrong', parts: [{ type: 'section', line: text }] } };
}
