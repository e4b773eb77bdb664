import type { Settings } from '../../config/settings.js';
import type { IsoDate } from '../../domain/cell.js';
import type { Leases } from '../../ports/leases.js';
import type { RegisterStore } from '../../ports/register-store.js';
import type { DigestPostOutcome } from '../../use-cases/post-digest.js';
import type { ActorDirectory } from './actor-directory.js';

/** A board the bot serves: its settings, with its own register. */
export interface BoardContext {
  board: Settings['boards'][number];
  store: RegisterStore;
  /** Who is in the programme office on this board: its own office's members as well as the one across all boards. */
  actors?: Pick<ActorDirectory, 'actor'>;
  /** Posts this board's digest for a day to its channel (the schedule's own code), for `/risk digest` there. */
  postDigest?: (today: IsoDate) => Promise<DigestPostOutcome>;
}

/** What every listener needs. */
export interface SlackDeps {
  store: RegisterStore;
  settings: Settings;
  actors: Pick<ActorDirectory, 'actor'>;
  clock: () => Date;
  /** The board's calendar date at an instant (configured time zone). */
  today: (now: Date) => IsoDate;
  log: (text: string) => void;
  /** Claims shared between instances (Redis) or kept in memory (one instance, the default). */
  leases?: Leases;
  /**
   * Every board with its own register, the bot's first board first: a
   * command in a board's channel, and a button or form naming a board, act on
   * that board's register (board-deps.ts); the App Home lists them all.
   */
  boards?: readonly BoardContext[];
  /** Posts the default board's digest for a day (the schedule's own code); absent when the app runs without it. */
  postDigest?: (today: IsoDate) => Promise<DigestPostOutcome>;
}
