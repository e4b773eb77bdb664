import { afterEach, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/cell.js';
import { type PlanYear, readPlanYear } from '../../src/domain/dates/plan-year.js';
import {
  isoDateToSerial,
  isValidIsoDate,
  readSingleDate,
  readTimescale,
  serialToIsoDate,
} from '../../src/domain/dates/timescale.js';

type DatesRow = [cell: CellValue, milestones: string[]];
type InvalidRow = [cell: CellValue, fragment: string, reason: string];

function planYear(text: string | number): PlanYear {
  const plan = readPlanYear(text);
  if ('reason' in plan) throw new Error(plan.reason);
  return plan;
}

function readsAsDates(behaviour: string, rows: DatesRow[], plan?: string | number): void {
  describe(`when ${behaviour}`, () => {
    it.each<DatesRow>(rows)('reads %j as %j', (cell, milestones) => {
      const context = plan === undefined ? {} : { planYear: planYear(plan) };
      expect(readTimescale(cell, context)).toEqual({ kind: 'dates', milestones });
    });
  });
}

function readsWithoutYear(behaviour: string, rows: [cell: CellValue, fragment: string][]): void {
  describe(`when ${behaviour}`, () => {
    it.each(rows)('reports %j, naming %j, as having no year', (cell, fragment) => {
      expect(readTimescale(cell)).toEqual({
        kind: 'invalid',
        fragment,
        message: `"${fragment}" has no year, so the bot cannot tell which one is meant; write the year in the cell`,
        noYear: true,
      });
    });
  });
}

function readsAsInvalid(behaviour: string, rows: InvalidRow[], plan?: string | number): void {
  describe(`when ${behaviour}`, () => {
    it.each<InvalidRow>(rows)('reports %j, naming %j', (cell, fragment, reason) => {
      const context = plan === undefined ? {} : { planYear: planYear(plan) };
      expect(readTimescale(cell, context)).toEqual({
        kind: 'invalid',
        fragment,
        message: `"${fragment}" is not a valid date: ${reason}`,
      });
    });
  });
}

const RELATIVE =
  'it counts from the day it was written, which the sheet does not keep; type the date itself, like 2027-03-31';

describe('readTimescale', () => {
  readsAsDates(
    'a plan cell (Leicester Appendix A) names several milestones, it keeps each in the order written, without repeats',
    [
      [
        'IAPT roll out by Sept 2010-09-08 service evaluation Feb 2011 Business case implemented 2011/12 Stepped care model 2011/12',
        ['2010-09-08', '2011-02-28', '2012-03-31'],
      ],
      [
        'Model developed by end Jan 11. Staff training Mar – June 11 Implementation 2011/12',
        ['2011-01-31', '2011-06-30', '2012-03-31'],
      ],
      [
        'SL model developed and approved by end of November 10; Pathways developed by end Jan 11; New floating support services commissioned by end 2011/12 (linked to moving on project); Moving On project completed by 2014; Existing services reviewed and, where necessary, re-tendered during 2010/11; new contracts issued April 2012.',
        ['2010-11-30', '2011-01-31', '2012-03-31', '2014-12-31', '2011-03-31', '2012-04-30'],
      ],
      [
        'Pathways developed by end Jan 11. New service spec and contracts developed during 2011/12 and issued from 1 st April 2012.',
        ['2011-01-31', '2012-03-31', '2012-04-01'],
      ],
      ['action plan in place by Mar 2011; Complete delivery by Mar 2012.', ['2011-03-31', '2012-03-31']],
      ['by Mar 2011; Complete delivery by Mar 2012', ['2011-03-31', '2012-03-31']],
      ['Moving On Project to deliver by 2014', ['2014-12-31']],
    ],
  );

  readsAsDates('a deadline cell (Luton Improvement Plan) names dates, it reads each', [
    ['Integration agreed by April 2005', ['2005-04-30']],
    ['March 2004', ['2004-03-31']],
    ['April 2004', ['2004-04-30']],
    ['April 2005', ['2005-04-30']],
    ['April 2006', ['2006-04-30']],
    ['New teams in place by April 2004 24 hour cover available by April 2005', ['2004-04-30', '2005-04-30']],
    [
      'New systems of care planning/ consultation etc operational by December 2003 Carers support work increased to target levels by March 2005',
      ['2003-12-31', '2005-03-31'],
    ],
  ]);

  readsAsDates('success factors mix counts, percentages and money with dates, only the dates are read', [
    [
      '- Agreement in place by 2003/04 - Integrated model in place by April 2005 - Pooled budget in place by 2004 - Joint Strategy on carers in place by 2004 - Vision statement re BME services in place by 2004',
      ['2004-03-31', '2005-04-30', '2004-12-31'],
    ],
    ['- Mental Health Minimum Data Set and integrated electronic CPA records by March 2004', ['2004-03-31']],
    [
      '- 45 people receiving support from Early Intervention Team by December 2003; 70 people by April 2006 -74 users receiving support fro Assertive Outreach Service by April 2005, 87 users by April 2006',
      ['2003-12-31', '2006-04-30', '2005-04-30'],
    ],
    [
      '- Achieve psychiatric readmission rates within 28 day period to below national average of 6.1% by 2005',
      ['2005-12-31'],
    ],
    ['- 71% of carers to have active care plan by March 2004, 99% of carers by 2006', ['2004-03-31', '2006-12-31']],
    ['- 350 carers assessments completed by March 2004 and 525 completed by March 2005', ['2004-03-31', '2005-03-31']],
    ['- Carers Information Packs available for all carers by 2003/4', ['2004-03-31']],
    ['- Education and support package for carers by 2004/5', ['2005-03-31']],
    ["- 600 hours of carers' breaks provided in 2004/5", ['2005-03-31']],
    ['- 24 hour access to network of advocates and interpreters by 2005', ['2005-12-31']],
    [
      'health needs receiving supported housing increased by 50% from 2001/2 level by 2004/5',
      ['2002-03-31', '2005-03-31'],
    ],
    ['£50,000 cost to address budget pressures from 2002/3', ['2003-03-31']],
    ['No target available until April 2009', ['2009-04-30']],
  ]);

  readsAsDates('a target date (Kent business plan) names a month, it means the last day of that month', [
    ['Feb 2010', ['2010-02-28']],
    ['Feb 2009', ['2009-02-28']],
    ['June 2009', ['2009-06-30']],
    ['March 2010', ['2010-03-31']],
    ['Mar 2010', ['2010-03-31']],
    ['Dec 2009', ['2009-12-31']],
    ['Nov2009', ['2009-11-30']],
    ['Dec 09', ['2009-12-31']],
    ['Feb 2012', ['2012-02-29']],
    ['Sept 2010', ['2010-09-30']],
    ['sept 2010', ['2010-09-30']],
    ['SEPTEMBER 2010', ['2010-09-30']],
    ['Sept. 2010', ['2010-09-30']],
    ['Mar-12', ['2012-03-31']],
    ["Dec '09", ['2009-12-31']],
    ['by end Jan 11', ['2011-01-31']],
    ['by end of November 10', ['2010-11-30']],
    ['June 11', ['2011-06-30']],
    ['Dec 85', ['1985-12-31']],
  ]);

  readsAsDates('a cell names only a year from 1990 to 2099, it means 31 December of that year', [
    ['by 2014', ['2014-12-31']],
    ['Moving On project completed by 2014.', ['2014-12-31']],
    ['late 2012', ['2012-12-31']],
  ]);

  readsAsDates('a cell names a financial year, it ends on 31 March of the later year', [
    ['2011/12', ['2012-03-31']],
    ['2010/11', ['2011-03-31']],
    ['2004/5', ['2005-03-31']],
    ['2003/04', ['2004-03-31']],
    ['2011-12', ['2012-03-31']],
    ['2011/2012', ['2012-03-31']],
    ['2009/0', ['2010-03-31']],
    ['FY 2011/12', ['2012-03-31']],
    ['FY2011/12', ['2012-03-31']],
    ['FY 11/12', ['2012-03-31']],
    ['MENTAL HEALTH SERVICE LEVEL BUSINESS PLAN 2009/10', ['2010-03-31']],
    ['Deliverables or Outcomes for 2008/09', ['2009-03-31']],
  ]);

  readsAsDates('a cell names a quarter or a season, it ends with the quarter or season', [
    ['Q3 2011', ['2011-09-30']],
    ['Q1 2012', ['2012-03-31']],
    ['2011 Q3', ['2011-09-30']],
    ['Q1 2012/13', ['2012-06-30']],
    ['Q4 2011/12', ['2012-03-31']],
    ['Spring 2012', ['2012-05-31']],
    ['Autumn 2010', ['2010-11-30']],
    ['Winter 2011/12', ['2012-02-29']],
  ]);

  readsAsDates('a cell writes a date in numbers, it reads the day first', [
    ['21.9.10', ['2010-09-21']],
    ['21.9.20', ['2020-09-21']],
    ['15.9.10', ['2010-09-15']],
    ['01/04/2011', ['2011-04-01']],
    ['1-4-2011', ['2011-04-01']],
    ['31/03/12', ['2012-03-31']],
    ['29/02/2012', ['2012-02-29']],
    ['1/1/99', ['1999-01-01']],
    ['03/2012', ['2012-03-31']],
  ]);

  readsAsDates('a cell writes an ISO date, it reads it as such', [
    ['2010-09-08', ['2010-09-08']],
    ['Sept 2010-09-08', ['2010-09-08']],
    ['2012/02/29', ['2012-02-29']],
  ]);

  readsAsDates('a cell names a day, a month and a year, it reads that day', [
    ['31st October 2010', ['2010-10-31']],
    ['31st March 2011', ['2011-03-31']],
    ['31st March 2012', ['2012-03-31']],
    ['1 st April 2012', ['2012-04-01']],
    ['23rd Sept 2010', ['2010-09-23']],
    ['2 Dec 2026', ['2026-12-02']],
    ['21st of March 2011', ['2011-03-21']],
    ['1-Apr-11', ['2011-04-01']],
    ['14 June 11', ['2011-06-14']],
    ['June 11, 2011', ['2011-06-11']],
    ['June 11th 2011', ['2011-06-11']],
  ]);

  readsAsDates('a cell names a range, it reads only the end of the range', [
    ['Mar – June 11', ['2011-06-30']],
    ['Mar - June 11', ['2011-06-30']],
    ['Mar to June 11', ['2011-06-30']],
    ['Jan–Mar 2012', ['2012-03-31']],
    ['Jan 2011 – Mar 2012', ['2012-03-31']],
    ['Jan 2011 to Mar 2012', ['2012-03-31']],
    ['2011/12 - 2012/13', ['2013-03-31']],
    ['Q1-Q2 2012', ['2012-06-30']],
    // A date range as Notion exports it to CSV.
    ['March 1, 2026 → March 31, 2026', ['2026-03-31']],
    ['2026-03-01 → 2026-03-31', ['2026-03-31']],
  ]);

  readsAsDates('a cell holds a number, a serial reads as its date and a year as its last day', [
    [40432, ['2010-09-11']],
    [40432.75, ['2010-09-11']],
    [45658, ['2025-01-01']],
    [2014, ['2014-12-31']],
    ['40432', ['2010-09-11']],
  ]);

  describe('when a cell has no date in it, it means no target date', () => {
    it.each<[CellValue]>([
      [null],
      [''],
      ['   '],
      ['TBC'],
      ['tbc'],
      ['Ongoing'],
      ['on-going'],
      ['N/A'],
      ['-'],
      ['Monthly'],
      ['Within existing resources'],
      ['Within existing investment for IAPT Business case target £255k savings'],
      ['£75,000 Capital investment secured'],
      ['45 people'],
      ['50%'],
      ['NI 130/1'],
      ['T52/53'],
      ['NI 124/142 T52/53'],
      ['NI 140/NI142'],
      ['T52/NI130'],
      ['VTs: A1,A2, A3 A.8 C3 D1 E1, E2, E3'],
      ['600 hours'],
      ['24/7 support'],
      ['see section 9.1'],
      ['1990s'],
      ['May be delayed by the contract award'],
      ['it may slip if the tender fails'],
      ['H5N1 pandemic plan refreshed'],
      ['end of year 1 of the programme'],
      ['Q5'],
    ])('reads %j as none', (cell) => {
      expect(readTimescale(cell)).toEqual({ kind: 'none' });
    });
  });

  readsAsInvalid('a cell looks like a date that cannot be, it reports the fragment and why', [
    ['31st Dec 20101', '31st Dec 20101', 'the year 20101 has five digits'],
    ['Dec 201', 'Dec 201', 'the year 201 has three digits'],
    ['30/02/2011', '30/02/2011', 'February 2011 has 28 days'],
    ['31/04/2011', '31/04/2011', 'April 2011 has 30 days'],
    ['2011-02-30', '2011-02-30', 'February 2011 has 28 days'],
    ['32/01/2011', '32/01/2011', 'January 2011 has 31 days'],
    ['13/13/2011', '13/13/2011', 'there is no month 13'],
    ['00/01/2011', '00/01/2011', 'there is no day 0'],
    ['31st Feb 2011', '31st Feb 2011', 'February 2011 has 28 days'],
    ['29/02/2011', '29/02/2011', 'February 2011 has 28 days'],
    ['1 April 2204', '1 April 2204', 'the year 2204 is not between 1900 and 2099'],
    ['13/2012', '13/2012', 'there is no month 13'],
    ['Q5 2011', 'Q5 2011', 'there is no quarter 5'],
  ]);

  readsAsInvalid('years joined by a slash or dash do not follow on, it does not take them for a financial year', [
    ['2011/15', '2011/15', '15 is not the year after 2011, so this is not a financial year'],
    [
      'joint commissioning strategy 2011-13',
      '2011-13',
      '13 is not the year after 2011, so this is not a financial year',
    ],
    ['2010-09', '2010-09', '09 is not the year after 2010, so this is not a financial year'],
  ]);

  readsAsInvalid('a cell is too vague to name a day, it asks for the month rather than guess', [
    ['mid-2012', 'mid-2012', '"mid" does not say when in 2012; name the month, e.g. "June 2012"'],
    ['early 2013', 'early 2013', '"early" does not say when in 2013; name the month, e.g. "March 2013"'],
    [
      'by the beginning of 2012',
      'beginning of 2012',
      '"beginning" does not say when in 2012; name the month, e.g. "January 2012"',
    ],
    ['Winter 2012', 'Winter 2012', 'winter 2012 spans two years; name the month, e.g. "February 2012"'],
  ]);

  readsAsInvalid('one milestone in a cell cannot be a date, the whole cell is invalid and names that fragment', [
    [
      'Interim lead commissioner appointed for 2 days week until Dec 20101; New structure approved by SLT but risk wont reduce until post advertised',
      'Dec 20101',
      'the year 20101 has five digits',
    ],
    ['Pathways by end Jan 11; contracts issued 30/02/2012', '30/02/2012', 'February 2012 has 29 days'],
    ['by Mar 2011; Complete delivery by 31st Sept 2012', '31st Sept 2012', 'September 2012 has 30 days'],
  ]);

  readsAsDates('a cell names a half year, H1 and H2 of a calendar year end in June and December', [
    ['H1 2027', ['2027-06-30']],
    ['H2 2027', ['2027-12-31']],
    ['2027 H1', ['2027-06-30']],
    ['by H2 2026', ['2026-12-31']],
  ]);

  // NHS England's planning guidance and trust board papers write "H1 2022/23"; firms write "H2 FY27".
  readsAsDates('a cell names a half of a financial year, H1 ends 30 September and H2 31 March', [
    ['H1 2027/28', ['2027-09-30']],
    ['H2 2027/28', ['2028-03-31']],
    ['H2 2022/23', ['2023-03-31']],
    ['H1 FY27', ['2026-09-30']],
    ['H2 FY27', ['2027-03-31']],
    ['H1 FY 2026/27', ['2026-09-30']],
  ]);

  readsAsDates('a cell names a financial year by the year it ends in, FY27 ends 31 March 2027', [
    ['FY27', ['2027-03-31']],
    ['FY 27', ['2027-03-31']],
    ['FY2027', ['2027-03-31']],
    ['FY26/27', ['2027-03-31']],
    ['Q4 FY27', ['2027-03-31']],
    ['Q1 FY27', ['2026-06-30']],
    ['Q3 FY 2026/27', ['2026-12-31']],
  ]);

  readsAsDates('a plan cell says a week commencing, it means the Friday of that week', [
    ['w/c 12 Jan 2026', ['2026-01-16']],
    ['W/C 5th October 2026', ['2026-10-09']],
    ['w/b 7 Sept 2026', ['2026-09-11']],
    ['week commencing 2 March 2026', ['2026-03-06']],
    ['w/c 12/01/2026', ['2026-01-16']],
  ]);

  readsAsDates('a range starts with a day or month without a year, it ends at its end, which has one', [
    ['12 Jan – 15 Feb 2027', ['2027-02-15']],
    ['by Jan - Mar 2027', ['2027-03-31']],
    ['Jan-Mar 2027', ['2027-03-31']],
  ]);

  readsAsDates(
    'the plan year is 2026/27 and a cell has no year, it falls in April 2026 to March 2027',
    [
      ['12 Jan', ['2027-01-12']],
      ['w/c 12 Jan', ['2027-01-15']],
      ['end of March', ['2027-03-31']],
      ['by end of March', ['2027-03-31']],
      ['by end Sept', ['2026-09-30']],
      ['April', ['2026-04-30']],
      ['January', ['2027-01-31']],
      ['Q1', ['2026-06-30']],
      ['Q4', ['2027-03-31']],
      ['H1', ['2026-09-30']],
      ['H2', ['2027-03-31']],
      ['June 11th', ['2026-06-11']],
      ['31st March', ['2027-03-31']],
      ['Jan – Mar', ['2027-03-31']],
      ['year end', ['2027-03-31']],
      ['by the end of the financial year', ['2027-03-31']],
      [
        'Commication Plan and leadership from clinical champion; priorities taken to clinical cabinet 23rd Sept',
        ['2026-09-23'],
      ],
      ['Draft by 31 Dec; signed off by 31st March', ['2026-12-31', '2027-03-31']],
      ['Q4 2027/28', ['2028-03-31']],
    ],
    '2026/27',
  );

  readsAsDates(
    'the plan year is the calendar year 2027 and a cell has no year, it falls in 2027',
    [
      ['12 Jan', ['2027-01-12']],
      ['Q4', ['2027-12-31']],
      ['H1', ['2027-06-30']],
      ['end of March', ['2027-03-31']],
      ['year end', ['2027-12-31']],
      ['end of financial year', ['2027-03-31']],
    ],
    2027,
  );

  readsAsDates('the plan year is 2028, a leap year, and a cell says 29 Feb', [['29 Feb', ['2028-02-29']]], '2028');

  it('when the plan year has no 29 February, a cell saying 29 Feb is reported as in any other year', () => {
    expect(readTimescale('29 Feb', { planYear: planYear('2026/27') })).toEqual({
      kind: 'invalid',
      fragment: '29 Feb',
      message: '"29 Feb" is not a valid date: February 2027 has 28 days',
    });
  });

  readsWithoutYear('no plan year is set and a cell has a date without its year, it reports it rather than no date', [
    ['12 Jan', '12 Jan'],
    ['w/c 12 Jan', 'w/c 12 Jan'],
    ['end of March', 'end of March'],
    ['Q4', 'Q4'],
    ['Q3', 'Q3'],
    ['H1', 'H1'],
    ['January', 'January'],
    ['June 11th', 'June 11th'],
    ['March 1', 'March 1'],
    // The Leicester risk log's R-13, where "2012" sits in the row below.
    ['31st March', '31st March'],
    [
      'Commication Plan and leadership from clinical champion; priorities taken to clinical cabinet 23rd Sept',
      '23rd Sept',
    ],
    ['Number of service users receiving a Direct Payments as at 31 st March', '31 st March'],
    ['Contracts issued by Dec 2026; review at year end', 'year end'],
  ]);

  readsAsInvalid(
    'a cell counts from when it was written, it is reported even with a plan year',
    [
      ['next week', 'next week', RELATIVE],
      ['by end of the month', 'end of the month', RELATIVE],
      ['this quarter', 'this quarter', RELATIVE],
      ['next year', 'next year', RELATIVE],
    ],
    '2026/27',
  );

  readsAsInvalid('a cell holds a number that is neither a serial nor a year, it reports the number', [
    [632, '632', 'a number here must be a date serial (20000–80000) or a year (1990–2099)'],
    ['45', '45', 'a number here must be a date serial (20000–80000) or a year (1990–2099)'],
    [-1, '-1', 'a number here must be a date serial (20000–80000) or a year (1990–2099)'],
    [Number.NaN, 'NaN', 'a number here must be a date serial (20000–80000) or a year (1990–2099)'],
  ]);

  readsAsInvalid('a cell holds a tick box, it is not taken as a date', [[true, 'TRUE', 'it is a tick box value']]);

  describe('when the machine runs in a time zone far from UTC', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago'])('reads the same dates under %s', (zone) => {
      process.env.TZ = zone;
      expect(readTimescale('Dec 09; 01/04/2011; 2011/12')).toEqual({
        kind: 'dates',
        milestones: ['2009-12-31', '2011-04-01', '2012-03-31'],
      });
      expect(readTimescale(40432)).toEqual({ kind: 'dates', milestones: ['2010-09-11'] });
    });
  });

  // Speed is measured in bench/, not asserted here: this checks a pathological cell still reads.
  it('when a cell is a long run of separators, it is still read to an answer', () => {
    const cells = [
      'SL model developed and approved by end of November 10; Pathways developed by end Jan 11; New floating support services commissioned by end 2011/12 (linked to moving on project); Moving On project completed by 2014; Existing services reviewed and, where necessary, re-tendered during 2010/11; new contracts issued April 2012.',
      '31st Dec 20101',
      'TBC',
      '21.9.10',
      `${'1/'.repeat(2000)}x ${'Mar – '.repeat(500)}`,
    ];
    for (let row = 0; row < 1_000; row += 1) expect(readTimescale(cells[row % 4] ?? null).kind).toBeDefined();
    expect(['dates', 'none', 'invalid']).toContain(readTimescale(cells[4] ?? null).kind);
  });
});

