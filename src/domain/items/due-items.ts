import type { IsoDate } from '../cell.js';
import { addDays, daysBetween } from '../dates/calendar.js';
import { compareText } from '../item-id.js';
import { type Item, isChased, ownerOf, type Register, type Risk } from '../register/register.js';

/** An item reminders chase, with a target date, and how far that date is from today. */
export interface DatedItem {
  item: Item;
  targetDate: IsoDate;
  /** Days from today to the target date: negative when overdue. */
  daysToGo: number;
}

export interface ReviewDue {
  risk: Risk;
  /** The date the review fell due: Date Last Updated (or Date Raised) plus the band's review interval. */
  dueOn: IsoDate;
  daysOverdue: number;
  /** True when the risk has no date of last update or raising at all. */
  neverReviewed: boolean;
}

function datedOpenItems(register: Register, today: IsoDate): DatedItem[] {
  const items: Item[] = [...register.risks, ...register.actions];
  return items
    .filter((item) => isChased(item) && item.target.targetDate !== null)
    .map((item) => ({
      item,
      targetDate: item.target.targetDate!,
      daysToGo: daysBetween(today, item.target.targetDate!),
    }));
}

function byOwnerThenId(a: DatedItem, b: DatedItem): number {
  return compareText(ownerOf(a.item), ownerOf(b.item)) || compareText(a.item.key, b.item.key);
}

/** Open risks and actions whose target date has passed, most overdue first; items set aside (accepted, on hold) are never overdue. */
export function overdueItems(register: Register, today: IsoDate): DatedItem[] {
  return datedOpenItems(register, today)
    .filter((dated) => dated.daysToGo < 0)
    .sort((a, b) => a.daysToGo - b.daysToGo || byOwnerThenId(a, b));
}

/** Open risks and actions due from today up to `withinDays` days ahead, soonest first; items set aside are left out. */
export function dueSoonItems(register: Register, today: IsoDate, withinDays: number): DatedItem[] {
  return datedOpenItems(register, today)
    .filter((dated) => dated.daysToGo >= 0 && dated.daysToGo <= withinDays)
    .sort((a, b) => a.daysToGo - b.daysToGo || byOwnerThenId(a, b));
}

/**
 * Open risks whose last update is at least their band's review interval ago.
 * A risk never updated counts from when it was raised; one with neither date
 * is due now, since nobody can say when it was last looked at. An accepted
 * or tolerated risk is not chased for reviews.
 */
export function reviewsDue(register: Register, today: IsoDate): ReviewDue[] {
  const due: ReviewDue[] = [];
  for (const risk of register.risks) {
    if (!isChased(risk) || risk.band === null) continue;
    const since = risk.dateLastUpdated ?? risk.dateRaised;
    const dueOn = since === null ? today : addDays(since, risk.band.reviewDays);
    if (dueOn <= today)
      due.push({ risk, dueOn, daysOverdue: daysBetween(dueOn, today), neverReviewed: since === null });
  }
  return due.sort((a, b) => b.daysOverdue - a.daysOverdue || compareText(a.risk.key, b.risk.key));
}
