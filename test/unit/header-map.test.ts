import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { columnLetter, mapHeaders, normalizeHeader } from '../../src/domain/register/header-map.js';
import { SEED_ACTION_HEADERS, SEED_RISK_HEADERS } from '../helpers/raw-register.js';

const { tabs } = loadSettings();

describe('header mapping', () => {
  it('when the seed risk log headers are read, then every column finds its field', () => {
    const { byField, problems } = mapHeaders('risks', SEED_RISK_HEADERS, tabs.risks.headers);
    expect(problems).toEqual([]);
    expect(byField).toEqual({
      id: 0,
      dateRaised: 1,
      owner: 2,
      description: 3,
      impactOnProgramme: 4,
      impact: 5,
      probability: 6,
      rating: 7,
      band: 8,
      mitigatingActions: 9,
      targetResolution: 10,
      actionOwner: 11,
      dateLastUpdated: 12,
      status: 13,
    });
  });

  it.each([
    ['Date Last Upda ted', 'dateLastUpdated'],
    ['Rating (I x P)', 'rating'],
    ['RISK RATING', 'band'],
    ['Likelihood', 'probability'],
    ['Consequence', 'impact'],
    ['Risk\nNo.', 'id'],
    ['  impact  (i) ', 'impact'],
    ['Target resolution\ndate', 'targetResolution'],
    ['Trend', 'trend'],
  ])('when a risks header reads %j, then it maps to %s', (header, field) => {
    const { byField } = mapHeaders('risks', ['Notes', header], tabs.risks.headers);
    expect(byField[field]).toBe(1);
  });

  it('when the seed plan headers are read, then the action columns are found', () => {
    const { byField } = mapHeaders('actions', SEED_ACTION_HEADERS, tabs.actions.headers);
    expect(byField).toMatchObject({
      id: 0,
      action: 1,
      lead: 2,
      coDependencies: 3,
      resources: 4,
      successCriteria: 5,
      timescale: 6,
    });
  });

  it.each([
    ['Accountable Manager', 'lead'],
    ['Lead / Accountable Manager', 'lead'],
    ['DEADLINE/ TIMESCALE', 'timescale'],
    ['Deadline', 'timescale'],
    ['Target date of delivery/ completion', 'timescale'],
    ['CRITICAL SUCCESS FACTOR', 'successCriteria'],
    ['IMPROVEMENT TASK', 'action'],
    ['Project/ development/ key action', 'action'],
    ['Progress %', 'progress'],
  ])('when an actions header reads %j, then it maps to %s', (header, field) => {
    const { byField } = mapHeaders('actions', ['ID', header], tabs.actions.headers);
    expect(byField[field]).toBe(1);
  });

  it('when a sheet has both Timescale and Target date, then each keeps its own field', () => {
    const { byField } = mapHeaders('actions', ['ID', 'Target date', 'Timescale'], tabs.actions.headers);
    expect(byField).toMatchObject({ targetDate: 1, timescale: 2 });
  });

  it('when a sheet has the same header twice, then the first is used and the second reported', () => {
    const { byField, problems } = mapHeaders('risks', ['Risk No.', 'Impact', 'Impact (I)'], tabs.risks.headers);
    expect(byField.impact).toBe(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 1, header: 'Impact' });
    expect(problems[0]!.message).toContain('second column');
  });

  it('when a sheet has two columns for one field, then the name listed first wins and the other is unused, not a problem', () => {
    const { byField, problems, unused } = mapHeaders(
      'risks',
      ['Risk ID', 'Risk Name', 'Risk Description', 'Current Controls', 'Mitigation Actions'],
      tabs.risks.headers,
    );
    expect(byField).toMatchObject({ description: 2, mitigatingActions: 4 });
    expect(problems).toEqual([]);
    expect(unused).toEqual([
      { column: 1, header: 'Risk Name', alsoNames: 'description' },
      { column: 3, header: 'Current Controls', alsoNames: 'mitigatingActions' },
    ]);
  });

  it('when a header explains itself on lines below its name, then its first line is matched', () => {
    const { byField } = mapHeaders(
      'actions',
      [
        'No',
        'Action',
        'Status\nNot Started / Started / Complete',
        'Planned Finish Date\nmm.dd.yy',
        'Priority\nHigh/Med/Low',
      ],
      tabs.actions.headers,
    );
    expect(byField).toMatchObject({ id: 0, action: 1, status: 2, targetDate: 3 });
  });

  it('when headers match no field, then each is listed as unused with its column', () => {
    const { unused } = mapHeaders('risks', ['Risk ID', 'Proximity', '', 'Chance'], tabs.risks.headers);
    expect(unused).toEqual([
      { column: 1, header: 'Proximity' },
      { column: 3, header: 'Chance' },
    ]);
  });

  it.each(['risks', 'actions', 'people', 'audit'] as const)(
    'in the %s tab, no built-in header name belongs to two fields',
    (tab) => {
      const owners = new Map<string, string>();
      for (const [field, names] of Object.entries(tabs[tab].headers)) {
        for (const name of names) {
          const key = normalizeHeader(name);
          expect(owners.get(key) ?? field, `"${name}"`).toBe(field);
          owners.set(key, field);
        }
      }
    },
  );

  it('when config maps a header, then the override is used', () => {
    const headers = { ...tabs.risks.headers, trend: ['Status'], status: ['Open or closed'] };
    const { byField } = mapHeaders('risks', SEED_RISK_HEADERS, headers);
    expect(byField.trend).toBe(13);
    expect(byField.status).toBeUndefined();
  });

  it('when columns are unknown or blank, then they are left alone', () => {
    const { byField, problems } = mapHeaders('risks', ['Risk No.', '', 'Whatever this is'], tabs.risks.headers);
    expect(byField).toEqual({ id: 0 });
    expect(problems).toEqual([]);
  });

  it('normalizes case, spacing, line breaks and punctuation away', () => {
    expect(normalizeHeader('Date Last Upda ted')).toBe(normalizeHeader('date last updated'));
    expect(normalizeHeader('Co-\ndependencies')).toBe('codependencies');
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});
