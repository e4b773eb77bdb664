import cron, { type ScheduledTask } from 'node-cron';
import type { Job } from './job.js';

export interface RunningScheduler {
  tasks: ScheduledTask[];
  stop(): Promise<void>;
}

/**
 * Starts each job on node-cron in the board's time zone (node-cron 4.3+
 * handles the clock changes: a time in the spring gap is skipped that day,
 * an autumn time fires once). A job's failure is logged and never stops the
 * scheduler; a firing still running when the next comes is not overlapped.
 * Distribution across instances is off here: several instances coordinate
 * through their own lock, not node-cron's NODE_CRON_RUN election.
 */
export function startScheduler(jobs: readonly Job[], timeZone: string, log: (text: string) => void): RunningScheduler {
  const tasks = jobs.map((job) => {
    const task = cron.createTask(
      job.schedule,
      async (context) => {
        try {
          await job.run(context.date);
        } catch (error) {
          log(`job ${job.name} failed at ${context.date.toISOString()}: ${(error as Error).stack ?? String(error)}`);
        }
      },
      { timezone: timeZone, name: job.name, noOverlap: true, distributed: false },
    );
    void task.start();
    return task;
  });
  return {
    tasks,
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
