import type { Message } from '../messages/message.js';

/**
 * Where reminders go: Slack direct messages. Each message carries its ledger
 * name (`messageKey`) so a later run can ask whether it arrived.
 */
export interface NudgeOutbox {
  /** The Slack user with this e-mail, or null when the workspace has none. */
  userIdForEmail(email: string): Promise<string | null>;
  /** The direct-message conversation with a user. */
  openDirect(userId: string): Promise<string>;
  /** Whether a message named `messageKey` is in `channel` since `since`; null when Slack cannot say. */
  wasDelivered(channel: string, messageKey: string, since: Date): Promise<boolean | null>;
  deliver(channel: string, message: Message, messageKey: string): Promise<void>;
}
