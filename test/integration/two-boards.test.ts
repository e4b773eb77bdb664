import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import { ActorDirectory } from '../../src/adapters/slack/actor-directory.js';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { SlackNudgeOutbox } from '../../src/adapters/slack/slack-nudge-outbox.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { checkBoardSheets, slackBoards } from '../../src/composition/boards.js';
import { digestRunDeps } from '../../src/composition/start-jobs.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { runDigest } from '../../src/jobs/digest-job.js';
import { type NudgeRunDeps, runNudges } from '../../src/jobs/nudge-job.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { sheetsStore, startSheets } from '../helpers/sheets-fixture.js';
import {
  QUICK_SLACK,
  sampleWorkbookCopy,
  startTestSlackApp,
  TEST_SIGNING_SECRET,
} from '../helpers/slack-app-fixture.js';
import { eventBody, interactionBody, sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

const settings = loadSettings();
const TODAY = '2026-11-23'; // the sample register's Monday
const LEAD = 'U0SAMPLE03'; // Lead Commissioner on the sample register's People tab

let sheets: FakeSheetsServer;
let slack: FakeSlackServer;
beforeAll(async () => {
  sheets = await startSheets();
  slack = await startFakeSlackServer();
});
afterAll(async () => {
  await slack.close();
  await sheets.close();
});

/** A second programme's register: one risk of the same Lead Commissioner, due today. */
const SECOND_REGISTER = {
  Risks: [
    [
      'Risk ID',
      'Risk owner',
      'Description of risk',
      'Impact (I)',
      'Probability (P)',
      'Target resolution date',
      'Status',
    ],
    ['R-1', 'Lead Commissioner', 'Learning disability day centre closes early', 3, 2, isoDateToSerial(TODAY), 'Open'],
  ],
  Actions: [['Action ID', 'Action', 'Lead', 'Timescale', 'Status']],
  People: [
    ['Name', 'Slack user'],
    ['Lead Commissioner', LEAD],
  ],
};

async function boards(): Promise<Array<{ id: string; name: string; store: RegisterStore }>> {
  const sample = await new WorkbookRegisterStore({
    path: sampleWorkbookCopy('two-boards-'),
    tabs: settings.tabs,
  }).load();
  const first = sheets.addSpreadsheet(MemoryRegisterStore.copyOf(sample, settings.tabs).snapshot());
  const second = sheets.addSpreadsheet(structuredClone(SECOND_REGISTER));
  return [
    { id: 'jcb', name: 'Joint Commissioning Board', store: sheetsStore(sheets, first) },
    { id: 'ld', name: 'Learning Disability Board', store: sheetsStore(sheets, second) },
  ];
}

const run = (registers: Array<{ id: string; name: string; store: RegisterStore }>) => {
  const deps: NudgeRunDeps = {
    store: registers[0]!.store,
    boards: registers,
    settings,
    log: () => {},
    clock: () => new Date(`${TODAY}T09:00:00Z`),
    timeZone: settings.timeZone,
    leases: new MemoryLeases(),
    outbox: new SlackNudgeOutbox(slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK)),
  };
  return runNudges(deps, TODAY);
};

