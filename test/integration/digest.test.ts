import { spawn } from 'node:child_process';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { boardStores } from '../../src/composition/boards.js';
import { digestDeps, firedEarlierToday, startJobs } from '../../src/composition/start-jobs.js';
import { readEnv } from '../../src/config/env.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { SCALE_PRESETS } from '../../src/config/scale-presets.js';
import type { Settings } from '../../src/config/settings.js';
import { digestPictures } from '../../src/domain/digest/pictures/digest-pictures.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { digestJob } from '../../src/jobs/digest-job.js';
import { boardDigest } from '../../src/use-cases/board-digest.js';
import { postDigest } from '../../src/use-cases/post-digest.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import {
  QUICK_SLACK,
  sampleWorkbookCopy,
  startTestSlackApp,
  TEST_SIGNING_SECRET,
} from '../helpers/slack-app-fixture.js';
import { sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

const SECRET = TEST_SIGNING_SECRET;
const TODAY = '2026-11-23';
const MONDAY_0900 = new Date('2026-11-23T09:00:00Z');
const base = loadSettings();
const settings: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: ['U0PMO'], userGroup: null },
};

let slack: FakeSlackServer;
let path: string;
let store: WorkbookRegisterStore;
const logged: string[] = [];

const deps = () => ({
  ...digestDeps(
    store,
    settings,
    slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK),
    () => new Date(),
    (text) => logged.push(text),
  ),
  timeZone: settings.timeZone,
  leases: new MemoryLeases(),
});
const digestPosts = () =>
  slack
    .callsTo('chat.postMessage')
    .filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'risk_bot_digest');
const audit = async () => readRegister(await store.load(), settings, TODAY).audit;

beforeAll(async () => {
  slack = await startFakeSlackServer();
});
afterAll(async () => {
  await slack.close();
});
beforeEach(() => {
  slack.reset();
  logged.length = 0;
  path = sampleWorkbookCopy('digest-');
  store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
});

