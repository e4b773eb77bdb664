import type { WebClient } from '@slack/web-api';
import type { Settings } from '../../config/settings.js';
import type { Actor } from '../../domain/permissions.js';

const GROUP_TTL_MS = 10 * 60_000;

/**
 * Who a Slack user is to the register: whether they are in the programme
 * office (its configured users, or its user group, fetched and cached for
 * ten minutes so a burst of commands costs one lookup).
 */
export class ActorDirectory {
  #group: { members: Set<string>; at: number } | null = null;

  constructor(private readonly settings: Pick<Settings, 'programmeOffice'>, private readonly now: () => number = Date.now) {}

  async actor(userId: string, client: WebClient): Promise<Actor> {
    const office = this.settings.programmeOffice;
    if (office.users.includes(userId)) return { id: userId, programmeOffice: true };
    if (office.userGroup === null) return { id: userId, programmeOffice: false };
    return { id: userId, programmeOffice: (await this.#groupMembers(office.userGroup, client)).has(userId) };
  }

  async #groupMembers(group: string, client: WebClient): Promise<Set<string>> {
    if (this.#group && this.now() - this.#group.at < GROUP_TTL_MS) return this.#group.members;
    const response = await client.usergroups.users.list({ usergroup: group });
    this.#group = { members: new Set(response.users ?? []), at: this.now() };
    return this.#group.members;
  }
}
