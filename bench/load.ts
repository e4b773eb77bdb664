import { importRegister } from '../src/adapters/sheets/import-register.js';
import { SheetsApi } from '../src/adapters/sheets/sheets-api.js';
import { serviceAccountAuth } from '../src/adapters/sheets/sheets-auth.js';
import { SheetsRegisterStore } from '../src/adapters/sheets/sheets-store.js';
import { ActorDirectory } from '../src/adapters/slack/actor-directory.js';
import { type RunningSlackApp, startSlackApp } from '../src/adapters/slack/slack-app.js';
import { WorkbookRegisterStore } from '../src/adapters/workbook/workbook-store.js';
import { serviceAccountKeySchema } from '../src/config/google-credentials.js';
import { loadSettings } from '../src/config/load-settings.js';
import type { Settings } from '../src/config/settings.js';
import type { CellValue } from '../src/domain/cell.js';
import { canonicalId } from '../src/domain/item-id.js';
import { readRegister } from '../src/domain/register/read-register.js';
import { seeded } from '../test/helpers/fake-sheets/faults.js';
import type { FakeSheetsServer, RecordedRequest } from '../test/helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../test/helpers/fake-slack-server.js';
import { REPO_ROOT } from '../test/helpers/run-command.js';
import { sheetsApi, startSheets, TEST_KEY } from '../test/helpers/sheets-fixture.js';
import { interactionBody, sendToApp, slashCommandBody } from '../test/helpers/slack-signing.js';

/**
 * A minute of Slack traffic against the real app and the real Sheets store:
 * 200 signed requests from 20 owners (show, list, updates, reminder buttons),
 * Sheets answering every request in 200 ms. Measures the acknowledgement
 * (Slack's 3 s), when the answers come, Sheets requests a minute, and that
 * every update answered "Updated" is in the Audit log exactly once.
 *
 * LOAD_SECONDS (default 60) compresses the minute; LOAD_DRAIN_SECONDS
 * (default 10) is how long answers are waited for after the last request.
 * Whatever is still queued then (behind the store's read budget) is cut off
 * through the store's sleep, so the run ends and the final sheet is stable.
 */

export const TODAY = '2026-11-23'; // the day the sample register was built for: a Monday
export const SECRET = 'bench-signing-secret';
export const SAMPLE = `${REPO_ROOT}config/sample-register.xlsx`;
const base = loadSettings();
export const SETTINGS: Settings = {
  ...base,
  boards: [{ ...base.boards[0]!, channel: 'C0BOARD' }],
  programmeOffice: { users: [], userGroup: null },
};

export const READ_KINDS = new Set(['values.batchGet', 'values.get', 'spreadsheets.get']);
export const WRITE_KINDS = new Set([
  'spreadsheets.batchUpdate',
  'values.batchUpdate',
  'values.append',
  'values.update',
  'spreadsheets.create',
]);

/** The fake Sheets server's seeded generator, so each run sends the same traffic (the faults bench uses it too). */
export { seeded };

export const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The sample register copied into a new spreadsheet on the fake server, as `risk-bot import` does. */
export async function importSample(server: FakeSheetsServer): Promise<string> {
  const source = await new WorkbookRegisterStore({ path: SAMPLE, tabs: SETTINGS.tabs }).load();
  const id = server.addSpreadsheet({ Sheet1: [] });
  await importRegister(source, sheetsApi(server, id), SETTINGS, SETTINGS.scale);
  return id;
}

export const loadUser = (n: number) => `U0LOAD${String(n).padStart(2, '0')}`;
const loadName = (n: number) => `Load user ${String(n).padStart(2, '0')}`;
export const USERS = 20;
/** Risk R-n belongs to user n (13 risks); action A-n to user ((n - 1) mod 20) + 1 (26 actions). */
export const riskOwner = (n: number) => n;
export const actionOwner = (n: number) => ((n - 1) % USERS) + 1;

