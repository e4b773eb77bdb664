import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { dateInZone } from '../../src/domain/dates/calendar.js';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import type { FakeSheetsServer } from '../helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { sampleSheet } from '../helpers/sample-sheet.js';
import { startSheets, TEST_KEY } from '../helpers/sheets-fixture.js';
import { sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

/**
 * SIGTERM (a deploy, a platform moving the bot) while someone's update is
 * under way: the bot stops taking requests, finishes what it acknowledged or
 * tells the person their change was not made, and exits within ten seconds.
 * The bot runs as `npm start` runs it, on a Google Sheet (the local Sheets
 * server, slowed down) and Slack.
 */
const SECRET = 'shutdown-signing-secret';
const settings = loadSettings();
const today = dateInZone(new Date(), settings.timeZone);
const OWNER = 'U0SAMPLE01'; // owns R-1 in the sample's People tab

let slack: FakeSlackServer;
let sheets: FakeSheetsServer;
let sheetId: string;
let bot: BotProcess;
let config: string;

beforeAll(async () => {
  [slack, sheets] = await Promise.all([startFakeSlackServer(), startSheets()]);
  config = join(mkdtempSync(join(tmpdir(), 'shutdown-')), 'settings.json');
  // No reminder or digest falls due while the test runs: only the update touches the sheet.
  writeFileSync(config, JSON.stringify({ reminders: { nudgeTime: '23:59' }, digest: { schedule: '0 0 1 1 *' } }));
});
afterAll(async () => {
  await Promise.all([slack.close(), sheets.close()]);
});

beforeEach(async () => {
  slack.reset();
  sheets.setLatency(0);
  sheetId = await sampleSheet(sheets, settings, today);
  sheets.resetCounts();
  bot = await startBotProcess({
    SLACK_BOT_TOKEN: 'xoxb-shutdown',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.url,
    RISK_BOT_CONFIG: config,
    REGISTER_SHEET_ID: sheetId,
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(TEST_KEY.keyJson),
    GOOGLE_SHEETS_API_URL: sheets.url,
  });
});
afterEach(async () => {
  await bot.kill();
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const probabilityOfR1 = () => {
  const rows = sheets.snapshot(sheetId).Risks!;
  const header = rows.findIndex((row) => row.includes('Probability (P)'));
  const column = rows[header]!.indexOf('Probability (P)');
  return rows.find((row) => /^R ?- ?1$/.test(String(row[0])))![column];
};

/** The person's answer: the last response, after any "Working on it" note a slow write brings first. */
async function answerText(): Promise<string> {
  const responses = await slack.waitFor('response_url', 1, 1000);
  const answers = responses.filter((response) => response.args.text !== 'Working on it');
  expect(answers).toHaveLength(1);
  return JSON.stringify(answers[0]!.args);
}

const updateR1 = () =>
  sendToApp(
    `${bot.base}/slack/events`,
    slashCommandBody({
      command: '/risk',
      text: 'update R-1 probability 1',
      userId: OWNER,
      responseUrl: slack.responseUrl(),
    }),
    { secret: SECRET },
  );

describe('when the bot is told to stop while an acknowledged update is being written', () => {
  it('finishes the write, answers the person, refuses new requests, and exits within 10 s', async () => {
    // Only the write is slow: it is under way when the signal comes.
    sheets.setLatency(1500, 'spreadsheets.batchUpdate');
    expect((await updateR1()).status).toBe(200);
    await until(() => sheets.requests.some((request) => request.kind === 'spreadsheets.batchUpdate'), 15_000);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${bot.base}/healthz`).then(
      (response) => response.status,
      () => 'closed',
    );
    expect([503, 'closed']).toContain(refused);
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(sheets.appliedCount('spreadsheets.batchUpdate')).toBe(1);
    expect(probabilityOfR1()).toBe(1);
    expect(await answerText()).toContain('Updated R');
    expect(bot.log()).toContain('stopped: all work finished');
  }, 40_000);

  it('when the write has not begun by the cut-off, then nothing is written and the person is told so, within 10 s', async () => {
    // The read before the write takes longer than a stopping bot lets work go on as usual.
    sheets.setLatency(6000);
    expect((await updateR1()).status).toBe(200);
    await until(() => sheets.requests.length > 0, 5000);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(sheets.count('spreadsheets.batchUpdate')).toBe(0);
    expect(probabilityOfR1()).not.toBe(1);
    expect(await answerText()).toContain('this change was not made: nothing was written');
  }, 40_000);
});
