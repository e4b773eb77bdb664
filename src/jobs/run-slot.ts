import type { WorkInProgress } from '../adapters/shared/work-in-progress.js';
import type { Leases } from '../ports/leases.js';

/**
 * How long a run slot's lease is held: long enough that instances firing at
 * the same minute (or a start-up catch-up meeting the schedule) see it, short
 * enough that a bot restarted after a crash finishes the day's run. The
 * ledger in the Audit log, not the lease, is what stops a second run
 * re-sending what the first sent.
 */
export const RUN_LEASE_MS = 10 * 60_000;

/**
 * Runs `work` if this instance takes the slot's lease; otherwise another
 * instance has it, and this one skips. The run is counted as work in
 * progress, so a shutdown waits for it or gives its lease back.
 */
export async function inRunSlot<T>(
  leases: Leases,
  slot: string,
  work: () => Promise<T>,
  inProgress?: WorkInProgress,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const lease = `run:${slot}`;
  if (!(await leases.take(lease, RUN_LEASE_MS))) return { ran: false };
  const result = inProgress ? await inProgress.run({ what: `run ${slot}`, lease }, work) : await work();
  return { ran: true, result };
}
