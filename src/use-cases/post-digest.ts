import type { Board } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import type { Digest } from '../domain/digest/digest.js';
import { countsRecord, DIGEST_LEDGER, digestLedger, digestSlot } from '../domain/digest/digest-ledger.js';
import { digestPictures } from '../domain/digest/pictures/digest-pictures.js';
import { claimLine, outcomeLine } from '../domain/reminders/message-ledger.js';
import type { DigestPoster } from '../ports/digest-poster.js';
import type { RegisterStore } from '../ports/register-store.js';
import { boardDigest, type DigestSettings } from './board-digest.js';
import { loadRegister } from './load-register.js';
import { lookForSheetChanges } from './record-sheet-changes.js';
import { settlePending } from './settle-pending.js';

export interface PostDigestDeps {
  store: RegisterStore;
  settings: DigestSettings;
  poster: DigestPoster;
  newMessageKey: () => string;
  clock: () => Date;
  log: (text: string) => void;
}

export type DigestPostOutcome =
  | { kind: 'posted'; channel: string; digest: Digest }
  | { kind: 'already-posted'; slot: string }
  | { kind: 'no-channel' }
  /** Another instance holds the slot's lease and is posting it now. */
  | { kind: 'busy' };

/**
 * A board's digest for `today`, posted once to its channel with the heat map
 * (and the trend in its thread):
 * the same for the schedule, `risk-bot digest --post` and `/risk digest`.
 * Like reminders, it is claimed in the Audit log before posting and settled
 * after; a run interrupted in between is settled by asking Slack, so a
 * board's digest for a day goes out once across restarts.
 */
export async function postDigest(deps: PostDigestDeps, board: Board, today: IsoDate): Promise<DigestPostOutcome> {
  const { store, poster, clock, log } = deps;
  if (!board.channel) return { kind: 'no-channel' };
  // A board may have its own scale: its register is read (ratings, bands) on it.
  const settings = { ...deps.settings, scale: board.scale };
  // What people changed in the sheet goes into the Audit log first, so "what changed" includes it.
  await lookForSheetChanges({ store, settings, log }, clock());
  const register = await loadRegister(store, settings, today);
  const { audit } = await settlePending(
    { store, sender: poster, log },
    {
      fields: DIGEST_LEDGER,
      pending: digestLedger(register.audit).pending(),
      audit: register.audit,
      now: clock().toISOString(),
    },
  );
  const slot = digestSlot(board.id, today);
  if (digestLedger(audit).isTaken(slot)) return { kind: 'already-posted', slot };

  const { digest, message } = boardDigest(register, deps.settings, today, board);
  const messageKey = deps.newMessageKey();
  const claimedAt = clock().toISOString();
  await store.write({
    updates: [],
    inserts: [],
    audit: [
      claimLine(DIGEST_LEDGER, board.id, slot, { messageKey, recipient: board.id, channel: board.channel }, claimedAt),
      countsRecord(board.id, today, digest.counts, claimedAt),
    ],
  });
  // The counts line just written is not in `audit`: the trend takes this digest's counts from the digest itself.
  const pictures = digest.holds.risks ? digestPictures(digest, board, audit) : null;
  await poster.post(board.channel, message, messageKey, pictures);
  await store.write({
    updates: [],
    inserts: [],
    audit: [
      outcomeLine(
        DIGEST_LEDGER,
        { messageKey, items: [board.id] },
        'sent',
        clock().toISOString(),
        `posted to ${board.channel}`,
      ),
    ],
  });
  return { kind: 'posted', channel: board.channel, digest };
}
