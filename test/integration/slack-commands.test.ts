import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorDirectory } from '../../src/adapters/slack/actor-directory.js';
import { type RunningSlackApp, startSlackApp } from '../../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { dateInZone } from '../../src/domain/dates/calendar.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import { interactionBody, sendToApp, slackSignature, slashCommandBody } from '../helpers/slack-signing.js';

const SECRET = 'test-signing-secret';
const DIRECTOR = 'U0SAMPLE01'; // Director of commissioning / Dir of Commissioning in the sample's People tab
const STRANGER = 'U0NOBODY';
const base = loadSettings();
const settings: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: ['U0PMO'], userGroup: null },
};
const NOW = new Date('2026-11-23T10:00:00Z');

/** A store that answers slowly, like Sheets on a bad day: while held, a load waits until it is released. */
class SlowStore implements RegisterStore {
  #held: Promise<void> | null = null;
  #release = () => {};
  constructor(private readonly inner: RegisterStore) {}
  hold() {
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }
  release() {
    this.#release();
    this.#held = null;
  }
  async load() {
    await this.#held;
    return this.inner.load();
  }
  write(request: Parameters<RegisterStore['write']>[0]) {
    return this.inner.write(request);
  }
}

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let store: SlowStore;
let path: string;

beforeEach(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'slack-')), 'register.xlsx');
  copyFileSync(join(REPO_ROOT, 'config/sample-register.xlsx'), path);
  store = new SlowStore(new WorkbookRegisterStore({ path, tabs: settings.tabs }));
  app = await startSlackApp(
    {
      store,
      settings,
      actors: new ActorDirectory(settings),
      clock: () => new Date(),
      today: () => dateInZone(NOW, 'Europe/London'),
      log: () => {},
    },
    { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.url },
    { port: 0, host: '127.0.0.1' },
  );
});
afterEach(async () => {
  await app.stop();
});

async function command(
  text: string,
  userId = DIRECTOR,
  options: Partial<Parameters<typeof sendToApp>[2]> = {},
  cmd = '/risk',
) {
  const body = slashCommandBody({ command: cmd, text, userId, responseUrl: slack.responseUrl() });
  return { body, result: await sendToApp(app.url!, body, { secret: SECRET, ...options }) };
}

async function answer(n = 1): Promise<string> {
  const calls = await slack.waitFor('response_url', n, 8000);
  return JSON.stringify(calls.at(-1)!.args);
}

async function register() {
  return readRegister(await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(), settings, '2026-11-23');
}