function setColumn(
  rows: CellValue[][],
  header: string,
  value: (row: CellValue[]) => CellValue | undefined,
): CellValue[][] {
  const column = rows[0]!.indexOf(header);
  if (column < 0) throw new Error(`no "${header}" column`);
  return rows.map((row, r) => {
    const next = r === 0 ? undefined : value(row);
    if (next === undefined) return row;
    const copy = [...row];
    while (copy.length <= column) copy.push(null);
    copy[column] = next;
    return copy;
  });
}

const numberOf = (cell: CellValue | undefined) => Number(/(\d+)\s*$/.exec(String(cell ?? ''))?.[1] ?? NaN);

/**
 * Twenty owners: "Load user 01".."Load user 20" in People with Slack users
 * U0LOAD01..20, and the sample's items handed to them (owner, action owner, lead),
 * so that each user updates items of their own.
 */
export function addLoadUsers(server: FakeSheetsServer, id: string): void {
  server.humanEdit(id, 'People', (rows) => [
    ...rows,
    ...Array.from({ length: USERS }, (_, i) => [loadName(i + 1), loadUser(i + 1), null]),
  ]);
  server.humanEdit(id, 'Risks', (rows) => {
    const owner = (row: CellValue[]) =>
      Number.isFinite(numberOf(row[0])) ? loadName(riskOwner(numberOf(row[0]))) : undefined;
    return setColumn(setColumn(rows, 'Risk owner', owner), 'Action owner', owner);
  });
  server.humanEdit(id, 'Actions', (rows) =>
    setColumn(rows, 'Lead', (row) =>
      Number.isFinite(numberOf(row[0])) ? loadName(actionOwner(numberOf(row[0]))) : undefined,
    ),
  );
}

export interface AuditLine {
  when: string;
  who: string;
  item: string;
  field: string;
  oldValue: string;
  newValue: string;
  via: string;
  note: string;
}

/** The Audit log as a person sees it: one object per line below the header. */
export function auditLines(server: FakeSheetsServer, id: string): AuditLine[] {
  const [header, ...rows] = server.snapshot(id)['Audit log'] ?? [];
  const names = (header ?? []).map((h) => String(h ?? ''));
  const key: Record<string, string> = {
    When: 'when',
    Who: 'who',
    Item: 'item',
    Field: 'field',
    'Old value': 'oldValue',
    'New value': 'newValue',
    Via: 'via',
    Note: 'note',
  };
  const empty: AuditLine = { when: '', who: '', item: '', field: '', oldValue: '', newValue: '', via: '', note: '' };
  return rows
    .filter((row) => row.some((cell) => cell !== null && cell !== ''))
    .map((row) => ({
      ...empty,
      ...Object.fromEntries(
        names.map((name, i) => [key[name] ?? name, row[i] === null || row[i] === undefined ? '' : String(row[i])]),
      ),
    }));
}

