import { randomUUID } from 'node:crypto';
import { isDomainError } from '../../domain/domain-error.js';
import type { Message } from '../../messages/message.js';

/** Runs a listener's work; a known failure becomes a clear message to the user, an unknown one a reference to the log. */
export async function replyingErrors(reply: (message: Message) => Promise<unknown>, log: (text: string) => void, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    const message = isDomainError(error) ? error.message : `Something went wrong (ref ${ref}); the bot's log has the details.`;
    if (!isDomainError(error)) log(`error ${ref}: ${(error as Error).stack ?? String(error)}`);
    // If even the answer cannot be sent (Slack unreachable), say so in the log only: the stack, never the whole error.
    await reply({ summary: isDomainError(error) ? message : 'Something went wrong', parts: [{ type: 'section', line: message }] })
      .catch((failure: unknown) => log(`error ${ref}: the answer could not be sent either: ${(failure as Error).message}`));
  }
}
