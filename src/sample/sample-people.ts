import type { CellValue, IsoDate } from '../domain/cell.js';
import { addDays } from '../domain/dates/calendar.js';
import type { AuditField, PersonField } from '../domain/register/fields.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import { BOT_WHO } from '../domain/register/raw-register.js';
import { dotted, londonTimestamp, monthEnd } from './date-styles.js';

/**
 * The names the sample register uses for owners and leads, as written there,
 * each with a fake Slack user or an example.org e-mail. Names are matched
 * ignoring case, spaces and punctuation, so "D.Woodward" finds "D. Woodward".
 * "head of contracts" and "PCT Dir of ommissioning" are left out on purpose:
 * owners the bot cannot reach, which the digest must list.
 */
const PEOPLE: ReadonlyArray<[name: string, slackUser: string | null, email: string | null]> = [
  ['Director of commissioning', 'U0SAMPLE01', null],
  ['Dir of Commissioning', 'U0SAMPLE01', null],
  ['PCT Dir of Commissioning', 'U0SAMPLE02', null],
  ['Lead Commissioner', 'U0SAMPLE03', null],
  ['lead commissioners', 'U0SAMPLE03', null],
  ['Commissioning leads', 'U0SAMPLE03', null],
  ['Lead Commissioner (PCT)', 'U0SAMPLE04', null],
  ['PCT Commissioner', 'U0SAMPLE04', null],
  ['service manager', 'U0SAMPLE05', 'service.manager@example.org'],
  ['head of workforce development', 'U0SAMPLE06', null],
  ['ASC lead', 'U0SAMPLE07', null],
  ['Planning officer', null, 'planning.officer@example.org'],
  ['Housing lead', null, 'housing.lead@example.org'],
  ['Transformation Group on Market Development', null, 'market.development@example.org'],
  ['Paul Absolon', 'U0SAMPLE08', null],
  ['P. Absolon', 'U0SAMPLE08', null],
  ['Sue Scamell', 'U0SAMPLE09', null],
  ['D. Woodward', 'U0SAMPLE10', null],
  ['Derek Seymour', null, 'derek.seymour@example.org'],
  ['L.kavanagh', 'U0SAMPLE11', null],
  ["Head of Adult's Services", 'U0SAMPLE12', 'head.adults@example.org'],
];

/** The People tab of the sample register, by field. */
export function samplePeople(): Record<PersonField, CellValue>[] {
  return PEOPLE.map(([name, slackUser, email]) => ({ name, slackUser, email }));
}

/**
 * The Audit log of the sample register: what happened over the three weeks
 * before `today`, oldest first. Within the last week one risk's rating rose
 * another's fell and a new risk was raised; an action's
 * target date slipped for the third time, with the reason.
 */
export function sampleAudit(today: IsoDate): Record<AuditField, CellValue>[] {
  const d = (days: number): IsoDate => addDays(today, days);
  const at = (days: number, time: string): string => londonTimestamp(d(days), time);
  const entry = (
    when: string,
    who: string,
    item: string,
    field: string,
    oldValue: string,
    newValue: string,
    via: AuditRecord['via'],
    note = '',
  ): AuditRecord => ({ when, who, item, field, oldValue, newValue, via, note });
  const records: AuditRecord[] = [
    entry(
      at(-20, '09:40'),
      'U0SAMPLE03',
      'R - 11',
      'Date last updated',
      dotted(d(-51)),
      dotted(d(-20)),
      'console',
      'Reviewed at the programme board: no change',
    ),
    entry(
      at(-18, '15:05'),
      'U0SAMPLE09',
      'A-12',
      'Status',
      'In progress',
      'Done',
      'button',
      'All 8 units let and handed over to SBC',
    ),
    entry(
      at(-15, '11:20'),
      'U0SAMPLE08',
      'A-14',
      'Target date',
      monthEnd(today, -1),
      monthEnd(today, 2),
      'command',
      'GP practice sign-up slower than planned; PCT partners asked for two more months',
    ),
    entry(
      at(-9, '10:02'),
      'U0SAMPLE04',
      'A-1',
      'Progress %',
      '40',
      '60',
      'command',
      'Roll-out complete in all practices',
    ),
    entry(
      at(-8, '14:30'),
      'U0SAMPLE07',
      'A-4',
      'Status',
      'In progress',
      'Blocked',
      'button',
      'The service spec waits for contracts team capacity',
    ),
    entry(
      at(-6, '16:45'),
      'U0SAMPLE06',
      'A-10',
      'Target date',
      monthEnd(today, -2),
      d(10),
      'button',
      'Independent-sector training partner withdrew; training is being re-procured',
    ),
    entry(
      at(-4, '10:15'),
      'U0SAMPLE05',
      'R - 4',
      'Probability (P)',
      '2',
      '1',
      'command',
      'Staff Communication Plan delivered; anxieties about the changes easing',
    ),
    entry(at(-4, '10:15'), BOT_WHO, 'R - 4', 'Rating (I x P)', '6', '3', 'bot', 'High (6) to Medium (3)'),
    entry(at(-4, '10:15'), BOT_WHO, 'R - 4', 'Risk rating', 'High', 'Medium', 'bot'),
    entry(
      at(-3, '09:30'),
      'U0SAMPLE03',
      'R - 13',
      'Status',
      '',
      'Open',
      'command',
      "New risk raised: current contract arrangements aren't aligned to new ways of working",
    ),
    entry(
      at(-3, '14:50'),
      'U0SAMPLE01',
      'R - 9',
      'Probability (P)',
      '2',
      '3',
      'command',
      'Budget settlement confirms further cuts to universal services',
    ),
    entry(at(-3, '14:50'), BOT_WHO, 'R - 9', 'Rating (I x P)', '6', '9', 'bot', 'High (6) to High (9)'),
    entry(
      at(-1, '11:05'),
      'U0SAMPLE01',
      'R - 7',
      'Date last updated',
      dotted(d(-31)),
      dotted(d(-1)),
      'console',
      'Reviewed: Cabinet paper scheduled; no change',
    ),
  ];
  return records.map((record) => ({ ...record, change: '' }));
}