describe('slash commands through the real Bolt receiver', () => {
  it('when /risk show is sent signed, then it is acknowledged and answered through response_url', async () => {
    const { result } = await command('show r 3');
    expect(result.status).toBe(200);
    expect(await answer()).toContain('R - 3: concerns about accuracy of data and information');
  });

  it('when the register is slow (it answers only once Slack has its acknowledgement), then the command is still acknowledged within 3 s and answered after', async () => {
    store.hold();
    const { result } = await command('show R-3');
    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(3000);
    expect(slack.responses).toHaveLength(0);
    store.release();
    expect(await answer()).toContain('R - 3');
  });

  it('when the owner updates and Slack replays the request, then the update lands once', async () => {
    const { body } = await command('update R-1 probability 3 note "post still not advertised"');
    expect(await answer()).toContain('Updated R - 1');
    const replay = await sendToApp(app.url!, body, { secret: SECRET, retryNum: 1, retryReason: 'http_timeout' });
    expect(replay.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const after = await register();
    expect(after.risks.find((r) => r.key === 'R-1')).toMatchObject({ probability: 3, rating: 9 });
    expect(after.audit.filter((a) => a.item === 'R - 1' && a.field === 'probability')).toHaveLength(1);
    expect(slack.responses).toHaveLength(1);
  });

  it('when a risk moves into the top band, then the board channel is told', async () => {
    await command('update R-3 impact 3', 'U0PMO');
    await slack.waitFor('chat.postMessage', 1, 8000);
    const post = slack.callsTo('chat.postMessage')[0]!;
    expect(post.args.channel).toBe('C0BOARD');
    expect(JSON.stringify(post.args.blocks)).toContain('R - 3 is now High (6)');
  });

  it.each([
    ['unsigned', { unsigned: true }],
    ['wrongly signed', { badSignature: true }],
    ['over five minutes old', { timestampShiftSeconds: -360 }],
    ['ten minutes ahead', { timestampShiftSeconds: 600 }],
  ])('when a request is %s, then it gets 401 and changes nothing', async (_, options) => {
    const before = readFileSync(path);
    const { result } = await command('update R-1 impact 1', DIRECTOR, options);
    expect(result.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.responses).toHaveLength(0);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('when a body far larger than Slack sends arrives, then it gets 413 before it is read, and the app still answers', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const unsigned = await fetch(app.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    const huge = await fetch(app.url!, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SECRET, timestamp, body),
      },
    });
    expect(huge.status).toBe(413);
    const { result } = await command('show R-1');
    expect(result.status).toBe(200);
    expect(await answer()).toContain('R - 1');
  });

  it('when someone who does not own a risk updates it, then it is refused saying who can, and nothing changes', async () => {
    const before = readFileSync(path);
    await command('update R-1 impact 1', STRANGER);
    expect(await answer()).toContain(
      'Only Director of commissioning or Dir of Commissioning (through the People tab), or the programme office can change R - 1.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.each([
    ['show R-99', 'There is no risk or action R-99'],
    ['update R-1 impact 7', 'from 1 to 3'],
    ['update R-1 colour blue', 'colour'],
    ['update R-1 probability lots', 'not \\"lots\\"'],
    ['frobnicate', 'Unknown command'],
  ])('when the command is %j, then the answer says what is wrong', async (text, words) => {
    await command(text, 'U0PMO');
    expect(await answer()).toContain(words);
  });

  it('a formula-looking note, a 5,000-character note and Unicode are stored as text', async () => {
    const note = `=IMPORTXML("http://evil.example") Zoë Ångström ${'✓'.repeat(4900)}`;
    // Unquoted, a note runs to the end exactly as typed, inner quotes and all.
    await command(`update A-17 progress 95 note ${note}`, 'U0PMO', {}, '/action');
    expect(await answer()).toContain('Updated A-17');
    expect((await register()).actions.find((a) => a.key === 'A-17')!.latestNote).toBe(note);
  });

  it('/risk close and /action done set Closed and Done', async () => {
    await command('close R-4 note "mitigated"', 'U0PMO');
    expect(await answer()).toContain('status Open → Closed');
    await command('done a6', 'U0PMO', {}, '/action');
    expect(await answer(2)).toContain('status In progress → Done');
    const after = await register();
    expect(after.risks.find((r) => r.key === 'R-4')!.status).toBe('Closed');
    expect(after.actions.find((a) => a.key === 'A-6')).toMatchObject({ status: 'Done', progress: 100 });
  });

  it('without arguments, /risk opens the update form', async () => {
    await command('');
    await slack.waitFor('views.open', 1, 8000);
    expect(JSON.stringify(slack.callsTo('views.open')[0]!.args.view)).toContain('Update a risk');
  });

  it('/healthz answers ok', async () => {
    const response = await fetch(app.url!.replace('/slack/events', '/healthz'));
    expect([response.status, await response.text()]).toEqual([200, 'ok']);
  });
});

describe('the update form through the real Bolt receiver', () => {
  function submission(userId: string, id: string, changes: string, note = '') {
    return interactionBody({
      type: 'view_submission',
      team: { id: 'T0TEST' },
      user: { id: userId, team_id: 'T0TEST' },
      api_app_id: 'A0TEST',
      trigger_id: `trig-${Math.random()}`,
      view: {
        id: 'V0TEST',
        type: 'modal',
        callback_id: 'update_item',
        private_metadata: JSON.stringify({ target: 'risk', purpose: 'edit' }),
        state: {
          values: {
            id: { value: { type: 'plain_text_input', value: id } },
            changes: { value: { type: 'plain_text_input', value: changes } },
            note: { value: { type: 'plain_text_input', value: note } },
          },
        },
      },
    });
  }

  it('when the owner submits a change, then it is written and confirmed by direct message', async () => {
    const result = await sendToApp(app.url!, submission(DIRECTOR, 'r1', 'probability 3', 'from the form'), {
      secret: SECRET,
    });
    expect(result.status).toBe(200);
    await slack.waitFor('chat.postMessage', 1, 8000);
    const dm = slack.callsTo('chat.postMessage')[0]!;
    expect(dm.args.channel).toBe(DIRECTOR);
    expect(JSON.stringify(dm.args.blocks)).toContain('Updated R - 1');
    const audit = (await register()).audit.at(-1)!;
    expect(audit).toMatchObject({ item: 'R - 1', field: 'rating', via: 'modal', note: 'from the form' });
  });

  it('when the changes cannot be read, then the form shows the problem and nothing is written', async () => {
    const before = readFileSync(path);
    const result = await sendToApp(app.url!, submission(DIRECTOR, 'R-1', 'colour blue'), { secret: SECRET });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({
      response_action: 'errors',
      errors: { changes: expect.stringContaining('colour') },
    });
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('the programme office as a Slack user group', () => {
  it("when a member of the group updates someone else's risk, then it is allowed", async () => {
    await app.stop();
    slack.setUserGroup('S0PMO', ['U0GROUPIE']);
    const grouped: Settings = { ...settings, programmeOffice: { users: [], userGroup: 'S0PMO' } };
    app = await startSlackApp(
      {
        store,
        settings: grouped,
        actors: new ActorDirectory(grouped),
        clock: () => new Date(),
        today: () => '2026-11-23',
        log: () => {},
      },
      { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.url },
      { port: 0, host: '127.0.0.1' },
    );
    await command('update R-4 probability 2', 'U0GROUPIE');
    expect(await answer()).toContain('Updated R - 4');
  });
});

describe('adding an item through the form', () => {
  function newRisk(userId: string, values: Record<string, string>) {
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
      user: { id: userId, team_id: 'T0TEST' },
      api_app_id: 'A0TEST',
      trigger_id: `trig-${Math.random()}`,
      view: {
        id: 'V0NEW',
        type: 'modal',
        callback_id: 'new_item',
        private_metadata: JSON.stringify({ target: 'risk' }),
        state: { values: state },
      },
    });
  }

  it('/risk new opens the new-risk form', async () => {
    await command('new');
    await slack.waitFor('views.open', 1, 8000);
    expect(JSON.stringify(slack.callsTo('views.open')[0]!.args.view)).toContain('New risk');
  });

  it('when a person in People adds a risk, then it gets the next ID, its rating and band, and an Audit log line', async () => {
    const result = await sendToApp(
      app.url!,
      newRisk(DIRECTOR, {
        title: 'Provider market exit in the north of the county',
        owner: 'Dir of Commissioning',
        impact: '3',
        probability: '2',
        targetDate: 'Mar 2027',
        note: 'raised at JCB',
      }),
      { secret: SECRET },
    );
    expect(result.status).toBe(200);
    await slack.waitFor('chat.postMessage', 1, 8000);
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('Added R-14');
    const after = await register();
    expect(after.risks.find((r) => r.key === 'R-14')).toMatchObject({
      owner: 'Dir of Commissioning',
      rating: 6,
      status: 'Open',
      dateRaised: '2026-11-23',
    });
    expect(after.risks.find((r) => r.key === 'R-14')!.target.targetDate).toBe('2027-03-31');
    expect(after.audit.at(-1)).toMatchObject({ item: 'R-14', field: 'created', via: 'modal', note: 'raised at JCB' });
  });

  it('when the target date is not a date, then the form says so and nothing is added', async () => {
    const before = readFileSync(path);
    const result = await sendToApp(
      app.url!,
      newRisk(DIRECTOR, {
        title: 'x',
        owner: 'Dir of Commissioning',
        impact: '3',
        probability: '2',
        targetDate: '30/02/2027',
      }),
      { secret: SECRET },
    );
    expect(JSON.parse(result.text)).toMatchObject({
      response_action: 'errors',
      errors: { targetDate: expect.stringContaining('not a valid date') },
    });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('when someone not in People tries to add, then it is refused', async () => {
    await sendToApp(app.url!, newRisk(STRANGER, { title: 'x', owner: 'y', impact: '1', probability: '1' }), {
      secret: SECRET,
    });
    await slack.waitFor('chat.postMessage', 1, 8000);
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('Only people in the register');
  });
});
