/**
 * Spaces posts to one channel at least `intervalMs` apart: Slack allows
 * chat.postMessage about once a second per channel, and a burst beyond that
 * is answered 429. Posts to different channels do not wait for each other.
 */
export class ChannelPacer {
  readonly #nextFree = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async turn(channel: string): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.#nextFree.get(channel) ?? 0);
    this.#nextFree.set(channel, at + this.intervalMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

const pacers = new WeakMap<object, ChannelPacer>();

/** Gives `client` its one pacer before anything posts with it: a client whose posts are spaced otherwise than a second (tests). */
export function givePacer(client: object, pacer: ChannelPacer): void {
  pacers.set(client, pacer);
}

/**
 * The one pacer for posts made with `client`. Slack counts every post to a
 * channel, so everything that posts with a client (the reminders' outbox,
 * each board's digest, `/risk digest`) waits in the same queue; a pacer each
 * would let them post together.
 */
export function pacerFor(client: object): ChannelPacer {
  const pacer = pacers.get(client) ?? new ChannelPacer();
  pacers.set(client, pacer);
  return pacer;
}