/** Audit lines that appear more than once, cell for cell. */
export function doubledLines(lines: readonly AuditLine[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(JSON.stringify(line), (counts.get(JSON.stringify(line)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([line, n]) => `${n}x ${line}`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** Stamps each Sheets request with the time the fake server recorded it (its `requests.push`), for per-minute figures. */
export function stampRequests(server: FakeSheetsServer): {
  stop: () => void;
  stamped: Array<{ at: number; request: RecordedRequest }>;
} {
  const stamped: Array<{ at: number; request: RecordedRequest }> = [];
  const requests = server.requests as RecordedRequest[];
  const push = requests.push;
  let on = true;
  requests.push = (...items: RecordedRequest[]) => {
    if (on) for (const request of items) stamped.push({ at: Date.now(), request });
    return push.apply(requests, items);
  };
  return {
    stamped,
    stop: () => {
      on = false;
    },
  };
}

/** Most requests of `kinds` in any 60 s window. */
export function peakPerMinute(
  stamped: ReadonlyArray<{ at: number; request: RecordedRequest }>,
  kinds: ReadonlySet<string>,
): number {
  const times = stamped.filter((s) => kinds.has(s.request.kind)).map((s) => s.at);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 60_000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

/** A block_actions payload for a button on a reminder in the user's DM, as Slack sends it. */
export function buttonPress(
  userId: string,
  actionId: string,
  item: { kind: 'risk' | 'action'; id: string },
  messageTs: string,
  responseUrl: string,
): string {
  const value = JSON.stringify(item);
  const blockId = `item-${item.id}`;
  const channel = `D${userId}`;
  return interactionBody({
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: userId, team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    trigger_id: `13345224609.${messageTs.replace('.', '')}.${Math.random().toString(16).slice(2, 8)}`,
    response_url: responseUrl,
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'directmessage' },
    message: {
      type: 'message',
      user: 'UBOT',
      bot_id: 'BBOT',
      ts: messageTs,
      text: `Reminder: ${item.id}`,
      blocks: [
        { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: `*${item.id}* is due` } },
        {
          type: 'actions',
          block_id: blockId,
          elements: [
            {
              type: 'button',
              action_id: 'item_done',
              text: { type: 'plain_text', text: 'Mark done' },
              value,
              style: 'primary',
            },
            { type: 'button', action_id: 'item_snooze', text: { type: 'plain_text', text: 'Snooze 7 days' }, value },
          ],
        },
      ],
    },
    actions: [
      { type: 'button', action_id: actionId, block_id: blockId, value, action_ts: `${(Date.now() / 1000).toFixed(6)}` },
    ],
  });
}

/** All response_url posts so far, with the time each arrived. */
export async function responsesWithTimes(
  slack: FakeSlackServer,
): Promise<Array<{ path: string; at: number; text: string }>> {
  const all = slack.responses.length === 0 ? [] : await slack.waitFor('response_url', slack.responses.length, 1000);
  return all.map((r) => ({ path: String(r.args.path), at: r.at, text: JSON.stringify(r.args) }));
}

type Kind = 'show' | 'list overdue' | 'list mine' | 'risk update' | 'action update' | 'snooze' | 'done';

interface Planned {
  seq: number;
  kind: Kind;
  user: string;
  /** Canonical item ID, for updates and presses. */
  item?: string;
  field?: 'probability' | 'progress';
  value?: string;
  note?: string;
  /** ms after the start. */
  sendAt: number;
}

interface Outcome {
  sentAt: number;
  ackMs: number;
  status: number;
  answeredAt: number | null;
  answer: string;
}

const CUT_OFF = 'bench cut-off: still queued when the run ended';

/** The text of an answer (its `text`, the message summary), shortened, with refs blanked so alike answers group. */
export function gistOf(answer: string): string {
  let text = answer;
  try {
    const parsed = JSON.parse(answer) as { text?: unknown };
    if (typeof parsed.text === 'string') text = parsed.text;
  } catch {
    /* not JSON: as it is */
  }
  return text.replace(/\(ref [0-9a-f]+\)/, '(ref …)').slice(0, 160);
}

/** The traffic: 100 reads, 70 update commands and 30 button presses in a seeded shuffle, jittered over `seconds`. */
function plan(
  seconds: number,
  initial: { probability: Map<string, number>; progress: Map<string, number>; done: Set<string> },
): Planned[] {
  const random = seeded(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kinds: Kind[] = [
    ...Array<Kind>(40).fill('show'),
    ...Array<Kind>(30).fill('list overdue'),
    ...Array<Kind>(30).fill('list mine'),
    ...Array<Kind>(35).fill('risk update'),
    ...Array<Kind>(35).fill('action update'),
    ...Array<Kind>(20).fill('snooze'),
    ...Array<Kind>(10).fill('done'),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const interval = (seconds * 1000) / kinds.length;
  const users = Array.from({ length: USERS }, (_, i) => i + 1);
  const actionsOf = (u: number) => Array.from({ length: 26 }, (_, i) => i + 1).filter((n) => actionOwner(n) === u);
  const probability = new Map(initial.probability);
  const progress = new Map(initial.progress);
  const doneable = [...Array.from({ length: 26 }, (_, i) => `A-${i + 1}`)].filter((id) => !initial.done.has(id));
  return kinds
    .map((kind, seq) => {
      const sendAt = Math.max(0, (seq + 0.5 + (random() - 0.5) * 0.9) * interval);
      const planned: Planned = { seq, kind, user: loadUser(pick(users)), sendAt };
      if (kind === 'show') planned.item = `R-${1 + Math.floor(random() * 13)}`;
      if (kind === 'risk update') {
        const u = 1 + Math.floor(random() * 13);
        const item = `R-${u}`;
        const k = pick([1, 2, 3].filter((v) => v !== probability.get(item)));
        probability.set(item, k);
        Object.assign(planned, {
          user: loadUser(riskOwner(u)),
          item,
          field: 'probability',
          value: String(k),
          note: `load-${seq}-${Math.floor(random() * 1e6)}`,
        });
      }
      if (kind === 'action update') {
        const u = pick(users);
        const item = `A-${pick(actionsOf(u))}`;
        let p = Math.floor(random() * 101);
        if (p === progress.get(item)) p = (p + 1) % 101;
        progress.set(item, p);
        Object.assign(planned, {
          user: loadUser(u),
          item,
          field: 'progress',
          value: String(p),
          note: `load-${seq}-${Math.floor(random() * 1e6)}`,
        });
      }
      if (kind === 'snooze') {
        const n = 1 + Math.floor(random() * 26);
        Object.assign(planned, { user: loadUser(actionOwner(n)), item: `A-${n}` });
      }
      if (kind === 'done') {
        const item = doneable.splice(Math.floor(random() * doneable.length), 1)[0]!;
        Object.assign(planned, { user: loadUser(actionOwner(numberOf(item))), item });
      }
      return planned;
    })
    .sort((a, b) => a.sendAt - b.sendAt);
}

function commandOf(p: Planned): { command: '/risk' | '/action'; text: string } | null {
  switch (p.kind) {
    case 'show':
      return { command: '/risk', text: `show ${p.item}` };
    case 'list overdue':
      return { command: '/risk', text: 'list overdue' };
    case 'list mine':
      return { command: '/action', text: 'list mine' };
    case 'risk update':
      return { command: '/risk', text: `update ${p.item} probability ${p.value} note "${p.note}"` };
    case 'action update':
      return { command: '/action', text: `update ${p.item} progress ${p.value} note "${p.note}"` };
    default:
      return null;
  }
}

export async function benchLoad(): Promise<Record<string, string>> {
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const drainSeconds = Number(process.env.LOAD_DRAIN_SECONDS ?? 10);
  const benchStarted = Date.now();
  const server = await startSheets();
  const slack = await startFakeSlackServer();
  let app: RunningSlackApp | null = null;
  const stamps = stampRequests(server);
  try {
    const id = await importSample(server);
    addLoadUsers(server, id);

    // The store as open-store.ts builds it (config/default.json's googleSheets), but with a sleep the bench can cut short at the end.
    let cut = false;
    const sleepers = new Set<() => void>();
    const sleep = (waitMs: number) =>
      new Promise<void>((resolve, reject) => {
        if (cut) {
          reject(new Error(CUT_OFF));
          return;
        }
        const abort = () => {
          clearTimeout(timer);
          reject(new Error(CUT_OFF));
        };
        const timer = setTimeout(() => {
          sleepers.delete(abort);
          resolve();
        }, waitMs);
        sleepers.add(abort);
      });
    const { requestTimeoutSeconds, maxAttempts, readsPerMinute, readCacheSeconds } = SETTINGS.googleSheets;
    const api = new SheetsApi({
      spreadsheetId: id,
      auth: serviceAccountAuth(serviceAccountKeySchema.parse(TEST_KEY.keyJson)),
      rootUrl: server.url,
      timeoutMs: requestTimeoutSeconds * 1000,
      maxAttempts,
      readsPerMinute,
      backoff: { baseMs: 500, capMs: 32_000 },
      sleep,
    });
    const store = new SheetsRegisterStore({ api, tabs: SETTINGS.tabs, readCacheMs: readCacheSeconds * 1000 });

    // What each item holds before the run, to pick values that change something (read straight from the fake, not through the store's budget).
    const before = readRegister(
      await new SheetsRegisterStore({ api: sheetsApi(server, id), tabs: SETTINGS.tabs, readCacheMs: 0 }).load(),
      SETTINGS,
      TODAY,
    );
    const traffic = plan(seconds, {
      probability: new Map(before.risks.map((r) => [canonicalId(r.id), r.probability ?? 0])),
      progress: new Map(before.actions.map((a) => [canonicalId(a.id), a.progress ?? -1])),
      done: new Set(before.actions.filter((a) => a.status === 'Done').map((a) => canonicalId(a.id))),
    });
    const auditBefore = auditLines(server, id).length;

    const logged: string[] = [];
    app = await startSlackApp(
      {
        store,
        settings: SETTINGS,
        actors: new ActorDirectory(SETTINGS),
        clock: () => new Date(),
        today: () => TODAY,
        log: (text) => logged.push(text),
      },
      { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.url },
      { port: 0, host: '127.0.0.1' },
    );
    const url = app.url!;
    server.setLatency(200);
    server.resetCounts();
    stamps.stamped.length = 0;

    const outcomes = new Map<number, Outcome>();
    const paths = new Map<string, number>();
    const pressTs = new Map<string, number>();
    const start = Date.now();
    const sends = traffic.map(async (p) => {
      await sleepMs(Math.max(0, start + p.sendAt - Date.now()));
      const command = commandOf(p);
      const responseUrl = slack.responseUrl(`req-${p.seq}`);
      paths.set(`/response/req-${p.seq}`, p.seq);
      let body: string;
      if (command)
        body = slashCommandBody({ command: command.command, text: command.text, userId: p.user, responseUrl });
      else {
        const ts = `1795000000.${String(p.seq).padStart(6, '0')}`;
        pressTs.set(ts, p.seq);
        body = buttonPress(
          p.user,
          p.kind === 'done' ? 'item_done' : 'item_snooze',
          { kind: 'action', id: p.item! },
          ts,
          responseUrl,
        );
      }
      const sentAt = Date.now();
      const result = await sendToApp(url, body, { secret: SECRET });
      outcomes.set(p.seq, { sentAt, ackMs: result.ms, status: result.status, answeredAt: null, answer: '' });
    });
    await Promise.all(sends);
    const lastSent = Date.now();

    /** Answers so far: the first response_url post per request, or the chat.update that settles a pressed button. */
    const collect = async () => {
      for (const response of await responsesWithTimes(slack)) {
        const seq = paths.get(response.path);
        const outcome = seq === undefined ? undefined : outcomes.get(seq);
        if (outcome && outcome.answeredAt === null)
          Object.assign(outcome, { answeredAt: response.at, answer: response.text });
      }
      for (const call of slack.callsTo('chat.update')) {
        const seq = pressTs.get(String(call.args.ts));
        const outcome = seq === undefined ? undefined : outcomes.get(seq);
        if (outcome && outcome.answeredAt === null)
          Object.assign(outcome, { answeredAt: call.at, answer: JSON.stringify(call.args.blocks) });
      }
      return [...outcomes.values()].filter((o) => o.answeredAt === null).length;
    };
    const until = async (deadline: number) => {
      while ((await collect()) > 0 && Date.now() < deadline) await sleepMs(100);
    };
    await until(lastSent + drainSeconds * 1000);
    const answeredInTime = [...outcomes.values()].filter((o) => o.answeredAt !== null).length;
    const windowEnd = Date.now();
    const queuedReadsAtCut = sleepers.size;
    // Whatever is still waiting for the read budget is failed now, so the run ends and the sheet stops changing.
    cut = true;
    for (const abort of [...sleepers]) abort();
    await until(Date.now() + 15_000);
    await sleepMs(500);
    stamps.stop();

    // Exactly once: each update answered "Updated" has its Audit log lines once (by item, field, new value and its own note); refused ones none.
    const lines = auditLines(server, id).slice(auditBefore);
    const doubled = doubledLines(lines);
    let updated = 0;
    let landedOnce = 0;
    let conflicts = 0;
    let cutOff = 0;
    const problems: string[] = [];
    const otherAnswers = new Map<string, number>();
    for (const p of traffic) {
      const outcome = outcomes.get(p.seq)!;
      const answer = outcome.answer;
      const isUpdate = p.kind === 'risk update' || p.kind === 'action update';
      const isPress = p.kind === 'snooze' || p.kind === 'done';
      if (answer.includes(CUT_OFF) || (answer.includes('Something went wrong') && outcome.answeredAt! >= windowEnd)) {
        cutOff += 1;
        if (isUpdate && lines.some((l) => l.note === p.note))
          problems.push(`#${p.seq} ${p.item}: cut off, yet its Audit line is there`);
        continue;
      }
      if (!isUpdate && !isPress) continue;
      if (isPress) {
        if (/changed since it was read/.test(answer)) conflicts += 1;
        else if (!answer.includes(p.kind === 'done' ? 'marked done by' : 'reminders snoozed until')) {
          const gist = gistOf(answer);
          otherAnswers.set(`${p.kind}: ${gist}`, (otherAnswers.get(`${p.kind}: ${gist}`) ?? 0) + 1);
        }
        continue;
      }
      const mine = lines.filter((l) => l.note === p.note && canonicalId(l.item) === p.item);
      if (answer.includes(`Updated ${p.item}`) || /Updated [RA] - \d+/.test(answer)) {
        updated += 1;
        const field = answer.includes('note added') ? 'note' : p.field!;
        const value = field === 'note' ? p.note! : p.value!;
        const exact = mine.filter((l) => l.field === field && l.newValue === value);
        if (exact.length === 1) landedOnce += 1;
        else
          problems.push(
            `#${p.seq} ${p.item} ${field}=${value}: answered Updated, in the Audit log ${exact.length} time(s)`,
          );
        continue;
      }
      if (/changed since it was read/.test(answer)) conflicts += 1;
      else {
        const gist = gistOf(answer);
        otherAnswers.set(`${p.kind}: ${gist}`, (otherAnswers.get(`${p.kind}: ${gist}`) ?? 0) + 1);
      }
      if (mine.length > 0)
        problems.push(`#${p.seq} ${p.item}: not answered Updated, yet ${mine.length} Audit line(s) carry its note`);
    }
    // Button presses: each settled press has its one Audit line (snooze, or status Done), by who and item.
    const pressLines = (kind: 'snooze' | 'done', user: string, item: string) =>
      lines.filter(
        (l) =>
          l.who === user &&
          canonicalId(l.item) === item &&
          (kind === 'snooze' ? l.field === 'snooze' : l.field === 'status' && l.newValue === 'Done'),
      ).length;
    const pressed = new Map<string, { kind: 'snooze' | 'done'; user: string; item: string; settled: number }>();
    for (const p of traffic.filter((t) => t.kind === 'snooze' || t.kind === 'done')) {
      const key = `${p.kind}|${p.user}|${p.item}`;
      const entry = pressed.get(key) ?? { kind: p.kind as 'snooze' | 'done', user: p.user, item: p.item!, settled: 0 };
      if (outcomes.get(p.seq)!.answer.includes(p.kind === 'done' ? 'marked done by' : 'reminders snoozed until'))
        entry.settled += 1;
      pressed.set(key, entry);
    }
    let pressesSettled = 0;
    for (const entry of pressed.values()) {
      pressesSettled += entry.settled;
      const found = pressLines(entry.kind, entry.user, entry.item);
      if (found !== entry.settled)
        problems.push(
          `${entry.kind} of ${entry.item} by ${entry.user}: settled ${entry.settled} time(s), ${found} Audit line(s)`,
        );
    }

    const acks = [...outcomes.values()].map((o) => o.ackMs).sort((a, b) => a - b);
    const answerMs = [...outcomes.values()]
      .filter((o) => o.answeredAt !== null && o.answeredAt < windowEnd)
      .map((o) => o.answeredAt! - o.sentAt)
      .sort((a, b) => a - b);
    const statuses = [...new Set([...outcomes.values()].map((o) => o.status))].join(', ');
    const requests = stamps.stamped.filter((s) => s.at <= windowEnd);
    const minutes = (windowEnd - start) / 60_000;
    const reads = requests.filter((s) => READ_KINDS.has(s.request.kind)).length;
    const writes = requests.filter((s) => WRITE_KINDS.has(s.request.kind)).length;
    const updates = traffic.filter((t) => t.kind === 'risk update' || t.kind === 'action update').length;
    const presses =
      traffic.length - updates - traffic.filter((t) => ['show', 'list overdue', 'list mine'].includes(t.kind)).length;
    const errorsLogged = logged.filter((line) => line.startsWith('error') && !line.includes(CUT_OFF));

    const figures: Record<string, string> = {
      traffic: `${traffic.length} signed requests over ${seconds} s from ${USERS} users: 40 show, 30 list overdue, 30 list mine, ${updates} updates, ${presses} button presses (Sheets latency 200 ms)`,
      'acknowledgement (HTTP response)': `median ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(acks.at(-1)!)} (HTTP ${statuses}; Slack allows 3000 ms)`,
      'answer (response_url / chat.update)': `median ${ms(percentile(answerMs, 50))}, p99 ${ms(percentile(answerMs, 99))}, max ${ms(answerMs.at(-1) ?? NaN)} for the ${answerMs.length} answered by ${drainSeconds} s after the last request (target median ≤ 700 ms, p99 ≤ 2000 ms, max ≤ 4000 ms)`,
      'answered in time': `${answeredInTime} of ${traffic.length}; ${cutOff} still queued at the cut-off (${queuedReadsAtCut} waiting on the read budget) and failed there`,
      'Sheets reads': `${reads} in ${(minutes * 60).toFixed(0)} s = ${(reads / minutes).toFixed(0)}/min; peak ${peakPerMinute(requests, READ_KINDS)} in any 60 s (budget ${readsPerMinute}, Google's limit 60)`,
      'Sheets writes': `${writes} = ${(writes / minutes).toFixed(0)}/min; peak ${peakPerMinute(requests, WRITE_KINDS)} in any 60 s (Google's limit 60)`,
      'refused as conflict': `${conflicts} (target 0: a command applies to the value the sheet holds when written)`,
      'updates landed exactly once':
        problems.length === 0 && doubled.length === 0
          ? `yes (${landedOnce} of ${updated})`
          : `NO: ${[...problems, ...doubled.map((d) => `doubled: ${d}`)].join('; ')}`,
      'button presses settled, each with one Audit line': `${pressesSettled} of ${presses}`,
      'Audit lines doubled': String(doubled.length),
    };
    for (const [answer, count] of otherAnswers) figures[`other answer (${count}x)`] = answer;
    if (errorsLogged.length > 0)
      figures['errors logged by the app'] = `${errorsLogged.length}: ${errorsLogged[0]!.split('\n')[0]}`;
    figures['bench took'] = `${((Date.now() - benchStarted) / 1000).toFixed(1)} s`;
    return figures;
  } finally {
    stamps.stop();
    await app?.stop();
    await slack.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, value] of Object.entries(await benchLoad()))
    process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
