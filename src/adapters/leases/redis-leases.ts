import { createClient } from 'redis';
import type { Leases } from '../../ports/leases.js';

const PREFIX = 'risk-bot:lease:';

/**
 * Leases shared through Redis, for several instances behind a load balancer:
 * SET key NX PX ttl is atomic, so of instances racing for a lease exactly
 * one gets it. The value names the holder, for whoever inspects Redis.
 */
export class RedisLeases implements Leases {
  private constructor(private readonly client: ReturnType<typeof createClient>, private readonly holder: string) {}

  /** Connects to `url` (redis://host:port); fails at start-up, not at the first run, when Redis cannot be reached. */
  static async connect(url: string, holder: string, log: (text: string) => void): Promise<RedisLeases> {
    const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) } });
    client.on('error', (error: Error) => log(`redis: ${error.message}`));
    await client.connect();
    return new RedisLeases(client, holder);
  }

  async take(name: string, ttlMs: number): Promise<boolean> {
    const answer = await this.client.set(`${PREFIX}${name}`, this.holder, { NX: true, PX: Math.max(1, Math.round(ttlMs)) });
    return answer === 'OK';
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => undefined);
  }
}
