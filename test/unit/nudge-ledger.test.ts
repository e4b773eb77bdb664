import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { dueToSend, nudgeLedger, sentRecord } from '../../src/domain/nudge-ledger.js';
import { planNudges } from '../../src/domain/nudge-plan.js';
import { readRegister } from '../../src/domain/read-register.js';
import type { AuditEntry } from '../../src/domain/register.js';
import { workingDayRule } from '../../src/domain/working-days.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const rules = { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) };
const register = readRegister(rawRegister({
  actions: rawTab('actions', ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'], [
    ['A-1', 'Roll out IAPT', 'Lead Commissioner', '30/11/2026', 'In progress'], // due-7 on Mon 23 Nov
    ['A-2', 'Crisis pathway', 'Lead Commissioner', '24/11/2026', 'Not started'], // due-1 on Mon 23 Nov
  ]),
}), settings, '2026-11-23');

const entry = (item: string, field: string, newValue: string): AuditEntry => ({ row: 2, when: '', who: 'risk-bot', item, field, oldValue: '', newValue, via: 'bot', note: '' });

describe('the nudge ledger in the Audit log', () => {
  const today = '2026-11-23';
  const planned = planNudges(register, today, rules, () => false);

  it('with an empty ledger, every reminder reached today is due to send', () => {
    expect(dueToSend(planned, nudgeLedger([]), today).map((n) => `${n.item.id}:${n.stage}`)).toEqual(['A-1:due-7', 'A-2:due-1']);
  });

  it('a reminder recorded as sent (item, stage, date) is not sent again, however the ID is written', () => {
    const ledger = nudgeLedger([entry('a 1', 'nudge', 'due-7@2026-11-30')]);
    expect(dueToSend(planned, ledger, today).map((n) => n.item.id)).toEqual(['A-2']);
  });

  it('the same stage for a moved target date is a new reminder', () => {
    const ledger = nudgeLedger([entry('A-1', 'nudge', 'due-7@2026-11-27')]);
    expect(dueToSend(planned, ledger, today).map((n) => n.item.id)).toContain('A-1');
  });

  it('a snooze holds reminders until the day after it ends', () => {
    const ledger = nudgeLedger([entry('A-2', 'snooze', '2026-11-29')]);
    expect(dueToSend(planned, ledger, today).map((n) => n.item.id)).toEqual(['A-1']);
    expect(dueToSend(planned, ledger, '2026-11-30').map((n) => n.item.id)).toContain('A-2');
  });

  it('what a run records reads back as sent', () => {
    const records = planned.map((n) => sentRecord(n, '2026-11-23T09:00:00Z', 'U0LEAD'));
    const ledger = nudgeLedger(records.map((r, i) => ({ ...r, row: i + 2 })));
    expect(dueToSend(planned, ledger, today)).toEqual([]);
  });
});
