import { addDays, dayOfWeek, daysBetween } from './calendar.js';
import type { IsoDate } from './cell.js';
import { reviewsDue } from './due-items.js';
import { peopleDirectory, personKey } from './people.js';
import { isOpen, ownerOf, type Item, type Person, type Register } from './register.js';

export interface NudgeRules {
  /** Days before the target date to remind, e.g. [14, 7, 1, 0]. */
  offsetsDays: readonly number[];
  /** While overdue, remind again every this many days. */
  overdueEveryDays: number;
  isWorkingDay?: (date: IsoDate) => boolean;
}

/** One reminder about one item: which stage of its countdown, for which target date. */
export interface Nudge {
  item: Item;
  /** `due-14` … `due-0`, `overdue-7`, `overdue-14` …, or `review`. */
  stage: string;
  /** The date the stage is about: the target date, or the date a review fell due. */
  aboutDate: IsoDate;
  /** The working day the stage falls on. */
  sendOn: IsoDate;
  daysToGo: number;
}

/** All of one owner's reminders for a run: one message, not one per item. */
export interface OwnerNudges {
  owner: string;
  people: Person[];
  /** Names in the owner cell that People lacks: the bot cannot reach them. */
  unreachable: string[];
  nudges: Nudge[];
}

const weekdays = (date: IsoDate): boolean => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;

/** A reminder that falls on a weekend or holiday goes out on the working day before. */
export function workingDayOnOrBefore(date: IsoDate, isWorkingDay: (date: IsoDate) => boolean): IsoDate {
  let day = date;
  for (let i = 0; i < 30 && !isWorkingDay(day); i++) day = addDays(day, -1);
  return day;
}

/** The dates each stage of an item's countdown falls due, in order. */
function stagesFor(targetDate: IsoDate, today: IsoDate, rules: NudgeRules): Array<{ stage: string; due: IsoDate }> {
  const stages = [...new Set(rules.offsetsDays)]
    .sort((a, b) => b - a)
    .map((offset) => ({ stage: `due-${offset}`, due: addDays(targetDate, -offset) }));
  const overdueDays = daysBetween(targetDate, today);
  for (let days = rules.overdueEveryDays; days <= overdueDays; days += rules.overdueEveryDays) {
    stages.push({ stage: `overdue-${days}`, due: addDays(targetDate, days) });
  }
  return stages;
}

/**
 * The stage each open item has reached by `today` (the latest one only, so a
 * run after days of downtime catches up once instead of replaying), kept when
 * `wasSent` says it has not gone out yet. Without a ledger, a stage counts as
 * sent once the working day it fell on has passed.
 */
export function planNudges(
  register: Register, today: IsoDate, rules: NudgeRules,
  wasSent: (nudge: Nudge) => boolean = (nudge) => nudge.sendOn < today,
): Nudge[] {
  const isWorkingDay = rules.isWorkingDay ?? weekdays;
  const nudges: Nudge[] = [];
  for (const item of [...register.risks, ...register.actions]) {
    const targetDate = item.target.targetDate;
    if (!isOpen(item) || targetDate === null) continue;
    const reached = stagesFor(targetDate, today, rules)
      .map((s) => ({ ...s, sendOn: workingDayOnOrBefore(s.due, isWorkingDay) }))
      .filter((s) => s.sendOn <= today)
      .pop();
    if (reached) nudges.push({ item, stage: reached.stage, aboutDate: targetDate, sendOn: reached.sendOn, daysToGo: daysBetween(today, targetDate) });
  }
  for (const review of reviewsDue(register, today)) {
    const sendOn = workingDayOnOrBefore(review.dueOn, isWorkingDay);
    nudges.push({ item: review.risk, stage: 'review', aboutDate: review.dueOn, sendOn, daysToGo: -review.daysOverdue });
  }
  return nudges.filter((nudge) => isWorkingDay(today) && !wasSent(nudge));
}

/**
 * Groups nudges into one message per recipient, resolving owners through
 * People: "L.kavanagh" and "L.Kavanagh" are one person, and so one message.
 */
export function groupByOwner(nudges: readonly Nudge[], people: readonly Person[]): OwnerNudges[] {
  const directory = peopleDirectory(people);
  const groups = new Map<string, OwnerNudges>();
  for (const nudge of nudges) {
    const owner = ownerOf(nudge.item) || '(no owner)';
    const { people: found, missing } = owner === '(no owner)' ? { people: [], missing: [owner] } : directory.resolve(owner);
    const key = [...found.map((person) => personKey(person.name)), ...missing.map(personKey)].sort().join('|');
    const group = groups.get(key) ?? { owner, people: found, unreachable: missing, nudges: [] };
    group.nudges.push(nudge);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, nudges: group.nudges.sort((a, b) => a.daysToGo - b.daysToGo) }))
    .sort((a, b) => a.owner.localeCompare(b.owner));
}
