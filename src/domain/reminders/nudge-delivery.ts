import type { IsoDate } from '../cell.js';
import { NO_OWNER, type Person } from '../register/register.js';
import { nudgeKey } from './nudge-ledger.js';
import type { Nudge, OwnerNudges } from './nudge-plan.js';

/** One direct message of a run: everything one Slack user is reminded of today. */
export interface NudgeDelivery {
  /** Slack user ID. */
  recipient: string;
  /** The owner names (as written in the register) the recipient stands for. */
  owners: string[];
  nudges: Nudge[];
}

/** A reminder with nobody to send it to, and why, for the digest and the operator. */
export interface UnreachableNudge {
  nudge: Nudge;
  owner: string;
  reason: string;
}

/** What one reminder run did. */
export interface NudgeRunReport {
  today: IsoDate;
  delivered: NudgeDelivery[];
  unreachable: UnreachableNudge[];
  failed: Array<{ recipient: string; error: string }>;
  /** Messages an interrupted run left unsettled: found in Slack, not there (their reminders planned again), or unknown. */
  recovered: { found: number; resent: number; unknown: number };
}

/** Today's reminders as the run would send them: the messages, by the person each goes to, and what reaches nobody. */
export interface NudgePreview {
  /** One group per owner name as the register writes it (the JSON output's `nudges`, kept as it was). */
  byOwner: OwnerNudges[];
  /** One message per person, however many owner names they stand for; the recipient is the People tab's Slack user or e-mail. */
  messages: NudgeDelivery[];
  unreachable: UnreachableNudge[];
  /** Each recipient's name in the People tab, to say who a message goes to in words. */
  names: Record<string, string>;
}

/** The Slack user a People entry is: its user ID, or the one Slack gave for its e-mail; null when neither. */
export type SlackIdOf = (person: Person) => string | null;

function whyUnreachable(group: OwnerNudges, slackIdOf: SlackIdOf): string {
  if (group.people.length === 0) {
    return group.owner === NO_OWNER
      ? 'it has no owner or lead'
      : `"${group.unreachable.join('", "')}" is not in the People tab`;
  }
  return group.people
    .filter((person) => slackIdOf(person) === null)
    .map((person) =>
      person.email
        ? `Slack has no user with the e-mail ${person.email} (People: ${person.name})`
        : `the People tab gives ${person.name} no Slack user or e-mail`,
    )
    .join('; ');
}

/**
 * Turns owner groups into direct messages: one per Slack user, however many
 * owner names (roles) they stand for, so a person gets one message a run. A
 * reminder reaches every person its owner cell names who can be found; when
 * none can, it is unreachable, with the reason.
 */
export function planDeliveries(
  groups: readonly OwnerNudges[],
  slackIdOf: SlackIdOf,
): { deliveries: NudgeDelivery[]; unreachable: UnreachableNudge[] } {
  const byRecipient = new Map<string, { owners: Set<string>; nudges: Map<string, Nudge> }>();
  const unreachable: UnreachableNudge[] = [];
  for (const group of groups) {
    const recipients = [...new Set(group.people.map(slackIdOf).filter((id): id is string => id !== null))];
    if (recipients.length === 0) {
      const reason = whyUnreachable(group, slackIdOf);
      unreachable.push(...group.nudges.map((nudge) => ({ nudge, owner: group.owner, reason })));
      continue;
    }
    for (const recipient of recipients) {
      const entry = byRecipient.get(recipient) ?? { owners: new Set<string>(), nudges: new Map<string, Nudge>() };
      entry.owners.add(group.owner);
      for (const nudge of group.nudges) entry.nudges.set(nudgeKey(nudge.item.id, nudge.stage, nudge.aboutDate), nudge);
      byRecipient.set(recipient, entry);
    }
  }
  const deliveries = [...byRecipient.entries()].map(([recipient, { owners, nudges }]) => ({
    recipient,
    owners: [...owners],
    nudges: [...nudges.values()].sort((a, b) => a.daysToGo - b.daysToGo),
  }));
  return { deliveries, unreachable };
}
