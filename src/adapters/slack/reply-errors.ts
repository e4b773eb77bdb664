import { randomUUID } from 'node:crypto';
import { isDomainError } from '../../domain/domain-error.js';
import type { Message } from '../../messages/message.js';

/** Runs a listener's work; a known failure becomes a clear message to the user, an unknown one a reference to the log. */
export async function replyingErrors(reply: (message: Message) => Promise<unknown>, log: (text: string) => void, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) {
      await reply({ summary: error.message, parts: [{ type: 'section', line: error.message }] });
      return;
    }
    const ref = randomUUID().slice(0, 8);
    log(`error ${ref}: ${(error as Error).stack ?? String(error)}`);
    await reply({ summary: 'Something went wrong', parts: [{ type: 'section', line: `Something went wrong (ref ${ref}); the bot's log has the details.` }] });
  }
}
