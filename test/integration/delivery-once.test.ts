import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { dateInZone } from '../../src/domain/dates/calendar.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { ITEM_ACTIONS } from '../../src/messages/item-buttons.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { sampleWorkbookCopy, startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { interactionBody, sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

/**
 * A Slack retry or a replay of a signed request that reaches the bot after a
 * restart (its in-memory delivery leases gone, no Redis) must not apply its
 * change twice: the change ID the first delivery wrote to the Audit log says
 * it was applied.
 */
const DIRECTOR = 'U0SAMPLE01'; // owns R-1 through the sample's People tab
const base = loadSettings();
const settings: Settings = { ...base, programmeOffice: { users: ['U0PMO'], userGroup: null } };
const NOW = new Date('2026-11-23T10:00:00Z');

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let path: string;

const start = () =>
  startTestSlackApp(slack, {
    store: new WorkbookRegisterStore({ path, tabs: settings.tabs }),
    settings,
    today: () => dateInZone(NOW, 'Europe/London'),
    log: () => {},
  });

/** Stops the bot and starts a new one on the same register: nothing in memory survives. */
async function restart(): Promise<void> {
  await app.stop();
  app = await start();
}

const register = async () =>
  readRegister(await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(), settings, '2026-11-23');
const send = (body: string) => sendToApp(app.url!, body, { secret: TEST_SIGNING_SECRET });

beforeEach(async () => {
  path = sampleWorkbookCopy('delivery-once-');
  app = await start();
});
afterEach(async () => {
  await app.stop();
});

function buttonPress(actionId: string, id: string, triggerId: string): string {
  return interactionBody({
    type: 'block_actions',
    team: { id: 'T0TEST' },
    user: { id: DIRECTOR, team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    trigger_id: triggerId,
    response_url: slack.responseUrl(),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value: JSON.stringify({ kind: 'risk', id }),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
}

function newRiskForm(triggerId: string): string {
  const values = {
    title: 'Provider market exit in the north',
    owner: 'Dir of Commissioning',
    impact: '3',
    probability: '2',
    targetDate: 'Mar 2027',
    note: 'raised at JCB',
  };
  const state = Object.fromEntries(
    Object.entries(values).map(([block, value]) => [
      block,
      {
        value: ['impact', 'probability'].includes(block)
          ? { type: 'static_select', selected_option: { value } }
          : { type: 'plain_text_input', value },
      },
    ]),
  );
  return interactionBody({
    type: 'view_submission',
    team: { id: 'T0TEST' },
    user: { id: DIRECTOR, team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    trigger_id: triggerId,
    view: {
      id: 'V0NEW',
      type: 'modal',
      callback_id: 'new_item',
      private_metadata: JSON.stringify({ target: 'risk' }),
      state: { values: state },
    },
  });
}

describe('a delivery replayed after a restart is applied once', () => {
  it('a slash command: the replay is told it was already done, and the register and Audit log are as after the first', async () => {
    const body = slashCommandBody({
      command: '/risk',
      text: 'update R-1 probability 3 note "post still not advertised"',
      userId: DIRECTOR,
      responseUrl: slack.responseUrl(),
      triggerId: '1334.replayed.command',
    });
    await send(body);
    expect(JSON.stringify((await slack.waitFor('response_url', 1, 8000))[0]!.args)).toContain('Updated R - 1');
    const once = await register();
    expect(once.audit.filter((line) => line.change === 'slack:trigger:1334.replayed.command').length).toBeGreaterThan(
      0,
    );

    await restart();
    expect((await send(body)).status).toBe(200);
    const answers = await slack.waitFor('response_url', 2, 8000);
    expect(JSON.stringify(answers[1]!.args)).toContain('already carried out');
    const twice = await register();
    expect(twice.audit).toEqual(once.audit);
    expect(twice.risks.find((risk) => risk.key === 'R-1')).toMatchObject({ probability: 3, rating: 9 });
  });

  it('a new-risk form: the replay adds no second risk', async () => {
    const body = newRiskForm('1334.replayed.form');
    await send(body);
    await slack.waitFor('chat.postMessage', 1, 8000);
    const once = await register();
    expect(once.risks.map((risk) => risk.key)).toContain('R-14');

    await restart();
    await send(body);
    const dms = await slack.waitFor('chat.postMessage', 2, 8000);
    expect(JSON.stringify(dms[1]!.args)).toContain('already carried out');
    const twice = await register();
    expect(twice.risks).toHaveLength(once.risks.length);
    expect(twice.audit).toEqual(once.audit);
  });

  it.each([
    ['Mark done', ITEM_ACTIONS.done],
    ['Snooze 7 days', ITEM_ACTIONS.snooze],
    ['Reviewed, no change', ITEM_ACTIONS.reviewed],
  ])('a %s button: the replay writes nothing more', async (_name, actionId) => {
    const body = buttonPress(actionId, 'R-1', `1334.replayed.${actionId}`);
    await send(body);
    const applied = (line: { change?: string }) => line.change === `slack:trigger:1334.replayed.${actionId}`;
    // The press is acknowledged before it is written: wait for the write, however busy the machine.
    await expect.poll(async () => (await register()).audit.some(applied), { timeout: 8000 }).toBe(true);
    const once = await register();

    const before = slack.responses.length;
    await restart();
    await send(body);
    const answer = (await slack.waitFor('response_url', before + 1, 8000)).at(-1);
    // Done twice is also nothing to change: either answer is true, and neither writes.
    expect(JSON.stringify(answer!.args)).toMatch(/already carried out|already has those values/);
    expect((await register()).audit).toEqual(once.audit);
  });

  it('a retry within the same run is dropped at the door, before any read', async () => {
    const body = slashCommandBody({
      command: '/risk',
      text: 'update R-1 probability 1',
      userId: DIRECTOR,
      responseUrl: slack.responseUrl(),
      triggerId: '1334.retried',
    });
    await send(body);
    await slack.waitFor('response_url', 1, 8000);
    await sendToApp(app.url!, body, { secret: TEST_SIGNING_SECRET, retryNum: 1, retryReason: 'http_timeout' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.responses).toHaveLength(1);
  });
});
