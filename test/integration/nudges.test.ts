import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLeases } from '../../src/adapters/leases/memory-leases.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { slackWebClient } from '../../src/adapters/slack/slack-client.js';
import { SlackNudgeOutbox } from '../../src/adapters/slack/slack-nudge-outbox.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { runCli } from '../../src/cli/run-cli.js';
import { startJobs } from '../../src/composition/start-jobs.js';
import { readEnv } from '../../src/config/env.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import type { IsoDate } from '../../src/domain/cell.js';
import { canonicalId } from '../../src/domain/item-id.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { type NudgeRunDeps, nudgeJob, runNudges } from '../../src/jobs/nudge-job.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import {
  QUICK_SLACK,
  sampleWorkbookCopy,
  startTestSlackApp,
  TEST_SIGNING_SECRET,
} from '../helpers/slack-app-fixture.js';
import { interactionBody, sendToApp } from '../helpers/slack-signing.js';

const SECRET = TEST_SIGNING_SECRET;
const TODAY = '2026-11-23'; // the day the sample register was built for: a Monday
const base = loadSettings();
const settings: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: ['U0PMO'], userGroup: null },
};
// People give these by e-mail only; "market.development@example.org" is left unknown to Slack on purpose.
const EMAIL_USERS = [
  { id: 'U0PLAN', email: 'planning.officer@example.org' },
  { id: 'U0HOUSE', email: 'housing.lead@example.org' },
  { id: 'U0DEREK', email: 'derek.seymour@example.org' },
];

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let path: string;
let store: WorkbookRegisterStore;
let appToday: IsoDate;
const logged: string[] = [];

const register = async (today = TODAY) => readRegister(await store.load(), settings, today);
const deps = (): NudgeRunDeps => ({
  store,
  settings,
  log: (text) => logged.push(text),
  clock: () => new Date(),
  timeZone: settings.timeZone,
  leases: new MemoryLeases(),
  outbox: new SlackNudgeOutbox(slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK)),
});
const posts = () => slack.callsTo('chat.postMessage').filter((c) => !c.rateLimited);
const recipientsOf = () => posts().map((c) => String(c.args.channel));

/** The first message to a user, and the actions block of an item in it, as Slack holds them. */
function reminderFor(userId: string, itemId: string) {
  const message = slack.messagesIn(userId)[0] as
    | {
        ts: string;
        text: string;
        blocks: Array<{ type: string; block_id: string; elements?: Array<{ value?: string }> }>;
      }
    | undefined;
  if (message === undefined) throw new Error(`no message to ${userId}`);
  const block = message.blocks.find(
    (b) =>
      b.type === 'actions' &&
      b.elements?.some((e) => e.value && canonicalId(JSON.parse(e.value).id) === canonicalId(itemId)),
  );
  if (block === undefined) throw new Error(`no buttons for ${itemId} in the message to ${userId}`);
  return { message, block, value: block.elements![0]!.value! };
}

function press(userId: string, actionId: string, reminder: ReturnType<typeof reminderFor>) {
  const channel = `D${userId}`;
  return sendToApp(
    app.url!,
    interactionBody({
      type: 'block_actions',
      team: { id: 'T0TEST' },
      user: { id: userId, team_id: 'T0TEST' },
      api_app_id: 'A0TEST',
      trigger_id: `trig-${Math.random()}`,
      response_url: slack.responseUrl(),
      container: { type: 'message', message_ts: reminder.message.ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel },
      message: reminder.message,
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: reminder.block.block_id,
          value: reminder.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    }),
    { secret: SECRET },
  );
}

beforeEach(async () => {
  for (const user of EMAIL_USERS) slack.addUser(user);
  logged.length = 0;
  appToday = TODAY;
  path = sampleWorkbookCopy('nudges-');
  store = new WorkbookRegisterStore({ path, tabs: settings.tabs });
  app = await startTestSlackApp(slack, { store, settings, today: () => appToday, log: (text) => logged.push(text) });
});
afterEach(async () => {
  await app.stop();
});

