import type { Log } from '../adapters/log/log.js';
import { describeError } from '../adapters/log/log.js';
import type { WorkInProgress } from '../adapters/shared/work-in-progress.js';
import type { Leases } from '../ports/leases.js';

/** How the ten seconds a platform gives a stopping process are spent. */
export interface ShutdownBudget {
  /** Work in progress may finish as usual. */
  finishMs: number;
  /** Then no new write may start (those refused tell their person), and work still going may end. */
  afterCutOffMs: number;
  /** Then each person whose request is still unfinished is told so. */
  tellMs: number;
}

export const SHUTDOWN_BUDGET: ShutdownBudget = { finishMs: 5000, afterCutOffMs: 2500, tellMs: 1000 };

export interface RunningParts {
  /** Stops taking requests; connections are cut after `graceMs`. */
  stopServing(graceMs: number): Promise<void>;
  stopSchedules(): Promise<void>;
  inProgress: WorkInProgress;
  /** Aborted to refuse writes not yet begun. */
  writesClosed: AbortController;
  leases: Leases;
  log: Log;
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | undefined> =>
  Promise.race([
    work,
    new Promise<undefined>((resolve) => {
      setTimeout(() => resolve(undefined), ms).unref();
    }),
  ]);

/**
 * Stops the bot without losing work: stop accepting requests and firing
 * schedules; let acknowledged work finish; then refuse writes not yet begun
 * (the person is told nothing was written); tell anyone whose request is
 * still unfinished, and give back its lease so a retry or another instance
 * can take it up; close Redis. Returns whether everything finished.
 */
export async function shutDown(parts: RunningParts, budget: ShutdownBudget = SHUTDOWN_BUDGET): Promise<boolean> {
  const { inProgress, log } = parts;
  log(`stopping: ${inProgress.size} request(s) or run(s) in progress`);
  const serving = parts.stopServing(budget.finishMs + budget.afterCutOffMs);
  await parts.stopSchedules().catch((error: unknown) => log(`stopping: schedules: ${describeError(error, false)}`));
  let finished = await inProgress.whenIdle(budget.finishMs);
  if (!finished) {
    log(`stopping: ${inProgress.size} still in progress; no new writes from now`);
    parts.writesClosed.abort();
    finished = await inProgress.whenIdle(budget.afterCutOffMs);
  }
  const unfinished = inProgress.unfinished();
  await within(
    budget.tellMs,
    Promise.all(
      unfinished.map(async (entry) => {
        await entry
          .tellUnfinished?.()
          .catch((error: unknown) =>
            log(`stopping: could not tell about ${entry.what}: ${describeError(error, false)}`),
          );
      }),
    ),
  );
  await Promise.all(
    unfinished.map((entry) =>
      entry.lease === undefined ? undefined : parts.leases.release(entry.lease).catch(() => undefined),
    ),
  );
  for (const entry of unfinished) log(`stopping: left unfinished: ${entry.what}`);
  await within(500, serving);
  await within(500, parts.leases.close());
  log(finished ? 'stopped: all work finished' : `stopped: ${unfinished.length} left unfinished`);
  return finished;
}
