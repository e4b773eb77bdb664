import type { Settings } from '../../config/settings.js';
import type { IsoDate } from '../../domain/cell.js';
import type { Leases } from '../../ports/leases.js';
import type { RegisterStore } from '../../ports/register-store.js';
import type { DigestPostOutcome } from '../../use-cases/post-digest.js';
import type { ActorDirectory } from './actor-directory.js';

/** What every listener needs. */
export interface SlackDeps {
  store: RegisterStore;
  settings: Settings;
  actors: ActorDirectory;
  clock: () => Date;
  /** The board's calendar date at an instant (configured time zone). */
  today: (now: Date) => IsoDate;
  log: (text: string) => void;
  /** Claims shared between instances (Redis) or kept in memory (one instance, the default). */
  leases?: Leases;
  /**
   * The boards after the first, each with its own register: the App Home
   * lists the viewer's items on them too (without buttons, which act on the
   * first board's register).
   */
  otherBoards?: ReadonlyArray<{ name: string; store: RegisterStore; scale?: Settings['scale'] }>;
  /** Posts the default board's digest for a day (the schedule's own code); absent when the app runs without it. */
  postDigest?: (today: IsoDate) => Promise<DigestPostOutcome>;
}
