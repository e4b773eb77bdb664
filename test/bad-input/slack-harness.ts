/**
 * One real Slack app (Bolt, HTTP receiver) for a whole test file, in front of a
 * fake Slack API, over a fresh copy of the sample workbook per case. The app is
 * not restarted between cases, so a case that crashed or wedged it fails the
 * cases after it too.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type TestContext } from 'vitest';
import { ActorDirectory } from '../../src/adapters/slack/actor-directory.js';
import { type RunningSlackApp, startSlackApp } from '../../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { canonicalId } from '../../src/domain/item-id.js';
import type { RegisterStore, WriteRequest } from '../../src/ports/register-store.js';
import { blocksProblems, MESSAGE_BLOCK_LIMIT } from '../helpers/fake-slack/block-limits.js';
import { type FakeSlackServer, type SlackCall, startFakeSlackServer } from '../helpers/fake-slack-server.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import { interactionBody, sendToApp, slashCommandBody } from '../helpers/slack-signing.js';
import { type StoredCell, USERS, type Who } from './corpus.js';

export const SECRET = 'bad-input-signing-secret';
const base = loadSettings();
export const settings: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: [USERS.pmo], userGroup: null },
};

/** A store whose workbook is swapped for a fresh copy before each case, under one running app. */
class SwappableStore implements RegisterStore {
  inner!: RegisterStore;
  load() {
    return this.inner.load();
  }
  write(request: WriteRequest) {
    return this.inner.write(request);
  }
}

export interface Harness {
  slack: FakeSlackServer;
  app: RunningSlackApp;
  /** The workbook of the current case. */
  path: string;
  /** The current case's response_url: each case has its own, so a late answer to one case is never read as another's. */
  responseUrl: string;
  /** A fresh copy of the sample register and a clean fake Slack; call before each case. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const slack = await startFakeSlackServer();
  const store = new SwappableStore();
  const logs: string[] = [];
  const app = await startSlackApp(
    {
      store,
      settings,
      actors: new ActorDirectory(settings),
      clock: () => new Date(),
      today: () => '2026-11-23',
      log: (text) => logs.push(text),
    },
    { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.url },
    { port: 0, host: '127.0.0.1' },
  );
  let cases = 0;
  const harness: Harness = {
    slack,
    app,
    path: '',
    responseUrl: '',
    reset() {
      slack.reset();
      harness.responseUrl = slack.responseUrl(`case-${++cases}`);
      harness.path = join(mkdtempSync(join(tmpdir(), 'bad-input-')), 'register.xlsx');
      copyFileSync(join(REPO_ROOT, 'config/sample-register.xlsx'), harness.path);
      store.inner = new WorkbookRegisterStore({ path: harness.path, tabs: settings.tabs });
    },
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
  return harness;
}

let lastCaseFailed = false;

/**
 * For beforeEach: a fresh workbook and response_url. After a failed case the bot may still be working on it
 * (the test stopped waiting), so give it time to finish before the store is swapped under it.
 */
export async function prepareCase(h: Harness, context: TestContext): Promise<void> {
  if (lastCaseFailed) await new Promise((resolve) => setTimeout(resolve, 1500));
  lastCaseFailed = false;
  context.onTestFailed(() => {
    lastCaseFailed = true;
  });
  h.reset();
}

export function slashCommand(h: Harness, command: string, text: string, who: Who = 'pmo') {
  const body = slashCommandBody({ command, text, userId: USERS[who], responseUrl: h.responseUrl });
  return sendToApp(h.app.url!, body, { secret: SECRET });
}

export function submitView(h: Harness, who: Who, view: Record<string, unknown>) {
  const user = USERS[who];
  return sendToApp(
    h.app.url!,
    interactionBody({
      type: 'view_submission',
      team: { id: 'T0TEST' },
      user: { id: user, team_id: 'T0TEST' },
      api_app_id: 'A0TEST',
      trigger_id: `trig-${Math.random()}`,
      view: { id: 'V0BAD', type: 'modal', ...view },
    }),
    { secret: SECRET },
  );
}

/** Every text Slack would show from a message: the notification text and each text object in the blocks. */
export function shownText(args: Record<string, unknown>): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else walk(inner);
      }
    }
  };
  if (typeof args.text === 'string') texts.push(args.text);
  walk(args.blocks);
  return texts.join('\n');
}

