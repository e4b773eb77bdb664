import type { IsoDate } from '../cell.js';
import { addDays, dayOfWeek, daysBetween } from '../dates/calendar.js';
import { compareText } from '../item-id.js';
import { reviewsDue } from '../items/due-items.js';
import { peopleDirectory, personKey } from '../register/people.js';
import { type Item, isChased, NO_OWNER, ownerOrNone, type Person, type Register } from '../register/register.js';

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

/** Longest run of non-working days to look back over: Christmas to New Year with a weekend. */
const MAX_EARLY_DAYS = 30;

const weekdays = (date: IsoDate): boolean => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;

/** A reminder that falls on a weekend or holiday goes out on the working day before. */
export function workingDayOnOrBefore(date: IsoDate, isWorkingDay: (date: IsoDate) => boolean): IsoDate {
  let day = date;
  for (let i = 0; i < MAX_EARLY_DAYS && !isWorkingDay(day); i++) day = addDays(day, -1);
  return day;
}

/** The dates each stage of an item's countdown falls due, in order. */
function stagesFor(targetDate: IsoDate, today: IsoDate, rules: NudgeRules): Array<{ stage: string; due: IsoDate }> {
  const stages = [...new Set(rules.offsetsDays)]
    .sort((a, b) => b - a)
    .map((offset) => ({ stage: `due-${offset}`, due: addDays(targetDate, -offset) }));
  // Only the overdue stages around today can be the latest reached (a stage may go out
  // a few working days early), so a target missed a year ago costs no more than one missed last week.
  const every = rules.overdueEveryDays;
  const reached = Math.floor(daysBetween(targetDate, today) / every);
  for (let n = Math.max(1, reached - 1); n <= reached + 2; n++) {
    stages.push({ stage: `overdue-${n * every}`, due: addDays(targetDate, n * every) });
  }
  return stages;
}

/**
 * The stage each item reminders chase has reached by `today` (the latest one only, so a
 * run after days of downtime catches up once instead of replaying), kept when
 * `wasSent` says it has not gone out yet. Without a ledger, a stage counts as
 * sent once the working day it fell on has passed.
 */
export function planNudges(
  register: Register,
  today: IsoDate,
  rules: NudgeRules,
  wasSent: (nudge: Nudge) => boolean = (nudge) => nudge.sendOn < today,
): Nudge[] {
  const isWorkingDay = rules.isWorkingDay ?? weekdays;
  if (!isWorkingDay(today)) return [];
  // A stage goes out at most a long holiday early, so items further off than this have none yet.
  const horizon = Math.max(...rules.offsetsDays) + MAX_EARLY_DAYS;
  const nudges: Nudge[] = [];
  for (const item of [...register.risks, ...register.actions]) {
    const targetDate = item.target.targetDate;
    if (!isChased(item) || targetDate === null || daysBetween(today, targetDate) > horizon) continue;
    const reached = stagesFor(targetDate, today, rules)
      .map((s) => ({ ...s, sendOn: workingDayOnOrBefore(s.due, isWorkingDay) }))
      .filter((s) => s.sendOn <= today)
      .pop();
    if (reached)
      nudges.push({
        item,
        stage: reached.stage,
        aboutDate: targetDate,
        sendOn: reached.sendOn,
        daysToGo: daysBetween(today, targetDate),
      });
  }
  for (const review of reviewsDue(register, today)) {
    const sendOn = workingDayOnOrBefore(review.dueOn, isWorkingDay);
    nudges.push({ item: review.risk, stage: 'review', aboutDate: review.dueOn, sendOn, daysToGo: -review.daysOverdue });
  }
  return nudges.filter((nudge) => !wasSent(nudge));
}

/**
 * Groups nudges into one message per recipient, resolving owners through
 * People: "L.kavanagh" and "L.Kavanagh" are one person, and so one message.
 */
export function groupByOwner(nudges: readonly Nudge[], people: readonly Person[]): OwnerNudges[] {
  const directory = peopleDirectory(people);
  const groups = new Map<string, OwnerNudges>();
  for (const nudge of nudges) {
    const owner = ownerOrNone(nudge.item);
    const { people: found, missing } = owner === NO_OWNER ? { people: [], missing: [owner] } : directory.resolve(owner);
    const key = [...found.map((person) => personKey(person.name)), ...missing.map(personKey)].sort().join('|');
    const group = groups.get(key) ?? { owner, people: found, unreachable: missing, nudges: [] };
    group.nudges.push(nudge);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, nudges: group.nudges.sort((a, b) => a.daysToGo - b.daysToGo) }))
    .sort((a, b) => compareText(a.owner, b.owner));
}
