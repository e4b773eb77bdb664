import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { workingDayRule } from '../../src/domain/dates/working-days.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { AuditEntry } from '../../src/domain/register/register.js';
import { planDeliveries } from '../../src/domain/reminders/nudge-delivery.js';
import {
  claimRecords,
  dueToSend,
  nudgeLedger,
  outcomeRecord,
  unreachableRecord,
} from '../../src/domain/reminders/nudge-ledger.js';
import { groupByOwner, planNudges } from '../../src/domain/reminders/nudge-plan.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const rules = { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) };
const register = readRegister(
  rawRegister({
    actions: rawTab(
      'actions',
      ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'],
      [
        ['A-1', 'Roll out IAPT', 'Lead Commissioner', '30/11/2026', 'In progress'], // due-7 on Mon 23 Nov
        ['A-2', 'Crisis pathway', 'Lead Commissioner', '24/11/2026', 'Not started'], // due-1 on Mon 23 Nov
      ],
    ),
  }),
  settings,
  '2026-11-23',
);

const entry = (item: string, field: string, newValue: string): AuditEntry => ({
  row: 2,
  when: '',
  who: 'risk-bot',
  item,
  field,
  oldValue: '',
  newValue,
  via: 'bot',
  note: '',
});

describe('the nudge ledger in the Audit log', () => {
  const today = '2026-11-23';
  const planned = planNudges(register, today, rules, () => false);

  it('with an empty ledger, every reminder reached today is due to send', () => {
    expect(dueToSend(planned, nudgeLedger([]), today).map((n) => `${n.item.id}:${n.stage}`)).toEqual([
      'A-1:due-7',
      'A-2:due-1',
    ]);
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

  const asEntries = (records: Array<Omit<AuditEntry, 'row'>>): AuditEntry[] =>
    records.map((r, i) => ({ ...r, row: i + 2 }));
  const message = { messageKey: 'm-1', recipient: 'U0LEAD', channel: 'DU0LEAD' };
  const claims = claimRecords(planned, message, '2026-11-23T09:00:00Z');

  it('a claimed message is pending until settled, and its reminders are not sent again meanwhile', () => {
    const ledger = nudgeLedger(asEntries(claims));
    expect(dueToSend(planned, ledger, today)).toEqual([]);
    expect(ledger.pending()).toEqual([{ ...message, claimedAt: '2026-11-23T09:00:00Z', items: ['A-1', 'A-2'] }]);
  });

  it('a message recorded as sent is settled: not pending, not sent again', () => {
    const ledger = nudgeLedger(
      asEntries([
        ...claims,
        outcomeRecord({ messageKey: 'm-1', items: ['A-1', 'A-2'] }, 'sent', '2026-11-23T09:00:01Z', 'delivered'),
      ]),
    );
    expect(ledger.pending()).toEqual([]);
    expect(dueToSend(planned, ledger, today)).toEqual([]);
  });

  it('a message found missing after a crash frees its reminders to go again', () => {
    const ledger = nudgeLedger(
      asEntries([
        ...claims,
        outcomeRecord({ messageKey: 'm-1', items: ['A-1'] }, 'unsent', '2026-11-23T09:05:00Z', 'not in Slack'),
      ]),
    );
    expect(ledger.pending()).toEqual([]);
    expect(dueToSend(planned, ledger, today).map((n) => n.item.id)).toEqual(['A-1', 'A-2']);
  });

  it('a later "sent" for the same message wins over "unsent"; the first verdict otherwise stands', () => {
    const sent = outcomeRecord({ messageKey: 'm-1', items: ['A-1'] }, 'sent', 'x', '');
    const unsent = outcomeRecord({ messageKey: 'm-1', items: ['A-1'] }, 'unsent', 'x', '');
    expect(dueToSend(planned, nudgeLedger(asEntries([...claims, unsent, sent])), today)).toEqual([]);
    expect(dueToSend(planned, nudgeLedger(asEntries([...claims, sent, unsent])), today)).toEqual([]);
  });

  it('a reminder reported unreachable is not reported again for the same stage', () => {
    const ledger = nudgeLedger(asEntries([unreachableRecord(planned[0]!, 'x', 'not in People')]));
    expect(dueToSend(planned, ledger, today).map((n) => n.item.id)).toEqual(['A-2']);
  });
});

describe('planning deliveries: one message per Slack user', () => {
  const today = '2026-11-23';
  const people = [
    { name: 'Lead Commissioner', slackUser: 'U0LEAD', email: null },
    { name: 'Housing lead', slackUser: null, email: 'housing@example.gov.uk' },
    { name: 'ASC Lead', slackUser: 'U0LEAD', email: null },
    { name: 'Finance lead', slackUser: null, email: null },
  ];
  const shared = readRegister(
    rawRegister({
      actions: rawTab(
        'actions',
        ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'],
        [
          ['A-1', 'One', 'Lead Commissioner', '30/11/2026', 'In progress'],
          ['A-2', 'Two', 'ASC Lead & Housing lead', '24/11/2026', 'Not started'],
          ['A-3', 'Three', 'Housing lead', '24/11/2026', 'Not started'],
          ['A-4', 'Four', 'Finance lead', '24/11/2026', 'Not started'],
          ['A-5', 'Five', 'Parks lead', '24/11/2026', 'Not started'],
        ],
      ),
      people: rawTab(
        'people',
        ['Name', 'Slack user', 'Email'],
        people.map((p) => [p.name, p.slackUser ?? '', p.email ?? '']),
      ),
    }),
    settings,
    today,
  );
  const groups = groupByOwner(
    planNudges(shared, today, rules, () => false),
    shared.people,
  );

  it('merges the roles one person holds into one message, and sends shared items to each person named', () => {
    const { deliveries } = planDeliveries(
      groups,
      (p) => p.slackUser ?? (p.email === 'housing@example.gov.uk' ? 'U0HOUSE' : null),
    );
    expect(deliveries.map((d) => [d.recipient, d.nudges.map((n) => n.item.id)])).toEqual([
      ['U0LEAD', ['A-2', 'A-1']],
      ['U0HOUSE', ['A-2', 'A-3']],
    ]);
    expect(deliveries[0]!.owners).toEqual(['ASC Lead & Housing lead', 'Lead Commissioner']);
  });

  it('says why an owner cannot be reached: not in People, no Slack user or e-mail, or an e-mail Slack does not know', () => {
    const { unreachable } = planDeliveries(groups, (p) => p.slackUser);
    expect(unreachable.map((u) => [u.nudge.item.id, u.reason])).toEqual([
      ['A-4', 'the People tab gives Finance lead no Slack user or e-mail'],
      ['A-3', 'Slack has no user with the e-mail housing@example.gov.uk (People: Housing lead)'],
      ['A-5', '"Parks lead" is not in the People tab'],
    ]);
  });
});
