/** Scheduled work: a name, a cron schedule in the board's time zone, and what to do at each firing. */
export interface Job {
  name: string;
  /** Five-field cron (minute hour day month weekday), read in the configured time zone. */
  schedule: string;
  run(firedAt: Date): Promise<void>;
}

/** The daily reminder run's cron: the configured time on weekdays (holidays are skipped by the run itself). */
export function dailyOnWeekdays(clockTime: string): string {
  const [hour, minute] = clockTime.split(':').map(Number);
  return `${minute} ${hour} * * 1-5`;
}