describe('readSingleDate', () => {
  it.each<[CellValue, string]>([
    ['15.9.10', '2010-09-15'],
    ['21.9.10', '2010-09-21'],
    ['31st October 2010', '2010-10-31'],
    ['31st March 2011', '2011-03-31'],
    ['Mar – June 11', '2011-06-30'],
    ['March 1, 2026 → March 31, 2026', '2026-03-31'],
    [40432, '2010-09-11'],
  ])('when a date column holds %j, reads the one date %s', (cell, date) => {
    expect(readSingleDate(cell)).toEqual({ kind: 'date', date });
  });

  it('when a date column is blank or says TBC, reads no date', () => {
    expect(readSingleDate(null)).toEqual({ kind: 'none' });
    expect(readSingleDate('TBC')).toEqual({ kind: 'none' });
  });

  it('when a date column names several dates, reports that it takes one and lists them', () => {
    expect(readSingleDate('by Mar 2011; Complete delivery by Mar 2012')).toEqual({
      kind: 'invalid',
      fragment: 'by Mar 2011; Complete delivery by Mar 2012',
      message:
        '"by Mar 2011; Complete delivery by Mar 2012" is not a single date: it names 2 dates (2011-03-31, 2012-03-31); this column takes one',
    });
  });

  it('when a date column holds an impossible date, passes the problem on', () => {
    expect(readSingleDate('31st Dec 20101')).toMatchObject({ kind: 'invalid', fragment: '31st Dec 20101' });
  });

  it('when a date column has no year, the plan year gives it', () => {
    expect(readSingleDate('12 Jan', { planYear: planYear('2026/27') })).toEqual({ kind: 'date', date: '2027-01-12' });
    expect(readSingleDate('12 Jan')).toMatchObject({ kind: 'invalid', fragment: '12 Jan', noYear: true });
  });

  it('when the same date is written twice, it is still one date', () => {
    expect(readSingleDate('31 March 2011 (end of 2010/11)')).toEqual({ kind: 'date', date: '2011-03-31' });
  });
});

