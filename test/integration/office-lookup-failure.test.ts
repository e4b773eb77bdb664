import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorDirectory } from '../../src/adapters/slack/actor-directory.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { sampleWorkbookCopy, startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { interactionBody, sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

const OWNER = 'U0SAMPLE01'; // Director of commissioning: owns R-1 in the sample's People tab
const OTHER = 'U0SAMPLE03'; // Lead Commissioner: in People, owns nothing of R-1
const STRANGER = 'U0NOBODY';
const base = loadSettings();
const settings: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: [], userGroup: 'S0PMO' },
};

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let path: string;
let clockMs: number;

beforeEach(async () => {
  clockMs = Date.parse('2026-11-23T10:00:00Z');
  path = sampleWorkbookCopy('office-lookup-');
  const store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
  app = await startTestSlackApp(slack, {
    store,
    settings,
    actors: new ActorDirectory(settings, () => clockMs),
    today: () => '2026-11-23',
    log: () => {},
  });
});
afterEach(async () => {
  await app.stop();
});

async function command(text: string, userId: string): Promise<void> {
  const result = await sendToApp(
    app.url!,
    slashCommandBody({ command: '/risk', text, userId, responseUrl: slack.responseUrl() }),
    { secret: TEST_SIGNING_SECRET },
  );
  expect(result.status).toBe(200);
}

async function answer(n = 1): Promise<string> {
  const calls = await slack.waitFor('response_url', n, 8000);
  return JSON.stringify(calls[n - 1]!.args);
}

const register = async () =>
  readRegister(await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(), settings, '2026-11-23');

describe("when Slack refuses to list the programme office's user group (missing_scope)", () => {
  beforeEach(() => {
    slack.refuse('usergroups.users.list', 'missing_scope', 100);
  });

  it('then /risk show and /risk list still answer', async () => {
    await command('show R-1', OTHER);
    expect(await answer(1)).toContain('R - 1: ');
    await command('list', OTHER);
    expect(await answer(2)).toContain('Open risks');
    expect(slack.callsTo('usergroups.users.list').map((c) => c.error)).toContain('missing_scope');
  });

  it("then the item's owner can still change it, since that does not need the office", async () => {
    await command('update R-1 probability 3', OWNER);
    expect(await answer()).toContain('Updated R - 1');
    expect((await register()).risks.find((r) => r.key === 'R-1')!.probability).toBe(3);
  });

  it("then anyone else's change says membership could not be checked, what Slack said and what to do, and nothing is written", async () => {
    const before = readFileSync(path);
    await command('update R-1 probability 3', OTHER);
    const text = await answer();
    expect(text).toContain('R - 1 was not changed');
    expect(text).toContain('whether you are in the programme office could not be checked');
    expect(text).toContain('usergroups:read scope (missing_scope)');
    expect(text).toContain('Try again in a minute');
    expect(text).not.toContain('xoxb');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('then /risk digest on demand says the same, and nothing is posted', async () => {
    await command('digest', OTHER);
    const text = await answer();
    expect(text).toContain(
      'Nothing was done: only the programme office can post the digest on demand, and whether you are in the programme office could not be checked',
    );
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('then someone not in People adding a risk is told membership could not be checked, and nothing is added', async () => {
    const before = readFileSync(path);
    const values = {
      title: { type: 'plain_text_input', value: 'x' },
      owner: { type: 'plain_text_input', value: 'y' },
      impact: { type: 'static_select', selected_option: { value: '1' } },
      probability: { type: 'static_select', selected_option: { value: '1' } },
    };
    const state = Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }]));
    await sendToApp(
      app.url!,
      interactionBody({
        type: 'view_submission',
        team: { id: 'T0TEST' },
        user: { id: STRANGER, team_id: 'T0TEST' },
        api_app_id: 'A0TEST',
        trigger_id: 'trig-new',
        view: {
          id: 'V0NEW',
          type: 'modal',
          callback_id: 'new_item',
          private_metadata: JSON.stringify({ target: 'risk' }),
          state: { values: state },
        },
      }),
      { secret: TEST_SIGNING_SECRET },
    );
    const [dm] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(JSON.stringify(dm!.args.blocks)).toContain('Nothing was added: only people in the register');
    expect(JSON.stringify(dm!.args.blocks)).toContain('could not be checked');
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a failed lookup is held briefly', () => {
  it('when a burst of commands meets the failure, Slack is asked once; half a minute later it is asked again, and a member gets in', async () => {
    slack.refuse('usergroups.users.list', 'no_such_subteam', 1);
    slack.setUserGroup('S0PMO', [OTHER]);
    await Promise.all([
      command('show R-1', OTHER),
      command('show R-2', OTHER),
      command('update R-1 probability 3', OTHER),
    ]);
    const burst = await Promise.all([1, 2, 3].map((n) => answer(n)));
    expect(burst.join('\n')).toContain('Slack said there is no user group S0PMO (no_such_subteam)');
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(1);

    clockMs += 10_000;
    await command('update R-1 probability 3', OTHER);
    expect(await answer(4)).toContain('could not be checked');
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(1);

    clockMs += 25_000;
    await command('update R-1 probability 3', OTHER);
    expect(await answer(5)).toContain('Updated R - 1');
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(2);
  });
});

describe('other ways the lookup fails', () => {
  const quiet: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    setLevel: () => {},
    getLevel: () => LogLevel.ERROR,
    setName: () => {},
  };

  it("when Slack cannot be reached, then the actor's membership is unknown, saying so without the token", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const client = new WebClient('xoxb-secret-token', {
      slackApiUrl: `http://127.0.0.1:${port}/api/`,
      retryConfig: { retries: 0 },
      logger: quiet,
    });
    const actor = await new ActorDirectory(settings).actor(OTHER, client);
    expect(actor).toMatchObject({
      id: OTHER,
      programmeOffice: false,
      officeUnknown: expect.stringContaining('Slack could not be reached.'),
    });
    expect(actor.officeUnknown).not.toContain('xoxb');
  });

  it('when Slack stays rate limited and the client gives up, then membership is unknown, saying Slack was too busy', async () => {
    slack.rateLimit('usergroups.users.list', 1);
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 }, logger: quiet });
    const actor = await new ActorDirectory(settings).actor(OTHER, client);
    expect(actor.officeUnknown).toContain('Slack was too busy to answer (rate limited)');
  });

  it("when the person is on the office's own list, then the group is not needed and they are in", async () => {
    slack.refuse('usergroups.users.list', 'missing_scope', 100);
    const listed = new ActorDirectory({ programmeOffice: { users: [OTHER], userGroup: 'S0PMO' } });
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 }, logger: quiet });
    const actor = await listed.actor(OTHER, client);
    expect(actor).toMatchObject({ programmeOffice: true });
    expect(actor.officeUnknown).toBeUndefined();
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(0);
  });
});
