import type { WebClient } from '@slack/web-api';
import type { ScheduledTask } from 'node-cron';
import type { WorkInProgress } from '../adapters/shared/work-in-progress.js';
import { SlackDigestPoster } from '../adapters/slack/slack-digest-poster.js';
import { SlackNudgeOutbox } from '../adapters/slack/slack-nudge-outbox.js';
import type { Settings } from '../config/settings.js';
import { clockTimeInZone, dateInZone } from '../domain/dates/calendar.js';
import { type DigestRunDeps, digestJob } from '../jobs/digest-job.js';
import type { Job } from '../jobs/job.js';
import { newMessageKey, nudgeJob } from '../jobs/nudge-job.js';
import { type RunningScheduler, startScheduler } from '../jobs/scheduler.js';
import type { Leases } from '../ports/leases.js';
import type { RegisterStore } from '../ports/register-store.js';
import type { PostDigestDeps } from '../use-cases/post-digest.js';

export interface JobDeps {
  /** The default board's register, where reminders are planned from. */
  store: RegisterStore;
  /** Each board's register, by board ID (the first is `store`). */
  boardStores?: Map<string, RegisterStore>;
  settings: Settings;
  client: WebClient;
  leases: Leases;
  clock: () => Date;
  log: (text: string) => void;
  /** Runs are counted here, so a shutdown can wait for them or give their leases back. */
  inProgress?: WorkInProgress;
}

/** What posting a board's digest needs, through Slack (paced with everything else that posts with `client`). */
export function digestDeps(
  store: RegisterStore,
  settings: Settings,
  client: WebClient,
  clock: () => Date,
  log: (text: string) => void,
): PostDigestDeps {
  return { store, settings, poster: new SlackDigestPoster(client), newMessageKey, clock, log };
}

/** A run of a board's digest, from `store`: the schedule, `/risk digest` and `risk-bot digest --post` all build it here. */
export function digestRunDeps(deps: Omit<JobDeps, 'boardStores'>): DigestRunDeps {
  const { store, settings, client, clock, log } = deps;
  return {
    ...digestDeps(store, settings, client, clock, log),
    timeZone: settings.timeZone,
    leases: deps.leases,
    inProgress: deps.inProgress,
  };
}

/** Whether a schedule had a firing between midnight and now, on the board's calendar. */
export function firedEarlierToday(task: Pick<ScheduledTask, 'match'>, now: Date, timeZone: string): boolean {
  const today = dateInZone(now, timeZone);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let at = minute; dateInZone(new Date(at), timeZone) === today; at -= 60_000) {
    if (task.match(new Date(at))) return true;
  }
  return false;
}

/**
 * Starts the scheduled work of a Slack-connected bot: the daily reminders and
 * each board's weekly digest. A bot started after today's reminder time (a
 * deploy, a crash) runs today's reminders at once, and any digest whose slot
 * passed earlier today: the ledger sends only what has not gone, and a day
 * missed while down is caught up once.
 */
export function startJobs(deps: JobDeps): RunningScheduler {
  const { settings, clock, log } = deps;
  const outbox = new SlackNudgeOutbox(deps.client);
  const nudges = nudgeJob(
    {
      store: deps.store,
      // Every board's register: owners on a second board are reminded too, one message a person.
      boards: settings.boards.map((board) => ({
        id: board.id,
        name: board.name,
        store: deps.boardStores?.get(board.id) ?? deps.store,
        scale: board.scale,
      })),
      settings,
      outbox,
      log,
      clock,
      timeZone: settings.timeZone,
      leases: deps.leases,
      inProgress: deps.inProgress,
    },
    settings.reminders.nudgeTime,
  );
  const digests = settings.boards.map((board) =>
    digestJob(
      digestRunDeps({ ...deps, store: deps.boardStores?.get(board.id) ?? deps.store }),
      board,
      settings.digest.schedule,
    ),
  );
  const scheduler = startScheduler([nudges, ...digests], settings.timeZone, log);
  const catchUp = (job: Job) =>
    void job
      .run(clock())
      .catch((error: unknown) =>
        log(`${job.name}: start-up catch-up failed: ${(error as Error).stack ?? String(error)}`),
      );
  if (clockTimeInZone(clock(), settings.timeZone) >= settings.reminders.nudgeTime) catchUp(nudges);
  // A digest whose slot passed earlier today while the bot was down goes out now; the ledger stops a second post.
  digests.forEach((job, i) => {
    if (firedEarlierToday(scheduler.tasks[i + 1]!, clock(), settings.timeZone)) catchUp(job);
  });
  return scheduler;
}
