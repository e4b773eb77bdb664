import { describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import { WorkInProgress } from '../../src/adapters/shared/work-in-progress.js';
import { type RunningParts, shutDown } from '../../src/composition/graceful-shutdown.js';

const BUDGET = { finishMs: 60, afterCutOffMs: 60, tellMs: 60 };

function parts(): RunningParts & { told: string[]; lines: string[]; served: number[]; closed: boolean[] } {
  const told: string[] = [];
  const lines: string[] = [];
  const served: number[] = [];
  const closed: boolean[] = [];
  const leases = new MemoryLeases();
  const original = leases.close.bind(leases);
  leases.close = async () => {
    closed.push(true);
    await original();
  };
  return {
    told,
    lines,
    served,
    closed,
    stopServing: async (graceMs) => {
      served.push(graceMs);
    },
    stopSchedules: async () => {},
    inProgress: new WorkInProgress(),
    writesClosed: new AbortController(),
    leases,
    log: (line) => lines.push(line),
  };
}

describe('stopping the bot', () => {
  it('when nothing is in progress, then it stops serving, closes the leases and reports everything finished', async () => {
    const p = parts();
    expect(await shutDown(p, BUDGET)).toBe(true);
    expect(p.served).toEqual([120]);
    expect(p.closed).toEqual([true]);
    expect(p.writesClosed.signal.aborted).toBe(false);
    expect(p.lines.at(-1)).toBe('stopped: all work finished');
  });

  it('when work finishes within the grace time, then no write is refused and its lease is kept', async () => {
    const p = parts();
    await p.leases.take('delivery:trigger:1', 60_000);
    void p.inProgress.run(
      {
        what: 'quick',
        lease: 'delivery:trigger:1',
        tellUnfinished: async () => {
          p.told.push('quick');
        },
      },
      () => new Promise((resolve) => setTimeout(resolve, 20)),
    );
    expect(await shutDown(p, BUDGET)).toBe(true);
    expect(p.writesClosed.signal.aborted).toBe(false);
    expect(p.told).toEqual([]);
    expect(await p.leases.take('delivery:trigger:1', 60_000)).toBe(false);
  });

  it('when work outlasts the grace time, then new writes are refused, its person is told, and its lease given back for a retry', async () => {
    const p = parts();
    await p.leases.take('delivery:trigger:2', 60_000);
    void p.inProgress.run(
      {
        what: 'stuck',
        lease: 'delivery:trigger:2',
        tellUnfinished: async () => {
          p.told.push('stuck');
        },
      },
      () => new Promise(() => undefined),
    );
    expect(await shutDown(p, BUDGET)).toBe(false);
    expect(p.writesClosed.signal.aborted).toBe(true);
    expect(p.told).toEqual(['stuck']);
    expect(p.lines).toContain('stopping: left unfinished: stuck');
    expect(await p.leases.take('delivery:trigger:2', 60_000)).toBe(true);
  });

  it('when work ends after writes close (refused, answered), then it counts as finished', async () => {
    const p = parts();
    void p.inProgress.run(
      { what: 'refused' },
      () =>
        new Promise<void>((resolve) => {
          p.writesClosed.signal.addEventListener('abort', () => setTimeout(resolve, 10));
        }),
    );
    expect(await shutDown(p, BUDGET)).toBe(true);
    expect(p.told).toEqual([]);
  });

  it('a person who cannot be told does not hold the stop up past its budget', async () => {
    const p = parts();
    void p.inProgress.run(
      { what: 'stuck', tellUnfinished: () => new Promise(() => undefined) },
      () => new Promise(() => undefined),
    );
    const started = Date.now();
    await shutDown(p, BUDGET);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
