import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import { RedisLeases } from '../../src/adapters/leases/redis-leases.js';
import type { Leases } from '../../src/ports/leases.js';
import { type RunningRedis, SKIP_REDIS, startRedisServer } from '../helpers/redis-server.js';

let redis: RunningRedis;
const opened: Leases[] = [];
const connect = async (holder: string) => {
  const leases = await RedisLeases.connect(redis.url, holder, () => {});
  opened.push(leases);
  return leases;
};

beforeAll(async () => {
  if (!SKIP_REDIS) redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(opened.map((leases) => leases.close()));
  await redis?.stop();
});

describe.skipIf(SKIP_REDIS)('leases shared through a real Redis', () => {
  it('of three instances racing for one run slot, exactly one gets it', async () => {
    const instances = await Promise.all(['a', 'b', 'c'].map(connect));
    for (let round = 0; round < 20; round++) {
      const taken = await Promise.all(
        instances.flatMap((leases) => [
          leases.take(`run:nudges@round-${round}`, 60_000),
          leases.take(`run:nudges@round-${round}`, 60_000),
        ]),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
    }
  });

  it('a lease is kept until it expires, then may be taken again; other slots are independent', async () => {
    const [a, b] = await Promise.all([connect('a'), connect('b')]);
    expect(await a.take('run:digest:default@2026-11-23', 300)).toBe(true);
    expect(await b.take('run:digest:default@2026-11-23', 300)).toBe(false);
    expect(await b.take('run:digest:other@2026-11-23', 300)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await b.take('run:digest:default@2026-11-23', 300)).toBe(true);
  });

  it('a lease given back by its holder (work cut short by a shutdown) may be taken at once; another holder cannot give it back', async () => {
    const [a, b] = await Promise.all([connect('a'), connect('b')]);
    expect(await a.take('delivery:trigger:cut-short', 60_000)).toBe(true);
    await b.release('delivery:trigger:cut-short');
    expect(await b.take('delivery:trigger:cut-short', 60_000)).toBe(false);
    await a.release('delivery:trigger:cut-short');
    expect(await b.take('delivery:trigger:cut-short', 60_000)).toBe(true);
  });

  it('a Redis that cannot be reached fails at connection, saying where', async () => {
    await expect(RedisLeases.connect('redis://127.0.0.1:1', 'x', () => {})).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

describe('leases in memory, for a single instance', () => {
  it('the first take wins until the lease expires', async () => {
    let now = 0;
    const leases = new MemoryLeases(() => now);
    expect(await leases.take('delivery:trigger:1', 1000)).toBe(true);
    expect(await leases.take('delivery:trigger:1', 1000)).toBe(false);
    now = 1001;
    expect(await leases.take('delivery:trigger:1', 1000)).toBe(true);
  });

  it('a lease given back may be taken again at once', async () => {
    const leases = new MemoryLeases(() => 0);
    expect(await leases.take('run:nudges@2026-11-23', 1000)).toBe(true);
    await leases.release('run:nudges@2026-11-23');
    expect(await leases.take('run:nudges@2026-11-23', 1000)).toBe(true);
  });
});