describe('reminders for every board', () => {
  it('when one person owns items on two boards, then they get one message holding both, grouped by board, and each board keeps its own ledger', async () => {
    slack.reset();
    const registers = await boards();
    const report = await run(registers);
    // The direct message channel the fake Slack opens for a user is "D" and their ID.
    const toLead = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === `D${LEAD}`);
    expect(toLead).toHaveLength(1);
    const text = JSON.stringify(toLead[0]!.args.blocks);
    expect(text).toContain('Joint Commissioning Board');
    expect(text).toContain('Learning Disability Board');
    expect(text).toContain('Learning disability day centre closes early');
    expect(text).toMatch(/R - 3|R - 10/); // the sample's Lead Commissioner risks
    expect(report!.delivered.find((delivery) => delivery.recipient === LEAD)!.nudges.length).toBeGreaterThan(1);
    // Each button names its board, so a press on the second board's R-1 changes that R-1, never another.
    const values = (toLead[0]!.args.blocks as Array<{ type: string; elements?: Array<{ value?: string }> }>)
      .filter((block) => block.type === 'actions')
      .map((block) => JSON.parse(block.elements![0]!.value!) as { id: string; board?: string });
    expect(values).toContainEqual({ kind: 'risk', id: 'R-1', board: 'ld' });
    expect(values.filter((value) => value.id !== 'R-1').every((value) => value.board === 'jcb')).toBe(true);

    const second = readRegister(await registers[1]!.store.load(), settings, TODAY);
    expect(second.audit.filter((line) => line.field === 'nudge-sent').map((line) => line.item)).toEqual(['R-1']);
    const first = readRegister(await registers[0]!.store.load(), settings, TODAY);
    expect(first.audit.some((line) => line.field === 'nudge-sent' && line.note.includes(LEAD))).toBe(true);

    // A second run the same day sends nothing more: each board's ledger says what went.
    const posts = slack.callsTo('chat.postMessage').length;
    const again = await run(registers);
    expect(again!.delivered).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});

/** The two boards as the app's settings and deps name them: each with its channel and register. */
function appBoards(registers: Array<{ id: string; name: string; store: RegisterStore }>) {
  const contexts = registers.map((register, i) => ({
    board: {
      ...settings.boards[0]!,
      id: register.id,
      name: register.name,
      sheetId: i === 0 ? null : `sheet-${register.id}`,
      channel: i === 0 ? 'C0JCB' : 'C0LDB',
    },
    store: register.store,
  }));
  return { settings: { ...settings, boards: contexts.map((context) => context.board) }, boards: contexts };
}

/** The real Slack app serving the two boards, the first board's register its default. */
const startBoardsApp = (registers: Array<{ id: string; name: string; store: RegisterStore }>) =>
  startTestSlackApp(slack, { store: registers[0]!.store, today: () => TODAY, log: () => {}, ...appBoards(registers) });

/** `/risk text` sent by `userId` from `channelId`, signed as Slack signs it. */
const slash = (app: { url: string | null }, userId: string, channelId: string, text: string) =>
  sendToApp(
    app.url!,
    slashCommandBody({ command: '/risk', text, userId, channelId, responseUrl: slack.responseUrl() }),
    {
      secret: TEST_SIGNING_SECRET,
    },
  );

/** A direct message to the bot from `user`. */
const dmToBot = (app: { url: string | null }, user: string, text: string, ts: string) =>
  sendToApp(app.url!, eventBody({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts }), {
    secret: TEST_SIGNING_SECRET,
  });

const risk = async (store: RegisterStore, key: string) =>
  readRegister(await store.load(), settings, TODAY).risks.find((item) => item.key === key)!;

describe('two boards through the Slack app', () => {
  it("when the second board's R-1 is closed from its reminder button, then that R-1 closes and the first board's R-1 is untouched", async () => {
    slack.reset();
    const registers = await boards();
    const app = await startBoardsApp(registers);
    try {
      const firstBefore = await risk(registers[0]!.store, 'R-1');
      const press = interactionBody({
        type: 'block_actions',
        team: { id: 'T0TEST' },
        user: { id: LEAD, team_id: 'T0TEST' },
        api_app_id: 'A0TEST',
        trigger_id: 'two-boards.press',
        response_url: slack.responseUrl(),
        actions: [
          {
            type: 'button',
            action_id: 'item_done',
            block_id: 'b1',
            value: JSON.stringify({ kind: 'risk', id: 'R-1', board: 'ld' }),
            action_ts: `${Date.now() / 1000}`,
          },
        ],
      });
      expect((await sendToApp(app.url!, press, { secret: TEST_SIGNING_SECRET })).status).toBe(200);
      await expect.poll(async () => (await risk(registers[1]!.store, 'R-1')).state, { timeout: 8000 }).toBe('closed');
      expect(await risk(registers[0]!.store, 'R-1')).toMatchObject({
        status: firstBefore.status,
        state: firstBefore.state,
      });
    } finally {
      await app.stop();
    }
  });

  it('when a button names a board the bot no longer serves, then nothing is changed and the presser is told, not the first board changed', async () => {
    slack.reset();
    const registers = await boards();
    const app = await startBoardsApp(registers);
    try {
      const firstBefore = await risk(registers[0]!.store, 'R-1');
      const press = interactionBody({
        type: 'block_actions',
        team: { id: 'T0TEST' },
        user: { id: 'U0SAMPLE01', team_id: 'T0TEST' },
        api_app_id: 'A0TEST',
        trigger_id: 'two-boards.gone',
        response_url: slack.responseUrl(),
        actions: [
          {
            type: 'button',
            action_id: 'item_done',
            block_id: 'b1',
            value: JSON.stringify({ kind: 'risk', id: 'R-1', board: 'gone' }),
            action_ts: `${Date.now() / 1000}`,
          },
        ],
      });
      expect((await sendToApp(app.url!, press, { secret: TEST_SIGNING_SECRET })).status).toBe(200);
      const [answer] = await slack.waitFor('response_url', 1, 8000);
      expect(JSON.stringify(answer!.args)).toContain('the board \\"gone\\", which the bot no longer serves');
      expect(await risk(registers[0]!.store, 'R-1')).toMatchObject({ state: firstBefore.state });
    } finally {
      await app.stop();
    }
  });

  it("when a command comes from a board's channel, then it changes that board's register; from elsewhere, the first board's", async () => {
    slack.reset();
    const registers = await boards();
    const app = await startBoardsApp(registers);
    try {
      const command = (channelId: string, text: string) => slash(app, LEAD, channelId, text);
      const firstR1 = await risk(registers[0]!.store, 'R-1');
      await command('C0LDB', 'update R-1 probability 1');
      await slack.waitFor('response_url', 1, 8000);
      expect(await risk(registers[1]!.store, 'R-1')).toMatchObject({ probability: 1 });
      expect((await risk(registers[0]!.store, 'R-1')).probability).toBe(firstR1.probability);
      await command('C0JCB', 'show R-1');
      const answers = await slack.waitFor('response_url', 2, 8000);
      expect(JSON.stringify(answers[1]!.args)).toContain('R - 1');
    } finally {
      await app.stop();
    }
  });
});

describe("a board's own programme office", () => {
  it("when someone is in the second board's programme office only, then they may change its items but not the first board's", async () => {
    slack.reset();
    const registers = await boards();
    const { settings: two, boards: contexts } = appBoards(registers);
    const withOffice = {
      ...two,
      boards: [two.boards[0]!, { ...two.boards[1]!, programmeOffice: { users: ['U0LDPO'], userGroup: null } }],
    };
    const stores = new Map(registers.map((register) => [register.id, register.store] as const));
    const actors = new ActorDirectory(withOffice);
    const app = await startTestSlackApp(slack, {
      store: registers[0]!.store,
      today: () => TODAY,
      log: () => {},
      settings: withOffice,
      actors,
      boards: slackBoards(withOffice, stores, actors),
    });
    try {
      const command = (channelId: string, text: string) => slash(app, 'U0LDPO', channelId, text);
      await command('C0LDB', 'update R-1 probability 1');
      const [allowed] = await slack.waitFor('response_url', 1, 8000);
      expect(JSON.stringify(allowed!.args)).toContain('Updated R-1');
      expect(await risk(registers[1]!.store, 'R-1')).toMatchObject({ probability: 1 });
      const firstBefore = await risk(registers[0]!.store, 'R-1');
      await command('C0JCB', 'update R-1 probability 3');
      const answers = await slack.waitFor('response_url', 2, 8000);
      expect(JSON.stringify(answers[1]!.args)).toMatch(/only .* can change R - 1/i);
      expect((await risk(registers[0]!.store, 'R-1')).probability).toBe(firstBefore.probability);
    } finally {
      await app.stop();
    }
    expect(contexts).toHaveLength(2);
  });
});

describe('changes from a direct message, with two boards', () => {
  it('when the ID is on both boards, then the person is asked which; a board-qualified ID (ld/R-1) or an ID on one board only goes to that board', async () => {
    slack.reset();
    const registers = await boards();
    const app = await startBoardsApp(registers);
    try {
      const dm = (text: string) => slash(app, LEAD, `D${LEAD}`, text);
      const firstR1 = await risk(registers[0]!.store, 'R-1');
      await dm('update R-1 probability 1');
      const [asked] = await slack.waitFor('response_url', 1, 8000);
      expect(JSON.stringify(asked!.args)).toContain("R-1 is on 2 boards' registers: say which, as jcb/R-1 or ld/R-1");
      expect((await risk(registers[1]!.store, 'R-1')).probability).toBe(2);

      await dm('update LD/R-1 probability 1');
      await slack.waitFor('response_url', 2, 8000);
      expect((await risk(registers[1]!.store, 'R-1')).probability).toBe(1);
      expect((await risk(registers[0]!.store, 'R-1')).probability).toBe(firstR1.probability);

      const r3 = await risk(registers[0]!.store, 'R-3');
      await dm(`update R-3 probability ${r3.probability === 1 ? 2 : 1}`);
      await slack.waitFor('response_url', 3, 8000);
      expect((await risk(registers[0]!.store, 'R-3')).probability).not.toBe(r3.probability);
    } finally {
      await app.stop();
    }
  });
});

describe('reading across boards from a direct message', () => {
  it('when a person asks for their items by command or in chat outside a board channel, then every board answers, each under its name', async () => {
    slack.reset();
    const registers = await boards();
    const app = await startBoardsApp(registers);
    try {
      await slash(app, LEAD, `D${LEAD}`, 'list mine');
      const [answer] = await slack.waitFor('response_url', 1, 8000);
      const listed = JSON.stringify(answer!.args);
      expect(listed).toContain('Joint Commissioning Board');
      expect(listed).toContain('Learning Disability Board');
      expect(listed).toContain('R - 3');
      expect(listed).toContain('Learning disability day centre closes early');

      await dmToBot(app, LEAD, 'what do I own?', '1700000000.000100');
      const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
      const said = JSON.stringify(reply!.args);
      expect(said).toContain('Learning Disability Board');
      expect(said).toContain('Learning disability day centre closes early');
      expect(said).toContain('R - 3');

      // A board-qualified ID asks that board alone.
      await dmToBot(app, LEAD, 'show me ld/R-1', '1700000000.000200');
      const replies = await slack.waitFor('chat.postMessage', 2, 8000);
      const shown = JSON.stringify(replies[1]!.args);
      expect(shown).toContain('Learning disability day centre closes early');
      expect(shown).not.toContain('Joint Commissioning Board');
    } finally {
      await app.stop();
    }
  });
});

describe('the App Home across boards', () => {
  it("when a person owns items on two boards, then their Home lists both, the second board's under its name, each button naming its board", async () => {
    slack.reset();
    const [first, second] = await boards();
    const app = await startTestSlackApp(slack, {
      store: first!.store,
      today: () => TODAY,
      log: () => {},
      ...appBoards([first!, second!]),
    });
    try {
      const opened = eventBody({ type: 'app_home_opened', user: LEAD, channel: `D${LEAD}`, tab: 'home' });
      expect((await sendToApp(app.url!, opened, { secret: TEST_SIGNING_SECRET })).status).toBe(200);
      const [call] = await slack.waitFor('views.publish', 1, 8000);
      const view = call!.args.view as { blocks: Array<{ type: string; elements?: Array<{ value?: string }> }> };
      const text = JSON.stringify(view);
      expect(text).toContain('Learning Disability Board');
      expect(text).toContain('Learning disability day centre closes early');
      const values = view.blocks
        .filter((block) => block.type === 'actions')
        .map((block) => JSON.parse(block.elements![0]!.value!) as { id: string; board?: string });
      expect(values).toContainEqual({ kind: 'risk', id: 'R - 3', board: 'jcb' });
      expect(values).toContainEqual({ kind: 'risk', id: 'R-1', board: 'ld' });
    } finally {
      await app.stop();
    }
  });
});

describe("a board's digest on demand", () => {
  it("when the programme office asks for the digest in the second board's channel, then that board's digest is posted there", async () => {
    slack.reset();
    const registers = await boards();
    const { settings: two, boards: contexts } = appBoards(registers);
    const office = { ...two, programmeOffice: { users: ['U0PMO'], userGroup: null } };
    const client = slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK);
    const postOf = (board: (typeof office.boards)[number], store: RegisterStore) => {
      const deps = digestRunDeps({
        store,
        settings: office,
        client,
        leases: new MemoryLeases(),
        clock: () => new Date(),
        log: () => {},
      });
      return async (day: string) => (await runDigest(deps, board, day)) ?? { kind: 'busy' as const };
    };
    const app = await startTestSlackApp(slack, {
      store: registers[0]!.store,
      settings: office,
      today: () => TODAY,
      log: () => {},
      boards: contexts.map((context, i) => ({
        ...context,
        board: office.boards[i]!,
        postDigest: postOf(office.boards[i]!, context.store),
      })),
      postDigest: postOf(office.boards[0]!, registers[0]!.store),
    });
    try {
      const asked = slashCommandBody({
        command: '/risk',
        text: 'digest',
        userId: 'U0PMO',
        channelId: 'C0LDB',
        responseUrl: slack.responseUrl(),
      });
      await sendToApp(app.url!, asked, { secret: TEST_SIGNING_SECRET });
      const [answer] = await slack.waitFor('response_url', 1, 8000);
      expect(JSON.stringify(answer!.args)).toContain('Posted the digest');
      const posts = slack
        .callsTo('chat.postMessage')
        .filter(
          (call) => (call.args.metadata as { event_type?: string } | undefined)?.event_type === 'risk_bot_digest',
        );
      expect(posts.map((post) => post.args.channel)).toEqual(['C0LDB']);
      expect(JSON.stringify(posts[0]!.args.blocks)).toContain('Learning Disability Board');
    } finally {
      await app.stop();
    }
  });
});

describe("the boards' sheets at start-up", () => {
  it('when a further board names a sheet that does not exist, then start-up names the board and the sheet', async () => {
    const registers = await boards();
    const { settings: two } = appBoards(registers);
    const unknown = { ...two, boards: [two.boards[0]!, { ...two.boards[1]!, sheetId: 'no-such-sheet' }] };
    const stores = new Map([
      ['jcb', registers[0]!.store],
      ['ld', sheetsStore(sheets, 'no-such-sheet', { maxAttempts: 1 })],
    ]);
    const logged: string[] = [];
    const problems = await checkBoardSheets(unknown, stores, (line) => logged.push(line));
    expect(problems).toEqual([
      expect.stringMatching(
        /^boards\[1\]\.sheetId: board "Learning Disability Board"'s sheet no-such-sheet cannot be read: /,
      ),
    ]);
    expect(logged).toEqual([`start-up: ${problems[0]}`]);
    expect(await checkBoardSheets(two, new Map(registers.map((r) => [r.id, r.store] as const)), () => {})).toEqual([]);
  });
});
