import type { WebClient } from '@slack/web-api';
import type { Message } from '../../messages/message.js';
import type { NudgeOutbox } from '../../ports/nudge-outbox.js';
import { type ChannelPacer, pacerFor } from './channel-pacer.js';
import { findDelivered } from './find-delivered.js';
import { postMessage } from './post-message.js';

/** The metadata type a reminder carries, so a later run can find it in the conversation. */
export const NUDGE_EVENT_TYPE = 'risk_bot_nudge';

const EMAIL_TTL_MS = 24 * 60 * 60_000;

/** Slack's answer when it has no user for an e-mail; anything else is a fault, not an answer. */
const isUserNotFound = (error: unknown) => (error as { data?: { error?: string } }).data?.error === 'users_not_found';

/**
 * Reminders through the Slack Web API: users.lookupByEmail (cached a day,
 * misses too, so a run costs one lookup per person), conversations.open for
 * the DM, chat.postMessage paced per channel with the ledger name in the
 * message metadata, and conversations.history to find it again.
 */
export class SlackNudgeOutbox implements NudgeOutbox {
  readonly #emails = new Map<string, { userId: string | null; at: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly pacer: ChannelPacer = pacerFor(client),
    private readonly now: () => number = Date.now,
  ) {}

  async userIdForEmail(email: string): Promise<string | null> {
    const key = email.trim().toLowerCase();
    const cached = this.#emails.get(key);
    if (cached && this.now() - cached.at < EMAIL_TTL_MS) return cached.userId;
    let userId: string | null;
    try {
      userId = (await this.client.users.lookupByEmail({ email: key })).user?.id ?? null;
    } catch (error) {
      if (!isUserNotFound(error)) throw error;
      userId = null;
    }
    this.#emails.set(key, { userId, at: this.now() });
    return userId;
  }

  async openDirect(userId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open gave no channel for ${userId}`);
    return channel;
  }

  wasDelivered(channel: string, messageKey: string, since: Date): Promise<boolean | null> {
    return findDelivered(this.client, channel, NUDGE_EVENT_TYPE, messageKey, since);
  }

  async deliver(channel: string, message: Message, messageKey: string): Promise<void> {
    await postMessage(this.client, channel, message, {
      before: () => this.pacer.turn(channel),
      metadata: { event_type: NUDGE_EVENT_TYPE, event_payload: { message: messageKey } },
    });
  }
}
