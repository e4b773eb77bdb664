import { DomainError } from '../domain-error.js';
import { peopleDirectory } from '../register/people.js';
import { type Item, ownerOf, type Person } from '../register/register.js';

/** Who is asking, as Slack (or the console) knows them. */
export interface Actor {
  /** Slack user ID, e.g. "U012ABCDEF"; the console uses a local name. */
  id: string;
  email?: string | null;
  /**
   * Whether they are known to belong to the programme office (its user list,
   * or its user group). False, too, when the group could not be read (see
   * `officeUnknown`), so a check that overlooks that refuses rather than lets in.
   */
  programmeOffice: boolean;
  /**
   * Set when membership of the programme office could not be checked (its
   * user group could not be read): why, in plain words, and what to do about
   * it, as whole sentences. Changes that need the office are then refused as
   * unchecked, not as forbidden; everything else goes on.
   */
  officeUnknown?: string;
}

/**
 * Whether something may be done. A refusal's `whoCan` is the sentence to
 * show: with `not_permitted`, who can do it; with `unavailable`, that nothing
 * was done because it needs the programme office and membership could not
 * be checked, and what to do.
 */
export type Permission = { allowed: true } | { allowed: false; code: 'not_permitted' | 'unavailable'; whoCan: string };

const ALLOWED: Permission = { allowed: true };

function isPerson(actor: Actor, person: Person): boolean {
  if (person.slackUser !== null && person.slackUser === actor.id) return true;
  return person.email !== null && !!actor.email && person.email.toLowerCase() === actor.email.toLowerCase();
}

/**
 * A refusal: unchecked when the office could not be read, else forbidden.
 * `rule` says who may, in lower case; `nothing` says what was not done;
 * `advice`, for the forbidden case, what to do instead.
 */
function refusal(actor: Actor, rule: string, nothing: string, advice = ''): Permission {
  if (actor.officeUnknown !== undefined) {
    return {
      allowed: false,
      code: 'unavailable',
      whoCan: `${nothing}: ${rule}, and whether you are in the programme office could not be checked. ${actor.officeUnknown}`,
    };
  }
  return {
    allowed: false,
    code: 'not_permitted',
    whoCan: `${rule.charAt(0).toUpperCase()}${rule.slice(1)}.${advice ? ` ${advice}` : ''}`,
  };
}

/**
 * Whether `actor` may change `item`: its owner (a risk's owner or action
 * owner, an action's lead), found through People, or anyone in the
 * programme office. Anyone may read. A refusal says who can change it; an
 * owner is let in even when the office could not be checked.
 */
export function permissionToChange(item: Item, actor: Actor, people: readonly Person[]): Permission {
  if (actor.programmeOffice) return ALLOWED;
  const directory = peopleDirectory(people);
  const cells = item.kind === 'risk' ? [item.owner, item.actionOwner] : [item.lead];
  const owners = cells.flatMap((cell) => directory.resolve(cell).people);
  if (owners.some((person) => isPerson(actor, person))) return ALLOWED;
  const names = [...new Set(cells.filter(Boolean))];
  const whoCan =
    names.length > 0
      ? `${names.join(' or ')} (through the People tab), or the programme office`
      : 'the programme office';
  return refusal(
    actor,
    `only ${whoCan} can change ${item.id}${ownerOf(item) ? '' : ', since it has no owner'}`,
    `${item.id} was not changed`,
  );
}

/**
 * Whether `actor` may add a risk or action: anyone the People tab names
 * (by Slack user or e-mail), or the programme office.
 */
export function permissionToAdd(actor: Actor, people: readonly Person[]): Permission {
  if (actor.programmeOffice || people.some((person) => isPerson(actor, person))) return ALLOWED;
  return refusal(
    actor,
    "only people in the register's People tab, or the programme office, can add to it",
    'Nothing was added',
    'Ask the programme office to add you.',
  );
}

/** Whether `actor` may do what only the programme office may, `what` as in "only the programme office can post the digest on demand". */
export function permissionForOffice(actor: Actor, what: string): Permission {
  if (actor.programmeOffice) return ALLOWED;
  return refusal(actor, `only the programme office can ${what}`, 'Nothing was done');
}

/** Goes on when allowed; otherwise refuses with the permission's own words (`details` name the item). */
export function requirePermission(permission: Permission, details: Record<string, unknown> = {}): void {
  if (!permission.allowed) throw new DomainError(permission.code, permission.whoCan, details);
}