describe('the daily reminder run through the real Slack Web API client', () => {
  it('sends what `risk-bot nudges --today` previews: one DM per person, each item with its buttons, once', async () => {
    const preview = await runCli(
      { command: 'nudges', today: TODAY, workbook: path, format: 'json' },
      readEnv({}),
      new Date(),
    );
    const previewed = (
      JSON.parse(preview.stdout).nudges as Array<{ nudges: Array<{ id: string; stage: string }> }>
    ).flatMap((g) => g.nudges.map((n) => `${n.id}:${n.stage}`));

    await nudgeJob(deps(), settings.reminders.nudgeTime).run(new Date(`${TODAY}T09:00:00Z`));
    const report = (await runNudges(deps(), TODAY))!; // a second run the same day
    expect(report.delivered).toEqual([]);

    const recipients = recipientsOf();
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toEqual(expect.arrayContaining(['DU0SAMPLE01', 'DU0SAMPLE03', 'DU0SAMPLE11', 'DU0PLAN']));
    const audit = (await register()).audit;
    const sentItems = audit.filter((a) => a.field === 'nudge').map((a) => `${a.item}:${a.newValue.split('@')[0]}`);
    const unreachable = audit
      .filter((a) => a.field === 'nudge-unreachable')
      .map((a) => `${a.item}:${a.newValue.split('@')[0]}`);
    expect(new Set([...sentItems, ...unreachable])).toEqual(new Set(previewed));
    expect(audit.filter((a) => a.field === 'nudge-sent')).toHaveLength(recipients.length);
    expect(unreachable.length).toBeGreaterThan(0);
    expect(
      audit.find((a) => a.field === 'nudge-unreachable' && a.note.includes('PCT Dir of ommissioning'))?.note,
    ).toContain('not in the People tab');

    const planning = reminderFor('U0PLAN', 'A-6');
    expect(planning.block.elements!.map((e) => JSON.parse(e.value!).id)).toEqual(['A-6', 'A-6', 'A-6', 'A-6']);
    expect(JSON.stringify(planning.message.blocks)).toContain('Mark done');
    const first = posts()[0]!;
    expect(first.args.metadata).toMatchObject({ event_type: 'risk_bot_nudge' });

    const after = await runCli(
      { command: 'nudges', today: TODAY, workbook: path, format: 'text' },
      readEnv({}),
      new Date(),
    );
    expect(after.stdout).toContain('No reminders are due today.');
  });

  it('looks each e-mail up once, and lists owners Slack does not know as unreachable', async () => {
    const report = (await runNudges(deps(), TODAY))!;
    const lookups = slack.callsTo('users.lookupByEmail').map((c) => c.args.email);
    expect(new Set(lookups).size).toBe(lookups.length);
    expect(report.unreachable.map((u) => u.reason).join('\n')).toMatch(/not in the People tab/);
    expect(report.delivered.some((d) => d.recipient === 'U0PLAN')).toBe(true);
  });

  it("a bot's later runs reuse its e-mail lookups, the ones Slack did not know included", async () => {
    const shared = deps();
    await runNudges(shared, TODAY);
    const first = slack.callsTo('users.lookupByEmail').length;
    expect(first).toBeGreaterThan(0);
    const next = (await runNudges({ ...shared, leases: new MemoryLeases() }, '2026-11-24'))!;
    expect(next.delivered.some((d) => d.recipient === 'U0PLAN')).toBe(true); // A-6 is due that day: its e-mail-only owner is needed again
    expect(slack.callsTo('users.lookupByEmail')).toHaveLength(first);
  });

  it('waits out a 429 with Retry-After and still sends each message once', async () => {
    slack.rateLimit('chat.postMessage', 1, 1);
    const report = (await runNudges(deps(), TODAY))!;
    const limited = slack.callsTo('chat.postMessage').find((c) => c.rateLimited)!;
    const retry = slack
      .callsTo('chat.postMessage')
      .find((c) => !c.rateLimited && c.args.channel === limited.args.channel)!;
    expect(retry.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(recipientsOf()).toHaveLength(report.delivered.length);
    expect(new Set(recipientsOf()).size).toBe(report.delivered.length);
  });

  it('a run killed mid-way is finished by the next without sending anything twice', async () => {
    // The third message reaches Slack but its answer never comes back; the process is killed there.
    slack.holdAnswers('chat.postMessage', 3);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'nudges', '--send', '--today', TODAY, '--workbook', path],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TZ: 'UTC',
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_API_URL: slack.url,
        },
      },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await slack.waitFor('chat.postMessage', 3, 20_000);
    child.kill('SIGKILL');
    await exited;
    expect((await register()).audit.filter((a) => a.field === 'nudge-sent')).toHaveLength(0);

    slack.holdAnswers('chat.postMessage', Infinity);
    const report = (await runNudges(deps(), TODAY))!;
    expect(report.recovered).toEqual({ found: 3, resent: expect.any(Number), unknown: 0 });
    const recipients = recipientsOf();
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBe(3 + report.delivered.length);
    const audit = (await register()).audit;
    expect(audit.filter((a) => a.field === 'nudge-sent')).toHaveLength(recipients.length);
    expect(audit.filter((a) => a.field === 'nudge-unsent')).toHaveLength(report.recovered.resent);
    expect((await runNudges(deps(), TODAY))!.delivered).toEqual([]);
  }, 30_000);
});

