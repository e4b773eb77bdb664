import { webApi } from '@slack/bolt';
import type { RetryOptions, WebClientOptions } from '@slack/web-api';
import { libraryLogger } from '../log/library-logger.js';
import type { Log } from '../log/log.js';

/**
 * The waits between Slack retries, in ms: the first, and the longest. Left
 * out, they are web-api's own (1 s, doubling); tests shorten them, keeping
 * the number of retries. A 429's Retry-After is waited out whatever these say.
 */
export type SlackRetryWaits = Required<Pick<RetryOptions, 'minTimeout' | 'maxTimeout'>>;

/**
 * Web API client options for every client the bot makes. web-api retries 10
 * times over ~30 minutes by default: a reply or reminder that late is worse
 * than an error, and our own ledger settles what a lost answer leaves open.
 * 429s are still waited out (Retry-After) within these retries. Given the
 * bot's log, the client logs through it (redacted) instead of the console.
 */
export function slackClientOptions(apiUrl?: string, log?: Log, waits?: SlackRetryWaits): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 4, maxRetryTime: 30_000, ...waits }, timeout: 10_000,
    // The original HTTP error carries the request headers, bot token included: never let it reach a log.
    attachOriginalToWebAPIRequestError: false,
    ...(log ? { logger: libraryLogger(log) } : {}),
  };
}

/** A Web API client for work outside Bolt's listeners: scheduled runs and `risk-bot nudges --send`. */
export function slackWebClient(botToken: string, apiUrl?: string, log?: Log, waits?: SlackRetryWaits): webApi.WebClient {
  return new webApi.WebClient(botToken, slackClientOptions(apiUrl, log, waits));
}
