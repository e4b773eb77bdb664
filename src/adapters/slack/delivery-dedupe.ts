/**
 * The ID that names one Slack delivery: an event's event_id, or the
 * trigger_id of a command or interaction. A retried or replayed request
 * carries the same one, so it is run once (see the leases in slack-app.ts).
 */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return null;
}

/**
 * The change ID a delivery's writes carry in the Audit log (set on Bolt's
 * context by the delivery middleware in slack-app.ts), so a retry or replay
 * that reaches a restarted bot is still applied once.
 */
export function changeIdOf(context: Record<string, unknown>): string | undefined {
  return typeof context.deliveryKey === 'string' ? `slack:${context.deliveryKey}` : undefined;
}
