import { hostname } from 'node:os';
import { MemoryLeases } from '../adapters/leases/memory-leases.js';
import { RedisLeases } from '../adapters/leases/redis-leases.js';
import type { Env } from '../config/env.js';
import type { Leases } from '../ports/leases.js';

/** Leases shared through Redis when REDIS_URL is set (several instances), else in memory (one instance). */
export async function openLeases(env: Env, log: (text: string) => void): Promise<Leases> {
  if (env.REDIS_URL === undefined) return new MemoryLeases();
  return RedisLeases.connect(env.REDIS_URL, `${hostname()}:${process.pid}`, log);
}
