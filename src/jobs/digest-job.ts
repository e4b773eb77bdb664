import type { WorkInProgress } from '../adapters/shared/work-in-progress.js';
import type { Board } from '../config/settings.js';
import { dateInZone } from '../domain/dates/calendar.js';
import type { Leases } from '../ports/leases.js';
import { type DigestPostOutcome, type PostDigestDeps, postDigest } from '../use-cases/post-digest.js';
import type { Job } from './job.js';
import { inRunSlot } from './run-slot.js';

export type DigestRunDeps = PostDigestDeps & { timeZone: string; leases: Leases; inProgress?: WorkInProgress };

/** What a digest run did, for the log and the operator. */
export function describeDigestOutcome(board: Board, outcome: DigestPostOutcome): string {
  switch (outcome.kind) {
    case 'posted':
      return `digest for ${board.name} posted to ${outcome.channel}`;
    case 'already-posted':
      return `digest for ${board.name}: already posted (${outcome.slot}), not posted again`;
    case 'busy':
      return `digest for ${board.name}: being posted by another instance; skipped here`;
    case 'no-channel':
      return `digest for ${board.name}: no channel is configured (boards[].channel or DIGEST_CHANNEL), so it was not posted`;
  }
}

/** A board's digest for a day, posted by whichever instance takes the slot's lease; null when another has it. */
export async function runDigest(deps: DigestRunDeps, board: Board, today: string): Promise<DigestPostOutcome | null> {
  const slot = await inRunSlot(
    deps.leases,
    `digest:${board.id}@${today}`,
    () => postDigest(deps, board, today),
    deps.inProgress,
  );
  return slot.ran ? slot.result : null;
}

/** A board's weekly digest slot, on its own schedule or the default one, in the configured time zone. */
export function digestJob(deps: DigestRunDeps, board: Board, defaultSchedule: string): Job {
  return {
    name: `digest:${board.id}`,
    schedule: board.digestSchedule ?? defaultSchedule,
    async run(firedAt) {
      const outcome = await runDigest(deps, board, dateInZone(firedAt, deps.timeZone));
      deps.log(describeDigestOutcome(board, outcome ?? { kind: 'busy' }));
    },
  };
}
