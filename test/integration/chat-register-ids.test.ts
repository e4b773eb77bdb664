import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { eventBody, sendToApp } from '../helpers/slack-signing.js';

const TODAY = '2026-11-23';
const settings = loadSettings();
const slack = fakeSlackPerFile();
let app: RunningSlackApp;

// A register kept as a PRINCE2 risk register (RISK-001, with an older R-1 row beside it) and a plan numbered by section.
const grids = () => ({
  Risks: [
    ['Risk ID', 'Date raised', 'Risk owner', 'Description of risk', 'Impact', 'Probability', 'Status'],
    ['RISK-001', '01/09/2026', 'Change Manager', 'Supplier cannot staff the new crisis line', 3, 3, 'Open'],
    ['RISK-002', '01/09/2026', 'Team Lead', 'Estates work on the ward overruns', 2, 2, 'Open'],
    ['R-1', '01/06/2026', 'Programme Office', 'Legacy risk carried over from the old log', 1, 2, 'Open'],
    ['H1', '01/10/2026', 'Team Lead', 'Lone working on home visits', 2, 3, 'Open'],
  ],
  Actions: [
    ['Action ID', 'Action', 'Lead', 'Timescale', 'Status'],
    ['1.1', 'Agree the crisis line specification', 'Change Manager', '31/12/2026', 'In progress'],
    ['2.1', 'Recruit two band 6 practitioners', 'Team Lead', '31/01/2027', 'Not started'],
    ['2.10', 'Review the lone-working policy', 'Programme Office', '15/11/2026', 'In progress'],
  ],
  People: [['Name', 'Slack user']],
});

beforeEach(async () => {
  const store = new MemoryRegisterStore({ tabs: settings.tabs, grids: grids() });
  app = await startTestSlackApp(slack, { store, settings, today: () => TODAY, log: () => {} });
});
afterEach(async () => {
  await app.stop();
});

async function ask(text: string): Promise<string> {
  const ts = `1790000000.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const event = { type: 'message', channel_type: 'im', channel: 'DU0LEAD', user: 'U0LEAD', ts, text };
  expect((await sendToApp(app.url!, eventBody(event), { secret: TEST_SIGNING_SECRET })).status).toBe(200);
  const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
  return JSON.stringify(reply!.args.blocks);
}

describe("questions in chat name items by the register's own IDs", () => {
  it('"show me RISK-001" answers about RISK-001, not the R-1 beside it', async () => {
    const answer = await ask('show me RISK-001');
    expect(answer).toContain('Supplier cannot staff the new crisis line');
    expect(answer).not.toContain('Legacy risk');
  });

  it('"show me R-1" answers about R-1', async () => {
    expect(await ask('show me R-1')).toContain('Legacy risk carried over');
  });

  it('"what about H1" finds the health-and-safety risk', async () => {
    expect(await ask('what about H1')).toContain('Lone working on home visits');
  });

  it('"show me 2.1" finds the plan item, not 2.10', async () => {
    const answer = await ask('show me 2.1');
    expect(answer).toContain('Recruit two band 6 practitioners');
    expect(answer).not.toContain('lone-working policy');
  });

  it('"risk 1" names two risks, so the bot asks which', async () => {
    expect(await ask('risk 1')).toContain('ask for RISK-001, then R-1');
  });
});

describe('questions in chat about owners whose names are ordinary words', () => {
  it('"what does Change Manager own?" lists the Change Manager\'s items', async () => {
    const answer = await ask('what does Change Manager own?');
    expect(answer).toContain('Open items for Change Manager');
    expect(answer).toContain('RISK-001');
    expect(answer).toContain('1.1');
    expect(answer).not.toContain('RISK-002');
  });

  it('"what does Team Lead own?" lists the Team Lead\'s items', async () => {
    const answer = await ask('what does Team Lead own?');
    expect(answer).toContain('Open items for Team Lead');
    expect(answer).toContain('RISK-002');
    expect(answer).toContain('H1');
  });

  it('"anything overdue for the Programme Office?" finds its late action', async () => {
    const answer = await ask('anything overdue for the Programme Office?');
    expect(answer).toContain('Overdue items for Programme Office');
    expect(answer).toContain('2.10');
  });
});
