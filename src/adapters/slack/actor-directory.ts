import type { WebClient } from '@slack/web-api';
import type { Settings } from '../../config/settings.js';
import type { Actor } from '../../domain/items/permissions.js';

const GROUP_TTL_MS = 10 * 60_000;
const EMAIL_TTL_MS = 60 * 60_000;
// A failed group lookup is held this long (or as long as Slack asks, when rate limited): a burst of
// commands asks Slack once, yet the next try comes soon enough that a fixed scope is noticed.
const GROUP_FAILURE_TTL_MS = 30_000;

/** The user group's members, or why they could not be read (plain words for the person asking). */
type GroupLookup = { members: Set<string> } | { failure: string };

/**
 * Who a Slack user is to the register: their e-mail (People may give only
 * that), and whether they are in the programme office (its configured users,
 * or its user group). Both are fetched and cached, so a burst of commands
 * costs one lookup. A group that cannot be read leaves membership unknown
 * (`officeUnknown`) rather than failing the command: reads and owners'
 * changes do not need it.
 */
export class ActorDirectory {
  #group: { lookup: GroupLookup; until: number } | null = null;
  #pending: Promise<GroupLookup> | null = null;
  readonly #emails = new Map<string, { email: string | null; at: number }>();

  constructor(
    private readonly settings: Pick<Settings, 'programmeOffice'>,
    private readonly now: () => number = Date.now,
  ) {}

  async actor(userId: string, client: WebClient): Promise<Actor> {
    const email = await this.#email(userId, client);
    const office = this.settings.programmeOffice;
    if (office.users.includes(userId)) return { id: userId, email, programmeOffice: true };
    if (office.userGroup === null) return { id: userId, email, programmeOffice: false };
    const lookup = await this.#groupMembers(office.userGroup, client);
    if ('failure' in lookup) return { id: userId, email, programmeOffice: false, officeUnknown: lookup.failure };
    return { id: userId, email, programmeOffice: lookup.members.has(userId) };
  }

  async #email(userId: string, client: WebClient): Promise<string | null> {
    const cached = this.#emails.get(userId);
    if (cached && this.now() - cached.at < EMAIL_TTL_MS) return cached.email;
    // Without the e-mail, a person People names by e-mail alone is refused, not let in: so a failed lookup is not fatal.
    const info = await client.users.info({ user: userId }).catch(() => null);
    const email = info?.user?.profile?.email ?? null;
    this.#emails.set(userId, { email, at: this.now() });
    return email;
  }

  #groupMembers(group: string, client: WebClient): Promise<GroupLookup> {
    if (this.#group && this.now() < this.#group.until) return Promise.resolve(this.#group.lookup);
    // Commands arriving while the lookup is out share it, rather than each asking Slack.
    this.#pending ??= this.#lookUp(group, client).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  async #lookUp(group: string, client: WebClient): Promise<GroupLookup> {
    try {
      const response = await client.usergroups.users.list({ usergroup: group });
      this.#group = { lookup: { members: new Set(response.users ?? []) }, until: this.now() + GROUP_TTL_MS };
    } catch (error) {
      const retryAfterMs = (error as { retryAfter?: unknown }).retryAfter;
      const hold = Math.max(GROUP_FAILURE_TTL_MS, typeof retryAfterMs === 'number' ? retryAfterMs * 1000 : 0);
      this.#group = { lookup: { failure: groupLookupFailure(error, group) }, until: this.now() + hold };
    }
    return this.#group.lookup;
  }
}

const TOKEN_REFUSED = new Set(['not_authed', 'invalid_auth', 'token_revoked', 'token_expired', 'account_inactive']);

function platformRefusal(slackCode: string, group: string): string {
  if (slackCode === 'missing_scope')
    return 'Slack said the bot has not been given the usergroups:read scope (missing_scope).';
  if (slackCode === 'no_such_subteam' || slackCode === 'subteam_not_found')
    return `Slack said there is no user group ${group} (${slackCode}).`;
  if (TOKEN_REFUSED.has(slackCode)) return `Slack did not accept the bot's token (${slackCode}).`;
  return `Slack refused to list the user group (${slackCode || 'no reason given'}).`;
}

function whatSlackSaid(error: unknown, group: string): string {
  const failure = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; message?: unknown };
  switch (failure.code) {
    case 'slack_webapi_platform_error':
      // Slack's codes are short snake_case words; anything else is not repeated.
      return platformRefusal(
        typeof failure.data?.error === 'string' ? failure.data.error.replace(/[^\w.-]/g, '').slice(0, 60) : '',
        group,
      );
    case 'slack_webapi_rate_limited_error':
      return 'Slack was too busy to answer (rate limited).';
    case 'slack_webapi_http_error':
      return `Slack answered with an HTTP error (${typeof failure.statusCode === 'number' ? failure.statusCode : 'no status'}).`;
    case 'slack_webapi_request_error':
      return 'Slack could not be reached.';
  }
  // web-api gives up on a 429 it was waiting out with a plain Error, no code.
  if (typeof failure.message === 'string' && failure.message.startsWith('A rate limit was exceeded'))
    return 'Slack was too busy to answer (rate limited), and the bot gave up waiting.';
  return "Slack's answer could not be read.";
}

/**
 * Why the programme office's user group could not be read, in words for the
 * person asking, and what to do. Built from Slack's error code, the HTTP
 * status or the kind of failure only, never the error's own text, which may
 * carry request details.
 */
function groupLookupFailure(error: unknown, group: string): string {
  return `${whatSlackSaid(error, group)} Try again in a minute; if it keeps happening, ask an admin to check the bot's usergroups:read scope and the programme office's user group (${group}).`;
}

/**
 * Who a Slack user is on one board: in its programme office when they are in
 * the office across all boards or in the board's own. Both directories cache
 * their lookups; the board's is asked only when the first says no.
 */
export function boardActors(
  acrossBoards: Pick<ActorDirectory, 'actor'>,
  boardOffice: Pick<ActorDirectory, 'actor'>,
): Pick<ActorDirectory, 'actor'> {
  return {
    async actor(userId, client) {
      const actor = await acrossBoards.actor(userId, client);
      if (actor.programmeOffice) return actor;
      const onBoard = await boardOffice.actor(userId, client);
      return onBoard.programmeOffice ? onBoard : actor;
    },
  };
}
