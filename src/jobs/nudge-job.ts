import { randomUUID } from 'node:crypto';
import { renderText } from '../adapters/console/render-text.js';
import { dateInZone } from '../domain/calendar.js';
import { nudgeRunMessage } from '../messages/nudges-message.js';
import { sendNudges, type NudgeRunReport, type SendNudgesDeps } from '../use-cases/send-nudges.js';
import { dailyOnWeekdays, type Job } from './job.js';

export type NudgeRunDeps = Omit<SendNudgesDeps, 'newMessageKey'> & { timeZone: string; clock: () => Date };

/** A ledger name for a reminder message: unique, short enough to read in the Audit log. */
export const newMessageKey = () => `m-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** One reminder run for the board's date at `at`: what the schedule and `risk-bot nudges --send` both call. */
export function runNudges(deps: NudgeRunDeps, today: string): Promise<NudgeRunReport> {
  return sendNudges({ ...deps, newMessageKey }, today, deps.clock);
}

/**
 * The daily reminder run at the configured time on weekdays; bank holidays
 * are skipped by the planning, which sends nothing on a non-working day. A
 * run still going when another is asked for (a start-up catch-up meeting the
 * schedule) is not doubled: the second waits for the first's result.
 */
export function nudgeJob(deps: NudgeRunDeps, nudgeTime: string): Job & { runNow(): Promise<NudgeRunReport> } {
  let running: Promise<NudgeRunReport> | null = null;
  const runOnce = (at: Date) => {
    running ??= runNudges(deps, dateInZone(at, deps.timeZone)).finally(() => { running = null; });
    return running;
  };
  return {
    name: 'nudges',
    schedule: dailyOnWeekdays(nudgeTime),
    async run(firedAt) {
      const report = await runOnce(firedAt);
      deps.log(`nudges: ${renderText(nudgeRunMessage(report)).split('\n')[0]}`);
    },
    runNow: () => runOnce(deps.clock()),
  };
}
