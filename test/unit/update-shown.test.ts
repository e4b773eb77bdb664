import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { formatDate as d } from '../../src/domain/dates/calendar.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { planItemUpdate, type RequestedChange } from '../../src/domain/items/item-update.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { Item } from '../../src/domain/register/register.js';
import { itemMessage, updatedMessage } from '../../src/messages/item-message.js';
import type { Message } from '../../src/messages/message.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const today = '2026-11-23';
const register = readRegister(
  rawRegister({
    risks: rawTab(
      'risks',
      ['Risk ID', 'Description', 'Impact', 'Probability', 'Target resolution date', 'Status'],
      [['R-1', 'Funding gap', 2, 2, isoDateToSerial('2027-03-31'), 'Open']],
    ),
    actions: rawTab(
      'actions',
      ['Action ID', 'Action', 'Lead', 'Timescale', 'Target date', 'Status'],
      [['A-1', 'Business case', 'Lead', isoDateToSerial('2027-01-15'), isoDateToSerial('2027-01-15'), 'In progress']],
    ),
  }),
  settings,
  today,
);

function update(item: Item, changes: RequestedChange[]) {
  return planItemUpdate({
    item,
    register,
    changes,
    note: null,
    scale: settings.scale,
    today,
    now: `${today}T10:00:00.000Z`,
    who: 'U1',
    via: 'command',
  });
}

/** Every piece of text a message shows, joined. */
function textOf(message: Message): string {
  return JSON.stringify(message.parts);
}

describe('what an update says it changed', () => {
  it('when a risk moves its target resolution date, the reply names the field in words and shows dates as dates', () => {
    const risk = register.risks[0]!;
    const result = update(risk, [{ field: 'targetDate', value: '30/06/2027' }]);
    expect(result.audit.map((line) => [line.field, line.oldValue, line.newValue])).toEqual([
      ['targetResolution', '2027-03-31', '2027-06-30'],
    ]);
    const text = textOf(updatedMessage(risk, result, settings.scale));
    expect(text).toContain(`target resolution date ${d('2027-03-31')} → ${d('2027-06-30')}`);
    expect(text).not.toMatch(/targetResolution|46\d{3}/);
  });

  it('when an action slips, the old date in the Audit log is the date, not the serial stored in the cell', () => {
    const action = register.actions[0]!;
    const result = update(action, [{ field: 'targetDate', value: '26 Feb 2027' }]);
    expect(result.audit.map((line) => [line.field, line.oldValue, line.newValue])).toEqual([
      ['targetDate', '2027-01-15', '2027-02-26'],
    ]);
    expect(textOf(updatedMessage(action, result, settings.scale))).toContain(
      `target date ${d('2027-01-15')} → ${d('2027-02-26')}`,
    );
  });

  it('when an item is shown, a date cell is shown as its date, never as a serial', () => {
    const risk = textOf(itemMessage(register.risks[0]!, today));
    const action = textOf(itemMessage(register.actions[0]!, today));
    expect(risk).toContain(`${d('2027-03-31')} (in 128 days)`);
    expect(risk).not.toContain('written');
    expect(action).toContain('Timescale: ');
    expect(`${risk}${action}`).not.toMatch(/4\d{4}/);
  });
});