describe('the scheduled weekly digest', () => {
  it("is posted once to the board's channel, with the heat map uploaded there, and not again after a restart", async () => {
    await digestJob(deps(), settings.boards[0]!, settings.digest.schedule).run(MONDAY_0900);
    expect(digestPosts()).toHaveLength(1);
    const post = digestPosts()[0]!;
    expect(post.args.channel).toBe('C0BOARD');
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('Programme board: risk and action digest');
    expect(blocks).toContain('Key: L = Low');

    const [upload] = await slack.waitFor('upload_url', 1, 5000);
    const [completed] = await slack.waitFor('files.completeUploadExternal', 1, 5000);
    expect(completed!.args.channel_id).toBe('C0BOARD');
    expect(completed!.args.thread_ts).toBeUndefined();
    const [asked] = slack.callsTo('files.getUploadURLExternal');
    expect(asked!.args.alt_text).toMatch(/^Heat map of open risks by impact and probability for Programme board/);
    const png = PNG.sync.read(upload!.args.bytes as Buffer);
    const register = readRegister(await store.load(), settings, TODAY);
    const { digest } = boardDigest(register, settings, TODAY);
    const { heatMap } = digestPictures(digest, settings.boards[0]!, register.audit);
    expect([png.width, png.height]).toEqual([heatMap.width * 2, heatMap.height * 2]);
    // A board's first digest has no trend: one bar is none.
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);

    // A restarted bot's job fires again for the same Monday: nothing more is posted.
    await digestJob(deps(), settings.boards[0]!, settings.digest.schedule).run(MONDAY_0900);
    expect(digestPosts()).toHaveLength(1);
    expect(logged.at(-1)).toContain('already posted');
    const lines = await audit();
    expect(lines.filter((a) => a.field === 'digest')).toHaveLength(1);
    expect(lines.filter((a) => a.field === 'digest-sent')).toHaveLength(1);
    expect(lines.find((a) => a.field === 'digest-counts')).toMatchObject({
      item: 'default',
      oldValue: TODAY,
      newValue: 'Low=1; Medium=7; High=4; unrated=0',
    });
  });

  it("the next week compares its counts with this one, and is posted again with the trend in the digest's thread", async () => {
    await postDigest(deps(), settings.boards[0]!, TODAY);
    await postDigest(deps(), settings.boards[0]!, '2026-11-30');
    expect(digestPosts()).toHaveLength(2);
    expect(JSON.stringify(digestPosts()[1]!.args.blocks)).toContain('since the digest of Mon, 23 Nov 2026');
    const completed = await slack.waitFor('files.completeUploadExternal', 3, 5000);
    expect(completed.map((c) => c.args.thread_ts)).toEqual([undefined, undefined, expect.any(String)]);
    const digestMessage = slack
      .messagesIn('C0BOARD')
      .find(
        (m) =>
          (m.metadata as { event_type?: string } | undefined)?.event_type === 'risk_bot_digest' &&
          m.ts === completed[2]!.args.thread_ts,
      );
    expect(digestMessage).toBeDefined();
    expect(slack.callsTo('files.getUploadURLExternal')[2]!.args.alt_text).toMatch(
      /^Open risks by band over the last 2 digests/,
    );
    const uploads = slack.callsTo('upload_url');
    const trend = PNG.sync.read(uploads[2]!.args.bytes as Buffer);
    expect(trend.width).toBe(1200);
  });

  it('a post killed before Slack answered is found in the channel by the next run, not posted twice', async () => {
    slack.holdAnswers('chat.postMessage', 1);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'digest', '--post', '--today', TODAY, '--workbook', path],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TZ: 'UTC',
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_API_URL: slack.url,
          DIGEST_CHANNEL: 'C0BOARD',
        },
      },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await slack.waitFor('chat.postMessage', 1, 20_000);
    child.kill('SIGKILL');
    await exited;
    slack.holdAnswers('chat.postMessage', Infinity);

    const outcome = await postDigest(deps(), settings.boards[0]!, TODAY);
    expect(outcome.kind).toBe('already-posted');
    expect(digestPosts()).toHaveLength(1);
    expect((await audit()).find((a) => a.field === 'digest-sent')?.note).toContain('found in Slack');
  }, 30_000);

  it('without a channel, says so rather than posting anywhere', async () => {
    const noChannel = { ...settings.boards[0]!, channel: null };
    await digestJob(deps(), noChannel, settings.digest.schedule).run(MONDAY_0900);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(logged.at(-1)).toContain('no channel is configured');
  });
});

describe('several boards', () => {
  it("each board's digest goes to its own channel, drawn on its own scale", async () => {
    const other = {
      id: 'mental-health',
      name: 'Mental health board',
      sheetId: 'unused',
      channel: 'C0MH',
      scale: SCALE_PRESETS['5x5-nhs'] as Settings['scale'],
    };
    const otherDeps = {
      ...deps(),
      store: new WorkbookRegisterStore({ path: sampleWorkbookCopy('digest-'), tabs: settings.tabs }),
    };
    await postDigest(deps(), settings.boards[0]!, TODAY);
    await postDigest(otherDeps, other, TODAY);
    expect(digestPosts().map((c) => c.args.channel)).toEqual(['C0BOARD', 'C0MH']);
    expect(JSON.stringify(digestPosts()[1]!.args.blocks)).toContain('Mental health board');
    const uploads = await slack.waitFor('upload_url', 2, 5000);
    const [small, large] = uploads.map((u) => PNG.sync.read(u.args.bytes as Buffer));
    // Both are 1200 px wide; five rows of cells make the 5x5 map taller.
    expect(large!.width).toBe(small!.width);
    expect(large!.height).toBeGreaterThan(small!.height);
  });

  it('a board after the first without its own sheet is a settings problem named at start-up', () => {
    const two = {
      ...settings,
      boards: [
        ...settings.boards,
        { id: 'second', name: 'Second', sheetId: null, channel: 'C0TWO', scale: settings.scale },
      ],
    };
    expect(() => boardStores(two, readEnv({}), store)).toThrow(
      /boards\[1\]\.sheetId: board "Second" needs its own Google Sheet/,
    );
  });

  it('with several boards, one without a channel is a problem named at start-up, with the others', () => {
    const two = {
      ...settings,
      boards: [
        { ...settings.boards[0]!, channel: null },
        { id: 'second', name: 'Second', sheetId: null, channel: 'C0TWO', scale: settings.scale },
      ],
    };
    let problems: string[] = [];
    try {
      boardStores(two, readEnv({}), store);
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(
        /^boards\[0\]\.channel: board "Programme board" has no channel, so its digest cannot be posted/,
      ),
      expect.stringMatching(/^boards\[1\]\.sheetId: board "Second" needs its own Google Sheet/),
    ]);
  });
});