describe('starting the bot', () => {
  /** Starts the jobs as main does, and stops them once `settled` holds (or after `waitMs`). */
  const start = async (at: string, settled: () => boolean, waitMs: number) => {
    const jobs = startJobs({
      store,
      settings,
      client: slackWebClient('xoxb-test', slack.url, undefined, QUICK_SLACK),
      leases: new MemoryLeases(),
      clock: () => new Date(at),
      log: (text) => logged.push(text),
    });
    for (const until = Date.now() + waitMs; !settled() && Date.now() < until; )
      await new Promise((resolve) => setTimeout(resolve, 50));
    await jobs.stop();
  };

  it("after the reminder time, runs today's reminders at once (a day missed while down is caught up)", async () => {
    await start('2026-11-23T10:30:00Z', () => logged.some((line) => line.startsWith('nudges:')), 15_000);
    expect(recipientsOf().length).toBeGreaterThan(5);
    expect(logged.join('\n')).toMatch(/nudges: \d+ reminders sent for Mon, 23 Nov 2026 in \d+ messages/);
  });

  it('before the reminder time, waits for the schedule', async () => {
    await start('2026-11-23T07:30:00Z', () => false, 1000);
    expect(recipientsOf()).toEqual([]);
  });
});

describe('the buttons on a reminder', () => {
  beforeEach(async () => {
    await runNudges(deps(), TODAY);
  });

  // A-6 belongs to the Planning officer, whom People knows by e-mail alone: the press is matched through users.info.
  it('Mark done closes the action in the register, with an Audit log line, and says so in the message', async () => {
    const reminder = reminderFor('U0PLAN', 'A-6');
    const result = await press('U0PLAN', 'item_done', reminder);
    expect(result.status).toBe(200);
    await slack.waitFor('chat.update', 1, 8000);
    const after = await register();
    expect(after.actions.find((a) => a.key === 'A-6')).toMatchObject({ status: 'Done', progress: 100 });
    expect(after.audit.at(-1)).toMatchObject({
      who: 'U0PLAN',
      item: 'A-6',
      field: 'status',
      newValue: 'Done',
      via: 'button',
    });
    const updated = JSON.stringify(slack.callsTo('chat.update')[0]!.args.blocks);
    expect(updated).toContain('marked done by <@U0PLAN>');
    expect(updated).not.toContain(reminder.block.block_id.concat('"', ',"type":"actions'));
  });

  it('refuses someone who is not the owner, and changes nothing', async () => {
    const reminder = reminderFor('U0PLAN', 'A-6');
    const before = (await register()).audit.length;
    await press('U0SAMPLE03', 'item_done', reminder);
    const [response] = await slack.waitFor('response_url', 1, 8000);
    expect(JSON.stringify(response!.args)).toContain('Only');
    expect((await register()).audit).toHaveLength(before);
    expect(slack.callsTo('chat.update')).toHaveLength(0);
  });

  it("Snooze holds the next day's reminder; without it the item would have been sent", async () => {
    const tomorrow = '2026-11-24';
    const wouldSend = await runCli(
      { command: 'nudges', today: tomorrow, workbook: path, format: 'json' },
      readEnv({}),
      new Date(),
    );
    expect(wouldSend.stdout).toContain('"id": "A-6"');
    await press('U0PLAN', 'item_snooze', reminderFor('U0PLAN', 'A-6'));
    await slack.waitFor('chat.update', 1, 8000);
    expect((await register()).audit.at(-1)).toMatchObject({
      item: 'A-6',
      field: 'snooze',
      newValue: '2026-11-29',
      via: 'button',
    });
    const next = (await runNudges(deps(), tomorrow))!;
    expect(next.delivered.flatMap((d) => d.nudges.map((n) => n.item.key))).not.toContain('A-6');
  });

  it('Update opens the update form with the item filled in', async () => {
    await press('U0PLAN', 'item_update', reminderFor('U0PLAN', 'A-6'));
    const [opened] = await slack.waitFor('views.open', 1, 8000);
    expect(JSON.stringify(opened!.args.view)).toContain('"initial_value":"A-6"');
  });

  it('New date asks for a date and a reason, then moves the date, keeps the first one and counts the slip', async () => {
    const reminder = reminderFor('U0PLAN', 'A-6');
    await press('U0PLAN', 'item_new_date', reminder);
    const [opened] = await slack.waitFor('views.open', 1, 8000);
    const view = opened!.args.view as { callback_id: string; private_metadata: string };
    const submit = (date: string, reason: string) =>
      sendToApp(
        app.url!,
        interactionBody({
          type: 'view_submission',
          team: { id: 'T0TEST' },
          user: { id: 'U0PLAN', team_id: 'T0TEST' },
          api_app_id: 'A0TEST',
          trigger_id: `trig-${Math.random()}`,
          view: {
            id: 'V0DATE',
            type: 'modal',
            callback_id: view.callback_id,
            private_metadata: view.private_metadata,
            state: {
              values: {
                date: { value: { type: 'datepicker', selected_date: date } },
                reason: { value: { type: 'plain_text_input', value: reason } },
              },
            },
          },
        }),
        { secret: SECRET },
      );

    expect(JSON.parse((await submit('2026-11-01', 'late')).text)).toMatchObject({
      response_action: 'errors',
      errors: { date: expect.stringContaining('from today') },
    });
    expect(JSON.parse((await submit('2027-01-29', '  ')).text)).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.any(String) },
    });
    const before = (await register()).actions.find((a) => a.key === 'A-6')!;
    expect((await submit('2027-01-29', 'Provider asked for more time')).status).toBe(200);
    await slack.waitFor('chat.update', 1, 8000);
    const after = await register();
    expect(after.actions.find((a) => a.key === 'A-6')).toMatchObject({
      originalTargetDate: before.originalTargetDate ?? before.target.targetDate,
      timesSlipped: before.timesSlipped + 1,
    });
    expect(after.actions.find((a) => a.key === 'A-6')!.target.targetDate).toBe('2027-01-29');
    expect(after.audit.at(-1)).toMatchObject({ item: 'A-6', note: 'Provider asked for more time', via: 'modal' });
    expect(JSON.stringify(slack.callsTo('chat.update')[0]!.args.blocks)).toContain('moved to');
  });
});