describe('readPlanYear', () => {
  it.each<[string | number, PlanYear]>([
    [2027, { kind: 'calendar', year: 2027 }],
    ['2027', { kind: 'calendar', year: 2027 }],
    ['2026/27', { kind: 'financial', startYear: 2026 }],
    ['2026-27', { kind: 'financial', startYear: 2026 }],
    ['2026/2027', { kind: 'financial', startYear: 2026 }],
    ['FY27', { kind: 'financial', startYear: 2026 }],
    ['FY 2026/27', { kind: 'financial', startYear: 2026 }],
  ])('reads %j as %j', (text, plan) => {
    expect(readPlanYear(text)).toEqual(plan);
  });

  it.each(['27', '2026/28', 'next year', '20277', ''])('when the setting is %j, says what to write instead', (text) => {
    expect(readPlanYear(text)).toEqual({
      reason: `"${text}" is not a plan year: write a calendar year like "2027" or a UK financial year like "2026/27"`,
    });
  });
});

describe('spreadsheet serials', () => {
  it.each<[number, string]>([
    [1, '1899-12-31'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [40432, '2010-09-11'],
    [40999, '2012-03-31'],
    [44927, '2023-01-01'],
    [45658, '2025-01-01'],
  ])('when converting serial %i, gives %s and back', (serial, date) => {
    expect(serialToIsoDate(serial)).toBe(date);
    expect(isoDateToSerial(date)).toBe(serial);
  });

  it('when a serial carries a time of day, drops the time', () => {
    expect(serialToIsoDate(40432.999)).toBe('2010-09-11');
  });

  it('when a serial or a date cannot be converted, throws invalid_value', () => {
    expect(() => serialToIsoDate(Number.NaN)).toThrow(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => isoDateToSerial('2011-02-30')).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });
});

describe('isValidIsoDate', () => {
  it.each<[string, boolean]>([
    ['2012-02-29', true],
    ['2000-02-29', true],
    ['2010-09-08', true],
    ['2011-02-29', false],
    ['1900-02-29', false],
    ['2011-13-01', false],
    ['2011-04-31', false],
    ['2011-4-1', false],
    ['01/04/2011', false],
    ['', false],
  ])('when given %j, says %s', (text, valid) => {
    expect(isValidIsoDate(text)).toBe(valid);
  });
});
