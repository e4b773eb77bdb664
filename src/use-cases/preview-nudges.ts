import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { groupByOwner, planNudges, type OwnerNudges } from '../domain/nudge-plan.js';
import type { Register } from '../domain/register.js';
import { workingDayRule } from '../domain/working-days.js';

/** Today's reminders, one group per owner, as a dry run: nothing is sent or recorded. */
export function previewNudges(register: Register, settings: Pick<Settings, 'reminders' | 'holidays'>, today: IsoDate): OwnerNudges[] {
  const nudges = planNudges(register, today, { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) });
  return groupByOwner(nudges, register.people);
}
