/**
 * Short claims shared by every instance of the bot: a scheduled run slot
 * ("nudges@2026-11-23") or a Slack delivery ("event:Ev123"). Whoever takes a
 * lease first does the work; the others skip it. A lease for finished work
 * is kept until it expires, so a run that finished is not started again by
 * an instance whose clock or schedule fired a little later; only work cut
 * short by a shutdown gives its lease back.
 */
export interface Leases {
  /** True when this caller got the lease: nobody held `name` within its time-to-live. */
  take(name: string, ttlMs: number): Promise<boolean>;
  /** Gives back a lease this caller holds (work it could not finish); another holder's lease is left alone. */
  release(name: string): Promise<void>;
  close(): Promise<void>;
}