describe('/risk digest on demand', () => {
  let app: RunningSlackApp;
  beforeEach(async () => {
    app = await startTestSlackApp(slack, {
      store,
      settings,
      today: () => TODAY,
      log: (text) => logged.push(text),
      postDigest: (day) => postDigest(deps(), settings.boards[0]!, day),
    });
  });
  afterEach(async () => {
    await app.stop();
  });
  const command = (userId: string) =>
    sendToApp(
      app.url!,
      slashCommandBody({ command: '/risk', text: 'digest', userId, responseUrl: slack.responseUrl() }),
      { secret: SECRET },
    );

  it("from the programme office, posts to the board's channel with the heat map and says so", async () => {
    await command('U0PMO');
    const [reply] = await slack.waitFor('response_url', 1, 8000);
    expect(JSON.stringify(reply!.args)).toContain('Posted the digest');
    expect(digestPosts()).toHaveLength(1);
    await slack.waitFor('files.completeUploadExternal', 1, 5000);
    await command('U0PMO');
    const replies = await slack.waitFor('response_url', 2, 8000);
    expect(JSON.stringify(replies[1]!.args)).toContain('already in the board');
    expect(digestPosts()).toHaveLength(1);
  });

  it('from anyone else, is refused and nothing is posted', async () => {
    await command('U0SAMPLE03');
    const [reply] = await slack.waitFor('response_url', 1, 8000);
    expect(JSON.stringify(reply!.args)).toContain('Only the programme office');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('a bot started after the digest slot', () => {
  it("knows whether a schedule fired earlier today, on the board's calendar", async () => {
    const { default: cron } = await import('node-cron');
    const monday = cron.createTask('0 9 * * 1', () => {}, { timezone: 'Europe/London' });
    try {
      expect(firedEarlierToday(monday, new Date('2026-11-23T10:30:00Z'), 'Europe/London')).toBe(true);
      expect(firedEarlierToday(monday, new Date('2026-11-23T08:59:00Z'), 'Europe/London')).toBe(false);
      expect(firedEarlierToday(monday, new Date('2026-11-24T10:30:00Z'), 'Europe/London')).toBe(false);
      // 09:00 BST is 08:00 UTC: in summer the slot has passed by 08:30 UTC.
      expect(firedEarlierToday(monday, new Date('2026-06-01T08:30:00Z'), 'Europe/London')).toBe(true);
    } finally {
      await monday.destroy();
    }
  });

  it('posts the digest missed earlier today at start, once', async () => {
    const jobs = startJobs({
      store,
      settings,
      client: slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK),
      leases: new MemoryLeases(),
      clock: () => new Date('2026-11-23T11:00:00Z'),
      log: (text) => logged.push(text),
    });
    try {
      await slack.waitFor('files.completeUploadExternal', 1, 15_000);
      expect(digestPosts()).toHaveLength(1);
    } finally {
      await jobs.stop();
    }
    const again = startJobs({
      store,
      settings,
      client: slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK),
      leases: new MemoryLeases(),
      clock: () => new Date('2026-11-23T11:05:00Z'),
      log: (text) => logged.push(text),
    });
    for (
      const until = Date.now() + 8000;
      !logged.some((line) => line.includes('already posted')) && Date.now() < until;
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    await again.stop();
    expect(digestPosts()).toHaveLength(1);
  }, 30_000);
});
