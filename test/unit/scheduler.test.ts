import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { resolveSettings, SettingsError } from '../../src/config/settings.js';
import { dailyOnWeekdays } from '../../src/jobs/job.js';
import { type RunningScheduler, startScheduler } from '../../src/jobs/scheduler.js';

let running: RunningScheduler | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

function taskFor(schedule: string) {
  running = startScheduler([{ name: 'probe', schedule, run: async () => {} }], 'Europe/London', () => {});
  return running.tasks[0]!;
}

describe('the schedules, in Europe/London across the clock changes', () => {
  const daily = dailyOnWeekdays('09:00');

  it('the daily reminder run is 09:00 on weekdays', () => {
    expect(daily).toBe('0 9 * * 1-5');
  });

  it.each([
    ['Fri 27 Mar 2026, before the spring change (GMT)', '2026-03-27T09:00:00Z', true],
    ['Mon 30 Mar 2026, after it (BST)', '2026-03-30T08:00:00Z', true],
    ['Mon 30 Mar 2026 at 09:00 UTC, which is 10:00 BST', '2026-03-30T09:00:00Z', false],
    ['Fri 23 Oct 2026, before the autumn change (BST)', '2026-10-23T08:00:00Z', true],
    ['Mon 26 Oct 2026, after it (GMT)', '2026-10-26T09:00:00Z', true],
    ['Sat 28 Mar 2026', '2026-03-28T09:00:00Z', false],
  ])('fires at 09:00 London time: %s', (_, instant, fires) => {
    expect(taskFor(daily).match(new Date(instant))).toBe(fires);
  });

  it('the weekly digest (default Monday 09:00) fires on the Monday after each change at 09:00 local', () => {
    const digest = taskFor(loadSettings().digest.schedule);
    expect(digest.match(new Date('2026-03-30T08:00:00Z'))).toBe(true);
    expect(digest.match(new Date('2026-11-02T09:00:00Z'))).toBe(true);
    expect(digest.match(new Date('2026-11-03T09:00:00Z'))).toBe(false);
  });

  it('a job that throws is logged and the scheduler keeps going', async () => {
    const logged: string[] = [];
    running = startScheduler(
      [
        {
          name: 'broken',
          schedule: '* * * * *',
          run: async () => {
            throw new Error('sheet unreachable');
          },
        },
      ],
      'Europe/London',
      (t) => logged.push(t),
    );
    await running.tasks[0]!.execute().catch(() => undefined);
    expect(logged.join('\n')).toContain('job broken failed');
    expect(running.tasks[0]!.getStatus()).not.toBe('destroyed');
  });
});

describe('schedules in the settings', () => {
  it('an invalid digest schedule stops start-up naming the setting', () => {
    const base = JSON.parse(JSON.stringify({ ...loadSettings(), scale: '3x3', holidays: undefined }));
    delete base.holidays;
    base.boards = base.boards.map(({ scale: _, ...board }: { scale: unknown }) => board);
    base.digest.schedule = 'every monday';
    expect(() => resolveSettings(base, 'test')).toThrow(SettingsError);
    expect(() => resolveSettings(base, 'test')).toThrow(/digest\.schedule: "every monday" is not a cron schedule/);
  });
});
