/** The bounds the bot's HTTP server keeps, whatever its callers send. */
export interface HttpLimits {
  /** Largest body accepted: Slack's payloads are a few kilobytes, a full modal tens. */
  maxBodyBytes: number;
  /** Bodies held in memory at once, across every request being read. */
  bodyBudgetBytes: number;
  /** A body must arrive within this long once its headers have. */
  bodyTimeoutMs: number;
  /** Headers must arrive within this long of the connection (slow-header attacks). */
  headersTimeoutMs: number;
  /** A whole request must arrive within this long. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are refused by the server. */
  maxConnections: number;
  maxHeadersCount: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  // Slack's busiest minute is a few hundred bodies of a few kilobytes: this is room for hundreds at once.
  bodyBudgetBytes: 16 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  // Above the 60 s idle time-out of common load balancers, so the bot never closes a connection the balancer is about to reuse.
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1000,
  maxHeadersCount: 100,
};
