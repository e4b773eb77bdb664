import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/adapters/workbook/workbook-lock.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { cellText } from '../../src/domain/cell.js';
import type { WriteRequest } from '../../src/ports/register-store.js';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { type FakeSlackServer, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { riskBot } from '../helpers/risk-bot.js';
import { runTs } from '../helpers/run-command.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';
import { workbookRows } from '../helpers/workbook-person.js';

/**
 * One process at a time writes a workbook. The bot (`npm start`'s entry
 * point with Slack, a child process) holds the workbook's lock; a second
 * process that would write it (local mode, risk-bot nudges --send or
 * digest --post) is refused at start, naming the bot's pid and saying what
 * to do; read-only commands run beside it. The lock goes with its process.
 */
const settings = loadSettings();
const TODAY = '2026-11-23';

let slack: FakeSlackServer;
let config: string;

beforeAll(async () => {
  slack = await startFakeSlackServer();
  config = join(mkdtempSync(join(tmpdir(), 'workbook-lock-')), 'settings.json');
  // No reminder or digest falls due while the tests run.
  writeFileSync(config, JSON.stringify({ reminders: { nudgeTime: '23:59' }, digest: { schedule: '0 0 1 1 *' } }));
});
afterAll(async () => {
  await slack.close();
});

/** Local mode (`npm start` without Slack) on `path` in a process of its own, given `input` as piped commands. */
const localModeProcess = (path: string, input: string) =>
  runTs('src/main.ts', [], { REGISTER_WORKBOOK: path, RISK_BOT_CONFIG: config }, input);

async function probabilityOf(path: string, id: string): Promise<number> {
  const [headers = [], ...rows] = await workbookRows(path, 'Risks');
  const row = rows.find((r) => cellText(r[0]).replace(/\s/g, '') === id)!;
  return row[headers.indexOf('Probability (P)')] as number;
}

/** The bot with Slack (`npm start`), in a process of its own, on a fresh copy of the sample workbook. */
async function startBot(): Promise<{ bot: BotProcess; path: string }> {
  const path = sampleWorkbookCopy('workbook-lock-');
  const bot = await startBotProcess({
    SLACK_BOT_TOKEN: 'xoxb-lock',
    SLACK_SIGNING_SECRET: 'lock-signing-secret',
    SLACK_API_URL: slack.url,
    REGISTER_WORKBOOK: path,
    RISK_BOT_CONFIG: config,
  });
  return { bot, path };
}

describe('while the bot runs on a workbook', () => {
  let bot: BotProcess;
  let path: string;
  beforeAll(async () => {
    ({ bot, path } = await startBot());
  }, 30_000);
  afterAll(async () => {
    await bot.kill();
  });

  it("then local mode on it is refused at start, naming the bot's pid and what to do, and writes nothing", async () => {
    const before = await readFile(path);
    const { code, stderr } = await localModeProcess(path, '/risk update R-1 probability 3\n');
    expect(code).toBe(2);
    expect(stderr).toContain(
      `The register workbook register.xlsx is open for writing by another risk-bot process: pid ${bot.child.pid}, the Slack bot (npm start), since `,
    );
    expect(stderr).toContain('Stop that process first and start this again (to run several bots, use a Google Sheet)');
    expect(stderr).toContain(`File: ${path}`);
    expect((await readFile(path)).equals(before)).toBe(true);
  }, 30_000);

  it('then risk-bot nudges --send and digest --post are refused too, while check and the previews still run', async () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-lock', SLACK_API_URL: slack.url, RISK_BOT_CONFIG: config };
    for (const command of [
      ['nudges', '--send'],
      ['digest', '--post'],
    ]) {
      const { code, stderr } = await riskBot([...command, '--workbook', path, '--today', TODAY], env);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`pid ${bot.child.pid}, the Slack bot (npm start)`);
    }
    for (const command of ['check', 'digest', 'nudges']) {
      const { code, stdout, stderr } = await riskBot([command, '--workbook', path, '--today', TODAY], env);
      expect(code, stderr).not.toBe(2);
      expect(stdout.length).toBeGreaterThan(0);
    }
    expect(existsSync(lockPath(path))).toBe(true);
  }, 30_000);
});

describe('when the bot stops', () => {
  let started: BotProcess | undefined;
  afterEach(async () => {
    await started?.kill();
  });

  it('on SIGTERM, then its lock goes, and local mode then opens the workbook and writes', async () => {
    const { bot, path } = await startBot();
    started = bot;
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code, `${JSON.stringify(exit)}\n${bot.log()}`).toBe(0);
    expect(existsSync(lockPath(path))).toBe(false);
    const { code, stderr } = await localModeProcess(path, '/risk update R-1 probability 3\n');
    expect(code, stderr).toBe(0);
    expect(await probabilityOf(path, 'R-1')).toBe(3);
    expect(existsSync(lockPath(path))).toBe(false);
  }, 30_000);

  it('killed (SIGKILL), then its lock stays naming a dead pid, and the next start takes it over', async () => {
    const { bot, path } = await startBot();
    started = bot;
    bot.child.kill('SIGKILL');
    await bot.exited;
    expect(JSON.parse(await readFile(lockPath(path), 'utf8'))).toMatchObject({ pid: bot.child.pid });
    const { code, stderr } = await localModeProcess(path, '/risk update R-1 probability 3\n');
    expect(code, stderr).toBe(0);
    expect(await probabilityOf(path, 'R-1')).toBe(3);
    expect(existsSync(lockPath(path))).toBe(false);
  }, 30_000);
});

describe('when two stores in one process write one workbook many times while a second process tries to', () => {
  it('then every write lands once, the second process is refused naming this one, and nothing it asked is written', async () => {
    const path = sampleWorkbookCopy('workbook-lock-');
    const open = () => WorkbookRegisterStore.open({ path, tabs: settings.tabs, purpose: 'the lock test' });
    const [first, second] = await Promise.all([open(), open()]);
    const add = (n: number): WriteRequest => {
      const id = `A-${100 + n}`;
      return {
        updates: [],
        inserts: [{ tab: 'actions', values: { id, action: `Action number ${n}`, status: 'Not started' } }],
        audit: [
          {
            when: new Date(Date.UTC(2026, 10, 23, 10, 0, n)).toISOString(),
            who: 'U0PMO',
            item: id,
            field: 'created',
            oldValue: '',
            newValue: id,
            via: 'console',
            note: `write ${n}`,
          },
        ],
      };
    };
    const [outcomes, other] = await Promise.all([
      Promise.allSettled(Array.from({ length: 24 }, (_, n) => (n % 2 === 0 ? first : second).write(add(n)))),
      localModeProcess(path, '/risk update R-1 probability 3\n'),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`pid ${process.pid}, the lock test`);

    const actions = (await workbookRows(path, 'Actions')).map((row) => cellText(row[0]));
    const added = Array.from({ length: 24 }, (_, n) => `A-${100 + n}`);
    for (const id of added)
      expect(
        actions.filter((text) => text === id),
        id,
      ).toHaveLength(1);
    const notes = (await workbookRows(path, 'Audit log')).map((row) => cellText(row[7]));
    for (let n = 0; n < 24; n += 1) expect(notes.filter((note) => note === `write ${n}`)).toHaveLength(1);
    expect(await probabilityOf(path, 'R-1')).toBe(2);
    await first.close();
    await second.close();
    expect(existsSync(lockPath(path))).toBe(false);
  }, 60_000);
});
