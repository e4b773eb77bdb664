import type { WebClient } from '@slack/web-api';
import type { Settings } from '../../config/settings.js';
import type { Actor } from '../../domain/permissions.js';

const GROUP_TTL_MS = 10 * 60_000;
const EMAIL_TTL_MS = 60 * 60_000;

/**
 * Who a Slack user is to the register: their e-mail (People may give only
 * that), and whether they are in the programme office (its configured users,
 * or its user group). Both are fetched and cached, so a burst of commands
 * costs one lookup.
 */
export class ActorDirectory {
  #group: { members: Set<string>; at: number } | null = null;
  readonly #emails = new Map<string, { email: string | null; at: number }>();

  constructor(private readonly settings: Pick<Settings, 'programmeOffice'>, private readonly now: () => number = Date.now) {}

  async actor(userId: string, client: WebClient): Promise<Actor> {
    const email = await this.#email(userId, client);
    const office = this.settings.programmeOffice;
    if (office.users.includes(userId)) return { id: userId, email, programmeOffice: true };
    if (office.userGroup === null) return { id: userId, email, programmeOffice: false };
    return { id: userId, email, programmeOffice: (await this.#groupMembers(office.userGroup, client)).has(userId) };
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

  async #groupMembers(group: string, client: WebClient): Promise<Set<string>> {
    if (this.#group && this.now() - this.#group.at < GROUP_TTL_MS) return this.#group.members;
    const response = await client.usergroups.users.list({ usergroup: group });
    this.#group = { members: new Set(response.users ?? []), at: this.now() };
    return this.#group.members;
  }
}
