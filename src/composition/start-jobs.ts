import type { WebClient } from '@slack/web-api';
import { ChannelPacer } from '../adapters/slack/channel-pacer.js';
import { SlackNudgeOutbox } from '../adapters/slack/slack-nudge-outbox.js';
import type { Settings } from '../config/settings.js';
import { clockTimeInZone } from '../domain/calendar.js';
import { digestJob } from '../jobs/digest-job.js';
import { nudgeJob } from '../jobs/nudge-job.js';
import { startScheduler, type RunningScheduler } from '../jobs/scheduler.js';
import type { RegisterStore } from '../ports/register-store.js';

export interface JobDeps {
  store: RegisterStore;
  settings: Settings;
  client: WebClient;
  clock: () => Date;
  log: (text: string) => void;
}

/**
 * Starts the scheduled work of a Slack-connected bot: the daily reminders and
 * the weekly digest. A bot started after today's reminder time (a deploy, a
 * crash) runs today's reminders at once: the ledger sends only what has not
 * gone, and a day missed while down is caught up once.
 */
export function startJobs(deps: JobDeps): RunningScheduler {
  const { settings, clock, log } = deps;
  const outbox = new SlackNudgeOutbox(deps.client, new ChannelPacer());
  const nudges = nudgeJob({ store: deps.store, settings, outbox, log, clock, timeZone: settings.timeZone }, settings.reminders.nudgeTime);
  const scheduler = startScheduler([nudges, digestJob(deps)], settings.timeZone, log);
  if (clockTimeInZone(clock(), settings.timeZone) >= settings.reminders.nudgeTime) {
    void nudges.run(clock()).catch((error: unknown) => log(`nudges: start-up catch-up failed: ${(error as Error).stack ?? String(error)}`));
  }
  return scheduler;
}
