import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import {
  type Actor,
  permissionForOffice,
  permissionToAdd,
  permissionToChange,
} from '../../src/domain/items/permissions.js';
import type { TabKey } from '../../src/domain/register/raw-register.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { buildSampleRegister } from '../../src/sample/sample-register.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const tabs = Object.fromEntries(buildSampleRegister('2026-11-23', settings.tabs).map((tab) => [tab.key, tab]));
const raw = (key: TabKey) => rawTab(key, tabs[key]!.headers, tabs[key]!.rows, tabs[key]!.title);
const register = readRegister(
  rawRegister({ risks: raw('risks'), actions: raw('actions'), people: raw('people'), audit: raw('audit') }),
  settings,
  '2026-11-23',
);
const r1 = register.risks.find((r) => r.key === 'R-1')!;
const UNKNOWN = 'Slack could not be reached. Try again in a minute.';

const owner: Actor = { id: 'U0SAMPLE01', programmeOffice: false, officeUnknown: UNKNOWN };
const other: Actor = { id: 'U0SAMPLE03', programmeOffice: false, officeUnknown: UNKNOWN };
const stranger: Actor = { id: 'U0NOBODY', programmeOffice: false, officeUnknown: UNKNOWN };
const byEmail: Actor = { id: 'U0ELSEWHERE', email: 'Service.Manager@example.org', programmeOffice: false };

describe('permissions when membership of the programme office is unknown', () => {
  it('when the owner changes their item, then it is allowed: the office is not needed', () => {
    expect(permissionToChange(r1, owner, register.people)).toEqual({ allowed: true });
  });

  it('when someone else changes it, then it is refused as unchecked, saying nothing changed and why', () => {
    expect(permissionToChange(r1, other, register.people)).toEqual({
      allowed: false,
      code: 'unavailable',
      whoCan: `R - 1 was not changed: only Director of commissioning or Dir of Commissioning (through the People tab), or the programme office can change R - 1, and whether you are in the programme office could not be checked. ${UNKNOWN}`,
    });
  });

  it('when membership is known to be no, then the refusal is as before: who can', () => {
    expect(permissionToChange(r1, { id: 'U0SAMPLE03', programmeOffice: false }, register.people)).toEqual({
      allowed: false,
      code: 'not_permitted',
      whoCan:
        'Only Director of commissioning or Dir of Commissioning (through the People tab), or the programme office can change R - 1.',
    });
  });

  it('when adding, then anyone People names (by Slack user or e-mail) may; a stranger is refused as unchecked', () => {
    expect(permissionToAdd(other, register.people)).toEqual({ allowed: true });
    expect(permissionToAdd(byEmail, register.people)).toEqual({ allowed: true });
    expect(permissionToAdd(stranger, register.people)).toMatchObject({
      allowed: false,
      code: 'unavailable',
      whoCan: expect.stringMatching(/^Nothing was added: .* could not be checked\. Slack could not be reached/),
    });
    expect(permissionToAdd({ id: 'U0NOBODY', programmeOffice: false }, register.people)).toMatchObject({
      code: 'not_permitted',
      whoCan: expect.stringContaining('Ask the programme office to add you.'),
    });
  });

  it('when posting the digest on demand, then only the office may, and unknown is said as such', () => {
    expect(permissionForOffice({ id: 'U0PMO', programmeOffice: true }, 'post the digest on demand')).toEqual({
      allowed: true,
    });
    expect(permissionForOffice(owner, 'post the digest on demand')).toMatchObject({ code: 'unavailable' });
    expect(permissionForOffice({ id: 'U0SAMPLE01', programmeOffice: false }, 'post the digest on demand')).toEqual({
      allowed: false,
      code: 'not_permitted',
      whoCan: 'Only the programme office can post the digest on demand.',
    });
  });
});
