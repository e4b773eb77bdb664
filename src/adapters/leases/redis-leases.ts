import { createClient } from 'redis';
import { DomainError } from '../../domain/domain-error.js';
import type { Leases } from '../../ports/leases.js';

const PREFIX = 'risk-bot:lease:';

/** Deletes the key only while it holds the caller's name, in one step. */
const RELEASE_IF_HOLDER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Host and port only: the URL may hold a password. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '(REDIS_URL)';
  }
};

/**
 * Leases shared through Redis, for several instances behind a load balancer:
 * SET key NX PX ttl is atomic, so of instances racing for a lease exactly
 * one gets it. The value names the holder, for whoever inspects Redis.
 */
export class RedisLeases implements Leases {
  private constructor(
    private readonly client: ReturnType<typeof createClient>,
    private readonly holder: string,
  ) {}

  /** Connects to `url` (redis://host:port); fails at start-up, not at the first run, when Redis cannot be reached. */
  static async connect(url: string, holder: string, log: (text: string) => void): Promise<RedisLeases> {
    let connected = false;
    // Before the first connection, give up at once (a wrong REDIS_URL should stop start-up); after, keep reconnecting.
    const reconnectStrategy = (retries: number, cause: Error) =>
      connected ? Math.min(retries * 200, 5000) : new Error(`cannot reach Redis at ${hostOf(url)}: ${cause.message}`);
    const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy } });
    client.on('error', (error: Error) => {
      if (connected) log(`redis: ${error.message}`);
    });
    try {
      await client.connect();
    } catch (error) {
      throw new DomainError('unavailable', `REDIS_URL: ${(error as Error).message}`);
    }
    connected = true;
    return new RedisLeases(client, holder);
  }

  async take(name: string, ttlMs: number): Promise<boolean> {
    const answer = await this.client.set(`${PREFIX}${name}`, this.holder, {
      NX: true,
      PX: Math.max(1, Math.round(ttlMs)),
    });
    return answer === 'OK';
  }

  async release(name: string): Promise<void> {
    // Only if this instance still holds it: a lease that expired and was taken by another must stay theirs.
    await this.client.eval(RELEASE_IF_HOLDER, { keys: [`${PREFIX}${name}`], arguments: [this.holder] });
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => undefined);
  }
}
