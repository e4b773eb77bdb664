import { webApi } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';

/**
 * Web API client options for every client the bot makes. web-api retries 10
 * times over ~30 minutes by default: a reply or reminder that late is worse
 * than an error, and our own ledger settles what a lost answer leaves open.
 * 429s are still waited out (Retry-After) within these retries.
 */
export function slackClientOptions(apiUrl?: string): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 4, maxRetryTime: 30_000 }, timeout: 10_000,
    // The original HTTP error carries the request headers, bot token included: never let it reach a log.
    attachOriginalToWebAPIRequestError: false,
  };
}

/** A Web API client for work outside Bolt's listeners: scheduled runs and `risk-bot nudges --send`. */
export function slackWebClient(botToken: string, apiUrl?: string): webApi.WebClient {
  return new webApi.WebClient(botToken, slackClientOptions(apiUrl));
}
