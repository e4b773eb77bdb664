import { webApi } from '@slack/bolt';
import type { RetryOptions, WebClientOptions } from '@slack/web-api';
import { libraryLogger } from '../log/library-logger.js';
import type { Log } from '../log/log.js';
import { ChannelPacer, givePacer } from './channel-pacer.js';

/**
 * How long a Slack client waits, where a test may shorten it; left out, the
 * production waits hold. A 429's Retry-After is waited out whatever these say.
 */
export interface SlackTiming {
  /** The waits between retries, in ms: the first and the longest (default web-api's: 1 s, doubling). The number of retries stays. */
  retryWaits?: Required<Pick<RetryOptions, 'minTimeout' | 'maxTimeout'>>;
  /** The spacing of posts to one channel, in ms (default the pacer's: a second). */
  postSpacingMs?: number;
}

/**
 * Web API client options for every client the bot makes. web-api retries 10
 * times over ~30 minutes by default: a reply or reminder that late is worse
 * than an error, and our own ledger settles what a lost answer leaves open.
 * 429s are still waited out (Retry-After) within these retries. Given the
 * bot's log, the client logs through it (redacted) instead of the console.
 */
export function slackClientOptions(apiUrl?: string, log?: Log, timing: SlackTiming = {}): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 4, maxRetryTime: 30_000, ...timing.retryWaits },
    timeout: 10_000,
    // The original HTTP error carries the request headers, bot token included: never let it reach a log.
    attachOriginalToWebAPIRequestError: false,
    ...(log ? { logger: libraryLogger(log) } : {}),
  };
}

/** A Web API client for work outside Bolt's listeners: scheduled runs and `risk-bot nudges --send`. */
export function slackWebClient(
  botToken: string,
  apiUrl?: string,
  log?: Log,
  timing: SlackTiming = {},
): webApi.WebClient {
  const client = new webApi.WebClient(botToken, slackClientOptions(apiUrl, log, timing));
  if (timing.postSpacingMs !== undefined) givePacer(client, new ChannelPacer(timing.postSpacingMs));
  return client;
}
