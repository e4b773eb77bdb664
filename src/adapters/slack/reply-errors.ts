import type { Message } from '../../messages/message.js';
import { failureReply } from '../log/failure-reply.js';
import { withProgressNote } from './progress-note.js';

/**
 * Runs a listener's work; a known failure becomes a clear message to the
 * user, an unknown one a reference to the log. Work still going after a
 * second gets a "working on it" word first (progress-note.ts).
 */
export async function replyingErrors(
  reply: (message: Message) => Promise<unknown>,
  log: (text: string) => void,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await withProgressNote(work, reply);
  } catch (error) {
    const { message, ref } = failureReply(error, log);
    // If even the answer cannot be sent (Slack unreachable), say so in the log only: the stack, never the whole error.
    await reply(message).catch((failure: unknown) =>
      log(`error ${ref}: the answer could not be sent either: ${(failure as Error).message}`),
    );
  }
}
