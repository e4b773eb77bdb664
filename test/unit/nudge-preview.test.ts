import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { CellValue } from '../../src/domain/cell.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { nudgesPreviewMessage } from '../../src/messages/nudges-message.js';
import { previewNudges } from '../../src/use-cases/preview-nudges.js';
import { rawRegister, rawTab } from '../helpers/raw-register.js';

const settings = loadSettings();
const today = '2026-11-23'; // a Monday

const register = (actions: CellValue[][], people: CellValue[][]) =>
  readRegister(
    rawRegister({
      actions: rawTab('actions', ['Action ID', 'Action', 'Lead', 'Target date', 'Status'], actions),
      people: rawTab('people', ['Name', 'Slack user', 'E-mail'], people),
    }),
    { ...settings, keeps: ['actions'] },
    today,
  );

describe('the reminder preview, grouped as the run sends', () => {
  const preview = previewNudges(
    register(
      [
        ['A-1', 'Recruit a housing officer', 'Head of Housing', '23/11/2026', 'Open'],
        ['A-2', 'Tender the day service', 'J. Smith', '23/11/2026', 'Open'],
        ['A-3', 'Agree the budget', 'Finance Lead', '23/11/2026', 'Open'],
        ['A-4', 'Consult on the strategy', 'Nobody Known', '23/11/2026', 'Open'],
        ['A-5', 'Write the plan', '', '23/11/2026', 'Open'],
      ],
      [
        ['Head of Housing', 'U0SMITH', ''],
        ['J. Smith', 'U0SMITH', ''],
        ['Finance Lead', '', 'finance.lead@example.org'],
      ],
    ),
    settings,
    today,
  );

  it('when one person is the owner under two names, then the preview shows one message to them, as the run sends one', () => {
    expect(preview.messages.map((m) => [m.recipient, m.owners, m.nudges.map((n) => n.item.id)])).toEqual([
      ['finance.lead@example.org', ['Finance Lead'], ['A-3']],
      ['U0SMITH', ['Head of Housing', 'J. Smith'], ['A-1', 'A-2']],
    ]);
  });

  it('when an owner is not in People, or an item has no owner, then it is listed as reaching nobody, with why', () => {
    expect(preview.unreachable.map((u) => [u.nudge.item.id, u.owner, u.reason])).toEqual([
      ['A-5', '(no owner)', 'it has no owner or lead'],
      ['A-4', 'Nobody Known', '"Nobody Known" is not in the People tab'],
    ]);
  });

  it('when shown, then each message is headed by the person it goes to and the names they stand for', () => {
    const text = renderText(nudgesPreviewMessage(preview, today));
    expect(text).toContain('Reminders for Mon, 23 Nov 2026: 5 items, 2 messages');
    expect(text).toContain('To Head of Housing (U0SMITH), as Head of Housing, J. Smith');
    expect(text).toContain('To Finance Lead (finance.lead@example.org), as Finance Lead');
    expect(text).toContain('Would reach nobody');
  });
});
