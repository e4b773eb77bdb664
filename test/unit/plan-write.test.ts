import { describe, expect, it } from 'vitest';
import { applyPlanToTabs } from '../../src/adapters/shared/apply-plan-to-tabs.js';
import { planWrite } from '../../src/adapters/shared/plan-write.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { mapTabs } from '../../src/domain/register/mapped-tab.js';
import type { AuditRecord } from '../../src/domain/register/raw-register.js';
import type { WriteRequest } from '../../src/ports/register-store.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const { tabs: layout } = loadSettings();
const AUDIT_HEADERS = ['When', 'Who', 'Item', 'Field', 'Old value', 'New value', 'Via', 'Note'];
const line: AuditRecord = {
  when: '2026-11-23T10:00:00Z',
  who: 'U01',
  item: 'R-1',
  field: 'status',
  oldValue: 'Open',
  newValue: 'Closed',
  via: 'command',
  note: '',
};

function mappedRead() {
  const { tabs } = rawRegister({
    risks: rawTab('risks', ['Risk No.', 'Status'], [['R - 1', 'Open']]),
    audit: rawTab('audit', [...AUDIT_HEADERS], []),
  });
  return mapTabs(tabs, layout);
}

const closeR1 = (changeId: string): WriteRequest => ({
  updates: [{ tab: 'risks', id: 'r1', changes: [{ field: 'status', expected: 'Open', value: 'Closed' }] }],
  inserts: [],
  audit: [line],
  changeId,
});

describe('planning writes against one mapped read', () => {
  it("when a write adds the Audit log's Change ID column, then the next write planned against the same read sees it and is refused as already applied", () => {
    const tabs = mappedRead();
    const first = planWrite(tabs, closeR1('slack:trigger:1'));
    expect(first.audit.filter((cell) => cell.header)).toEqual([
      expect.objectContaining({ field: 'change', column: AUDIT_HEADERS.length, value: 'Change ID' }),
    ]);
    applyPlanToTabs(tabs, first, layout.audit.title);
    expect(tabs.audit.columns.change).toBe(AUDIT_HEADERS.length);
    expect(tabs.audit.tab.headers.at(-1)).toBe('Change ID');
    expect(() => planWrite(tabs, { ...closeR1('slack:trigger:1'), updates: [] })).toThrow(
      expect.objectContaining({ code: 'already_applied' }),
    );
  });

  it('when the row found by ID no longer holds what the user saw, then conflict', () => {
    const tabs = mappedRead();
    applyPlanToTabs(tabs, planWrite(tabs, closeR1('slack:trigger:1')), layout.audit.title);
    expect(() => planWrite(tabs, closeR1('slack:trigger:2'))).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('when a date cell changed since it was read, the conflict quotes both dates as dates, not serials', () => {
    const { tabs: raw } = rawRegister({
      actions: rawTab('actions', ['Action ID', 'Target date'], [['A-1', isoDateToSerial('2027-02-26')]]),
      audit: rawTab('audit', [...AUDIT_HEADERS], []),
    });
    const tabs = mapTabs(raw, layout);
    const move: WriteRequest = {
      updates: [
        {
          tab: 'actions',
          id: 'A-1',
          changes: [
            { field: 'targetDate', expected: isoDateToSerial('2027-01-15'), value: isoDateToSerial('2027-03-31') },
          ],
        },
      ],
      inserts: [],
      audit: [],
    };
    expect(() => planWrite(tabs, move)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringContaining('expected "2027-01-15", now "2027-02-26"'),
      }),
    );
  });

  it("when a risk's target resolution date is moved, the serial is written with a date format, never shown as a number", () => {
    const { tabs: raw } = rawRegister({
      risks: rawTab('risks', ['Risk No.', 'Target resolution date'], [['R-1', 'Dec 2026']]),
      audit: rawTab('audit', [...AUDIT_HEADERS], []),
    });
    const plan = planWrite(mapTabs(raw, layout), {
      updates: [
        {
          tab: 'risks',
          id: 'R-1',
          changes: [{ field: 'targetResolution', expected: 'Dec 2026', value: isoDateToSerial('2027-03-31') }],
        },
      ],
      inserts: [],
      audit: [],
    });
    expect(plan.cells.map((cell) => [cell.field, cell.isDate])).toEqual([['targetResolution', true]]);
  });
});
