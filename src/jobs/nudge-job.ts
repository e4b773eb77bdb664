import { randomUUID } from 'node:crypto';
import type { WorkInProgress } from '../adapters/shared/work-in-progress.js';
import { dateInZone } from '../domain/dates/calendar.js';
import { nudgeRunMessage } from '../messages/nudges-message.js';
import type { Leases } from '../ports/leases.js';
import { lookForSheetChanges } from '../use-cases/record-sheet-changes.js';
import { type NudgeRunReport, type SendNudgesDeps, sendNudges } from '../use-cases/send-nudges.js';
import { dailyOnWeekdays, type Job } from './job.js';
import { inRunSlot } from './run-slot.js';

export type NudgeRunDeps = Omit<SendNudgesDeps, 'newMessageKey'> & {
  timeZone: string;
  clock: () => Date;
  leases: Leases;
  inProgress?: WorkInProgress;
};

/** A ledger name for a reminder message: unique, short enough to read in the Audit log. */
export const newMessageKey = () => `m-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/**
 * One reminder run for the board's date: what the schedule and `risk-bot
 * nudges --send` both call. Null when another instance (or run) holds the
 * day's lease and is sending them now.
 */
export async function runNudges(deps: NudgeRunDeps, today: string): Promise<NudgeRunReport | null> {
  const slot = await inRunSlot(
    deps.leases,
    `nudges@${today}`,
    async () => {
      // Each scheduled run first sees what people changed in each board's sheet (Audit log, Trend, slips).
      for (const board of deps.boards ?? [{ store: deps.store }])
        await lookForSheetChanges(
          {
            store: board.store,
            settings: {
              ...deps.settings,
              ...('scale' in board && board.scale ? { scale: board.scale } : {}),
              timeZone: deps.timeZone,
            },
            log: deps.log,
          },
          deps.clock(),
        );
      return sendNudges({ ...deps, newMessageKey }, today, deps.clock);
    },
    deps.inProgress,
  );
  return slot.ran ? slot.result : null;
}

/**
 * The daily reminder run at the configured time on weekdays; bank holidays
 * are skipped by the planning, which sends nothing on a non-working day.
 */
export function nudgeJob(deps: NudgeRunDeps, nudgeTime: string): Job {
  return {
    name: 'nudges',
    schedule: dailyOnWeekdays(nudgeTime),
    async run(firedAt) {
      const today = dateInZone(firedAt, deps.timeZone);
      const report = await runNudges(deps, today);
      deps.log(
        report === null
          ? `nudges: ${today} is being run by another instance; skipped here`
          : `nudges: ${nudgeRunMessage(report).summary}`,
      );
    },
  };
}
