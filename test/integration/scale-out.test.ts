import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { dateInZone } from '../../src/domain/dates/calendar.js';
import { isoDateToSerial } from '../../src/domain/dates/timescale.js';
import { workingDayRule } from '../../src/domain/dates/working-days.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { type RunningRedis, SKIP_REDIS, startRedisServer } from '../helpers/redis-server.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import { sampleSheet } from '../helpers/sample-sheet.js';
import { startSheets, TEST_KEY } from '../helpers/sheets-fixture.js';

/**
 * Three bot processes (`npm start`'s entry point, HTTP mode) against one
 * Redis, two boards' Google Sheets and one Slack, started in the same minute. Each
 * runs the reminder catch-up at start, and the digest catch-up too (the
 * test's config schedules it every minute, so its slot has just passed), and
 * fires it again each minute: every reminder and the digest must reach Slack once.
 */
const settings = loadSettings();
const today = dateInZone(new Date(), settings.timeZone);

let redis: RunningRedis;
let slack: FakeSlackServer;
let sheets: FakeSheetsServer;
let sheetId: string;
let secondSheetId: string;
/** Lead Commissioner, who owns items on both boards' registers. */
const LEAD = 'U0SAMPLE03';
const instances: Array<{ child: ChildProcess; output: string[] }> = [];

beforeAll(async () => {
  if (SKIP_REDIS) return;
  [redis, slack, sheets] = await Promise.all([startRedisServer(), startFakeSlackServer(), startSheets()]);
  for (const id of ['U0PLAN', 'U0HOUSE', 'U0DEREK']) slack.addUser({ id, email: `${id.toLowerCase()}@example.org` });
  sheetId = await sampleSheet(sheets, settings, today);
  // A second programme's register: one risk of the same Lead Commissioner, due today.
  secondSheetId = sheets.addSpreadsheet({
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
      ['R-1', 'Lead Commissioner', 'Day centre closes early', 3, 2, isoDateToSerial(today), 'Open'],
    ],
    Actions: [['Action ID', 'Action', 'Lead', 'Timescale', 'Status']],
    People: [
      ['Name', 'Slack user'],
      ['Lead Commissioner', LEAD],
    ],
  });

  const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  const config = join(dir, 'settings.json');
  writeFileSync(
    config,
    JSON.stringify({
      reminders: { nudgeTime: '00:00' },
      digest: { schedule: '* * * * *' },
      boards: [
        { id: 'default', name: 'Programme board', channel: 'C0BOARD' },
        { id: 'ld', name: 'Learning Disability Board', channel: 'C0LDB', sheetId: secondSheetId },
      ],
    }),
  );
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: slack.url,
    REGISTER_SHEET_ID: sheetId,
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(TEST_KEY.keyJson),
    GOOGLE_SHEETS_API_URL: sheets.url,
    REDIS_URL: redis.url,
    RISK_BOT_CONFIG: config,
  };
  for (let i = 0; i < 3; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    instances.push({ child, output });
  }
}, 30_000);

afterAll(async () => {
  if (SKIP_REDIS) return;
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await Promise.all([slack.close(), sheets.close(), redis.stop()]);
});

const logOf = (i: number) => instances[i]!.output.join('');
const postsOf = (eventType: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter(
      (c) => !c.rateLimited && (c.args.metadata as { event_type?: string } | undefined)?.event_type === eventType,
    );

describe.skipIf(SKIP_REDIS)('three instances behind a load balancer, one Redis', () => {
  it("send each reminder and each board's digest once, whichever instance takes each run", async () => {
    // All three try each digest at start and each minute; wait for both posts, then a little for stragglers.
    await slack.waitFor('files.completeUploadExternal', 2, 80_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (let i = 0; i < 3; i++) expect(logOf(i)).toContain('runs coordinated through Redis');

    const digests = postsOf('risk_bot_digest');
    expect(digests.map((post) => post.args.channel).sort()).toEqual(['C0BOARD', 'C0LDB']);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(2);

    const reminders = postsOf('risk_bot_nudge');
    const recipients = reminders.map((c) => String(c.args.channel));
    expect(new Set(recipients).size).toBe(recipients.length);
    if (workingDayRule(settings.holidays)(today)) expect(reminders.length).toBeGreaterThan(3);

    const all = [0, 1, 2].map(logOf).join('\n');
    expect(all.match(/nudges: .* is being run by another instance; skipped here/g) ?? []).toHaveLength(2);
    expect(
      (all.match(/digest for Programme board: (being posted by another instance|already posted)/g) ?? []).length,
    ).toBeGreaterThanOrEqual(2);
    const audit = (sheets.snapshot(sheetId)['Audit log'] ?? []).map((row) => row.map(String));
    const field = audit[0]!.findIndex((header) => /field/i.test(header));
    expect(audit.filter((row) => row[field] === 'digest-sent')).toHaveLength(1);
    expect(audit.filter((row) => row[field] === 'nudge-sent')).toHaveLength(reminders.length);
    if (workingDayRule(settings.holidays)(today)) {
      // One message to the person owning items on both boards, holding both; each board's ledger its own.
      const toLead = reminders.filter((post) => post.args.channel === `D${LEAD}`);
      expect(toLead).toHaveLength(1);
      expect(JSON.stringify(toLead[0]!.args.blocks)).toContain('Day centre closes early');
      const second = (sheets.snapshot(secondSheetId)['Audit log'] ?? []).map((row) => row.map(String));
      expect(second.filter((row) => row[field] === 'nudge-sent').map((row) => row[2])).toEqual(['R-1']);
    }
  }, 100_000);
});
