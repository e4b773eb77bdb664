import { peopleDirectory } from './people.js';
import { ownerOf, type Item, type Person } from './register.js';

/** Who is asking, as Slack (or the console) knows them. */
export interface Actor {
  /** Slack user ID, e.g. "U012ABCDEF"; the console uses a local name. */
  id: string;
  email?: string | null;
  /** Whether they belong to the programme office (its user list, or its user group). */
  programmeOffice: boolean;
}

export type Permission = { allowed: true } | { allowed: false; whoCan: string };

function isPerson(actor: Actor, person: Person): boolean {
  if (person.slackUser !== null && person.slackUser === actor.id) return true;
  return person.email !== null && !!actor.email && person.email.toLowerCase() === actor.email.toLowerCase();
}

/**
 * Whether `actor` may change `item`: its owner (a risk's owner or action
 * owner, an action's lead), found through People, or anyone in the
 * programme office. Anyone may read. A refusal says who can change it.
 */
export function permissionToChange(item: Item, actor: Actor, people: readonly Person[]): Permission {
  if (actor.programmeOffice) return { allowed: true };
  const directory = peopleDirectory(people);
  const cells = item.kind === 'risk' ? [item.owner, item.actionOwner] : [item.lead];
  const owners = cells.flatMap((cell) => directory.resolve(cell).people);
  if (owners.some((person) => isPerson(actor, person))) return { allowed: true };
  const names = [...new Set(cells.filter(Boolean))];
  const whoCan = names.length > 0 ? `${names.join(' or ')} (through the People tab), or the programme office` : 'the programme office';
  return { allowed: false, whoCan: `Only ${whoCan} can change ${item.id}${ownerOf(item) ? '' : ', since it has no owner'}.` };
}
