import type { WebClient } from '@slack/web-api';

const HISTORY_PAGES = 5;

/**
 * Whether a message the bot posted with metadata `{ event_type, event_payload:
 * { message: messageKey } }` is in the conversation since `since`; null when
 * more than a few pages would have to be read to tell.
 */
export async function findDelivered(
  client: WebClient,
  channel: string,
  eventType: string,
  messageKey: string,
  since: Date,
): Promise<boolean | null> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      oldest: (since.getTime() / 1000).toFixed(6),
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = (history.messages ?? []).some(
      (m) =>
        m.metadata?.event_type === eventType &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.message === messageKey,
    );
    if (found) return true;
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || !cursor) return false;
  }
  return null;
}
