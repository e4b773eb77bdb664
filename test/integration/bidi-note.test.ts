import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { sampleWorkbookCopy, startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

const LEAD = 'U0SAMPLE11'; // leads A-17 in the sample's People tab
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Shows as "moved to 12 Dec" in a client that honours the override; the cell must keep it as typed.
const NOTE = 'moved to \u202e21\u202c Dec, see \u2067R-3\u2069 \u200f';
const base = loadSettings();
const settings: Settings = { ...base, programmeOffice: { users: [], userGroup: null } };

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let path: string;

beforeEach(async () => {
  path = sampleWorkbookCopy('bidi-note-');
  app = await startTestSlackApp(slack, {
    store: new WorkbookRegisterStore({ path, tabs: settings.tabs }),
    settings,
    today: () => '2026-11-23',
    log: () => {},
  });
});
afterEach(async () => {
  await app.stop();
});

async function command(text: string): Promise<void> {
  const result = await sendToApp(
    app.url!,
    slashCommandBody({ command: '/action', text, userId: LEAD, responseUrl: slack.responseUrl() }),
    { secret: TEST_SIGNING_SECRET },
  );
  expect(result.status).toBe(200);
}

describe('a note holding right-to-left overrides, sent through Slack', () => {
  it('when the lead updates with it, then the cell and the Audit log keep it exactly, and nothing sent back to Slack holds one', async () => {
    await command(`update A-17 progress 95 note "${NOTE}"`);
    const [updated] = await slack.waitFor('response_url', 1, 8000);
    expect(JSON.stringify(updated!.args)).toContain('Updated A-17');
    expect(JSON.stringify(updated!.args)).not.toMatch(BIDI);
    await command('show A-17');
    const shown = (await slack.waitFor('response_url', 2, 8000))[1];

    const register = readRegister(
      await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(),
      settings,
      '2026-11-23',
    );
    expect(register.actions.find((a) => a.key === 'A-17')!.latestNote).toBe(NOTE.trim());
    expect(register.audit.at(-1)!.note).toBe(NOTE.trim());

    const reply = JSON.stringify(shown!.args);
    expect(reply).toContain('moved to 21 Dec, see R-3');
    expect(reply).not.toMatch(BIDI);
  });
});