/** Mrkdwn that would mention, or link, when Slack renders it: <!…>, <@…>, <#…>, <http…>. */
export const LIVE_MRKDWN = /<[!@#]|<https?:/;

/** The answers through this case's response_url so far. */
export function answersOf(h: Harness): Array<Record<string, unknown>> {
  const path = new URL(h.responseUrl).pathname;
  return h.slack.responses.filter((r) => r.path === path).map((r) => r.body as Record<string, unknown>);
}

/** The nth answer through this case's response_url, as Slack would show it; waits up to 8 s for it. */
export async function nthAnswer(h: Harness, n: number): Promise<string> {
  for (const started = Date.now(); answersOf(h).length < n; ) {
    if (Date.now() - started > 8000) throw new Error(`waited 8 s for answer ${n}; got ${answersOf(h).length}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return shownText(answersOf(h)[n - 1]!);
}

/** A normal command after the hostile one: the app must still answer it. */
export async function stillAnswers(h: Harness, answersSoFar: number): Promise<void> {
  const result = await slashCommand(h, '/risk', 'show R-3');
  if (result.status !== 200) throw new Error(`the app answered HTTP ${result.status} to a normal command`);
  const text = await nthAnswer(h, answersSoFar + 1);
  if (!text.includes('R - 3: concerns about accuracy of data and information'))
    throw new Error(`a normal command got: ${text.slice(0, 300)}`);
}

export const bytesOf = (path: string) => readFileSync(path);

/** Waits until `count` calls to `method` arrived, or returns what there is after `ms`. */
export async function callsWithin(
  slack: FakeSlackServer,
  method: string,
  count: number,
  ms: number,
): Promise<SlackCall[]> {
  return slack.waitFor(method, count, ms).catch(() => slack.callsTo(method));
}

/** A cell straight from the .xlsx (not through our reader): its value and whether it holds a formula. */
export async function rawCell(
  path: string,
  cell: StoredCell,
): Promise<{ value: unknown; formula: string | undefined; type: ExcelJS.ValueType }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(cell.tab);
  if (!sheet) throw new Error(`no tab ${cell.tab}`);
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v));
  const column = headers.indexOf(cell.column);
  if (column < 1) throw new Error(`no column "${cell.column}" in ${cell.tab}: ${headers.join(', ')}`);
  let rowNumber = -1;
  if (cell.id === undefined) rowNumber = sheet.lastRow?.number ?? -1;
  else {
    sheet.eachRow((row, number) => {
      if (number > 1 && canonicalId(String(row.getCell(1).value ?? '')) === canonicalId(cell.id!)) rowNumber = number;
    });
  }
  if (rowNumber < 2) throw new Error(`no row ${cell.id ?? '(last)'} in ${cell.tab}`);
  const found = sheet.getRow(rowNumber).getCell(column);
  return { value: found.value, formula: found.formula || undefined, type: found.type };
}

/** Every answer through response_url and every message posted was one Slack accepts, and none was "Something went wrong". */
export function expectAllAccepted(h: Harness): void {
  for (const body of answersOf(h)) {
    expect(shownText(body)).not.toContain('Something went wrong');
    if (body.blocks !== undefined)
      expect(blocksProblems(body.blocks as never, MESSAGE_BLOCK_LIMIT), 'Slack would refuse this answer').toEqual([]);
  }
  // users.info may fail (the fake Slack knows no users' e-mails); what the bot posts must not.
  for (const call of h.slack.calls.filter((c) => c.method.startsWith('chat.') || c.method.startsWith('views.'))) {
    expect(call.error, `${call.method} failed`).toBeUndefined();
    if (call.method === 'chat.postMessage') expect(shownText(call.args)).not.toContain('Something went wrong');
  }
}
