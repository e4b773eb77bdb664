import type { Leases } from '../ports/leases.js';

/**
 * How long a run slot's lease is held: long enough that instances firing at
 * the same minute (or a start-up catch-up meeting the schedule) see it, short
 * enough that a bot restarted after a crash finishes the day's run. The
 * ledger in the Audit log, not the lease, is what stops a second run
 * re-sending what the first sent.
 */
export const RUN_LEASE_MS = 10 * 60_000;

/** Runs `work` if this instance takes the slot's lease; otherwise another instance has it, and this one skips. */
export async function inRunSlot<T>(leases: Leases, slot: string, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await leases.take(`run:${slot}`, RUN_LEASE_MS))) return { ran: false };
  return { ran: true, result: await work() };
}
