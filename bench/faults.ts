import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { LogLevel, webApi } from '@slack/bolt';
import { MemoryLeases } from '../src/adapters/leases/memory-leases.js';
import { SheetsApi } from '../src/adapters/sheets/sheets-api.js';
import { serviceAccountAuth } from '../src/adapters/sheets/sheets-auth.js';
import { SheetsRegisterStore } from '../src/adapters/sheets/sheets-store.js';
import { ActorDirectory } from '../src/adapters/slack/actor-directory.js';
import { ChannelPacer } from '../src/adapters/slack/channel-pacer.js';
import { startSlackApp } from '../src/adapters/slack/slack-app.js';
import { slackClientOptions } from '../src/adapters/slack/slack-client.js';
import { SlackNudgeOutbox } from '../src/adapters/slack/slack-nudge-outbox.js';
import { serviceAccountKeySchema } from '../src/config/google-credentials.js';
import { canonicalId } from '../src/domain/item-id.js';
import { readRegister } from '../src/domain/register/read-register.js';
import { type NudgeRunDeps, runNudges } from '../src/jobs/nudge-job.js';
import type { FakeSheetsServer, Fault, RecordedRequest } from '../test/helpers/fake-sheets-server.js';
import { type FakeSlackServer, startFakeSlackServer } from '../test/helpers/fake-slack-server.js';
import { REPO_ROOT } from '../test/helpers/run-command.js';
import { startSheets, TEST_KEY } from '../test/helpers/sheets-fixture.js';
import { sendToApp, slashCommandBody } from '../test/helpers/slack-signing.js';
import {
  actionOwner,
  addLoadUsers,
  auditLines,
  doubledLines,
  importSample,
  loadUser,
  ms,
  percentile,
  riskOwner,
  SECRET,
  SETTINGS,
  seeded,
  sleepMs,
  TODAY,
} from './load.js';

/**
 * Faults, end to end:
 * (a) Google Sheets failing a fifth of all requests (429, 500, 503, hangs,
 *     dropped connections, writes applied but their answer lost) under 60
 *     update commands sent one after another through the real Slack app and
 *     the real Sheets store (short time-outs), then the Audit log checked:
 *     each update answered "Updated" is there once, each failed one not at all.
 * (b) Slack answering chat.postMessage with 429 three times during a reminder run.
 * (c) `risk-bot nudges --send` and `digest --post` killed mid-run, then run again.
 */

const COMMANDS = 60;
const CONCURRENCY = 4;
const FAULTS: Fault[] = [
  { status: 429, retryAfterSeconds: 1 },
  { status: 500 },
  { status: 503 },
  { hang: true },
  { drop: true },
  { applyThenDrop: true },
];
// Reminders reach these owners through their e-mail in People.
const EMAIL_USERS = [
  { id: 'U0PLAN', email: 'planning.officer@example.org' },
  { id: 'U0HOUSE', email: 'housing.lead@example.org' },
  { id: 'U0DEREK', email: 'derek.seymour@example.org' },
];

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; !check(); ) {
    if (Date.now() > until) return false;
    await sleepMs(25);
  }
  return true;
}

const answerText = (body: Record<string, unknown>) => String(body.text ?? JSON.stringify(body));

interface UpdateCommand {
  item: string;
  field: 'probability' | 'progress';
  value: string;
  note: string;
  user: string;
  /** Faults injected just before this command (for the commands that exhaust the retries). */
  inject?: Fault[];
  /** Faults injected the moment this command's write reaches Sheets (for what its check read meets). */
  afterWrite?: Fault[];
  label?: string;
}

interface UpdateResult extends UpdateCommand {
  answer: string | null;
  ms: number;
}

/** (a) Sheets faults under update commands through the real app. */
async function sheetsFaults(server: FakeSheetsServer, slack: FakeSlackServer): Promise<Record<string, string>> {
  const id = await importSample(server);
  addLoadUsers(server, id);
  const maxAttempts = SETTINGS.googleSheets.maxAttempts;
  const api = new SheetsApi({
    spreadsheetId: id,
    auth: serviceAccountAuth(serviceAccountKeySchema.parse(TEST_KEY.keyJson)),
    rootUrl: server.url,
    timeoutMs: 2000,
    maxAttempts,
    readsPerMinute: 1000,
    backoff: { baseMs: 50, capMs: 1000 },
  });
  const store = new SheetsRegisterStore({
    api,
    tabs: SETTINGS.tabs,
    readCacheMs: SETTINGS.googleSheets.readCacheSeconds * 1000,
  });

  // Tries per read (SheetsApi.read retries inside) and per write (the store retries batchUpdate), to show every retry loop is bounded.
  const operation = new AsyncLocalStorage<{ tries: number }>();
  let maxReadTries = 0;
  let maxWriteTries = 0;
  const once = api.once.bind(api);
  const read = api.read.bind(api);
  const write = store.write.bind(store);
  api.once = <T>(call: () => Promise<T>): Promise<T> => {
    const current = operation.getStore();
    if (current) current.tries += 1;
    return once(call);
  };
  api.read = <T>(action: string, call: () => Promise<T>): Promise<T> => {
    const mine = { tries: 0 };
    return operation.run(mine, async () => {
      try {
        return await read(action, call);
      } finally {
        maxReadTries = Math.max(maxReadTries, mine.tries);
      }
    });
  };
  store.write = (request) => {
    const mine = { tries: 0 };
    return operation.run(mine, async () => {
      try {
        return await write(request);
      } finally {
        maxWriteTries = Math.max(maxWriteTries, mine.tries);
      }
    });
  };

  const before = readRegister(await store.load(), SETTINGS, TODAY);
  const probability = new Map(before.risks.map((r) => [canonicalId(r.id), r.probability ?? 0]));
  const progress = new Map(before.actions.map((a) => [canonicalId(a.id), a.progress ?? -1]));
  const auditBefore = auditLines(server, id).length;
  const random = seeded(42);
  // Items in turn (R-1, A-1, R-2, A-2, …), so commands in flight together never share an item: faults, not conflicts, are measured.
  const items = [
    ...Array.from({ length: 13 }, (_, i) => [`R-${i + 1}`, `A-${i + 1}`]).flat(),
    ...Array.from({ length: 13 }, (_, i) => `A-${i + 14}`),
  ];
  const command = (i: number): UpdateCommand => {
    const item = items[i % items.length]!;
    const n = Number(item.slice(2));
    const risk = item.startsWith('R');
    let value: number;
    if (risk) {
      value = [1, 2, 3].filter((v) => v !== probability.get(item))[Math.floor(random() * 2)]!;
      probability.set(item, value);
    } else {
      value = Math.floor(random() * 101);
      if (value === progress.get(item)) value = (value + 1) % 101;
      progress.set(item, value);
    }
    return {
      item,
      field: risk ? 'probability' : 'progress',
      value: String(value),
      note: `fault-${i}-${Math.floor(random() * 1e6)}`,
      user: loadUser(risk ? riskOwner(n) : actionOwner(n)),
    };
  };

  const logged: string[] = [];
  const app = await startSlackApp(
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
  let sequence = 0;
  const run = async (c: UpdateCommand): Promise<UpdateResult> => {
    const name = `fault-${++sequence}`;
    const body = slashCommandBody({
      command: c.field === 'probability' ? '/risk' : '/action',
      text: `update ${c.item} ${c.field} ${c.value} note "${c.note}"`,
      userId: c.user,
      responseUrl: slack.responseUrl(name),
    });
    const sent = Date.now();
    if (c.inject) server.injectFaults(...c.inject);
    if (c.afterWrite) {
      const requests = server.requests as RecordedRequest[];
      const push = requests.push;
      const faults = c.afterWrite;
      requests.push = (...records: RecordedRequest[]) => {
        if (records.some((r) => r.kind === 'spreadsheets.batchUpdate')) {
          requests.push = push;
          server.injectFaults(...faults);
        }
        return push.apply(requests, records);
      };
    }
    const ack = await sendToApp(app.url!, body, { secret: SECRET });
    if (ack.status !== 200) throw new Error(`${c.item}: not acknowledged: HTTP ${ack.status}`);
    const answered = await waitUntil(() => slack.responses.some((r) => r.path === `/response/${name}`), 120_000);
    const response = slack.responses.find((r) => r.path === `/response/${name}`);
    return { ...c, answer: answered && response ? answerText(response.body) : null, ms: Date.now() - sent };
  };
  try {
    server.setLatency(50);
    server.resetCounts();
    server.setRandomFaults({ rate: 0.2, faults: FAULTS, seed: 42 });
    const commands = Array.from({ length: COMMANDS }, (_, i) => command(i));
    const results: UpdateResult[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < commands.length) results.push(await run(commands[next++]!));
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    server.setRandomFaults(null);
    const byFault = new Map<string, number>();
    for (const request of server.requests)
      if (request.fault) byFault.set(request.fault, (byFault.get(request.fault) ?? 0) + 1);
    const faultedOf = (kinds: string[]) => server.requests.filter((r) => r.fault && kinds.includes(r.kind)).length;
    const total = server.requests.length;
    const faulted = [...byFault.values()].reduce((a, b) => a + b, 0);
    const faultsOnReads = faultedOf(['values.batchGet', 'values.get', 'spreadsheets.get']);
    const faultsOnWrites = faultedOf(['spreadsheets.batchUpdate']);
    const randomMaxTries = [maxReadTries, maxWriteTries];

    // Then faults that outlast every try, one command each, to see what the user is told and that nothing was written.
    const exhausting: Array<[string, Fault[]]> = [
      [
        '503 on every write try',
        Array.from({ length: maxAttempts }, (): Fault => ({ kind: 'spreadsheets.batchUpdate', status: 503 })),
      ],
      [
        'dropped connection on every write try',
        Array.from({ length: maxAttempts }, (): Fault => ({ kind: 'spreadsheets.batchUpdate', drop: true })),
      ],
      [
        '429 on every read try',
        Array.from({ length: maxAttempts }, (): Fault => ({ kind: 'values.batchGet', status: 429 })),
      ],
      ['403 on the write', [{ kind: 'spreadsheets.batchUpdate', status: 403 }]],
    ];
    for (const [label, faults] of exhausting)
      results.push(await run({ ...command(results.length), inject: faults, label }));
    // The write applied but its answer lost, and every read that would check whether it landed failing.
    results.push(
      await run({
        ...command(results.length),
        label: 'write applied, answer lost, then 503 on every check read',
        inject: [{ kind: 'spreadsheets.batchUpdate', applyThenDrop: true }],
        // A write's checking read is a spreadsheets.get with grid data (formulas and formats with the values).
        afterWrite: Array.from({ length: maxAttempts }, (): Fault => ({ kind: 'spreadsheets.get', status: 503 })),
      }),
    );
    await sleepMs(300);

    const lines = auditLines(server, id).slice(auditBefore);
    const doubled = doubledLines(lines);
    const problems: Array<{ exhausting: boolean; text: string }> = [];
    const failures = new Map<string, number>();
    let updated = 0;
    let failed = 0;
    const uncertainOutcomes: string[] = [];
    for (const r of results) {
      const mine = lines.filter((l) => l.note === r.note && canonicalId(l.item) === r.item);
      if (r.answer === null) {
        problems.push({
          exhausting: r.label !== undefined,
          text: `${r.item} "${r.note}"${r.label ? ` [${r.label}]` : ''}: no answer within 120 s (${mine.length} Audit line(s))`,
        });
      } else if (/Updated [RA]/.test(r.answer)) {
        updated += 1;
        const field = r.answer.includes('note added') ? 'note' : r.field;
        const found = mine.filter(
          (l) => l.field === field && l.newValue === (field === 'note' ? r.note : r.value),
        ).length;
        if (found !== 1)
          problems.push({
            exhausting: r.label !== undefined,
            text: `${r.item} ${field}=${r.value}${r.label ? ` [${r.label}]` : ''}: answered Updated, in the Audit log ${found} time(s)`,
          });
      } else {
        failed += 1;
        const message = `${r.label ? `[${r.label}] ` : ''}${r.answer.replace(/\(ref [0-9a-f]+\)/, '(ref …)').replace(/expected "[^"]*", now "[^"]*"/, 'expected "…", now "…"')}`;
        failures.set(message, (failures.get(message) ?? 0) + 1);
        // "could not … see whether it landed" is honest uncertainty, not a failure: it may have landed, once.
        const uncertain = /Look at the sheet \(and its Audit log\) before trying again/.test(r.answer);
        if (uncertain)
          uncertainOutcomes.push(
            `${r.item}: ${mine.length === 0 ? 'had not landed' : new Set(mine.map((l) => l.field)).size === mine.length ? 'had landed (once)' : 'landed more than once'}`,
          );
        // One write's lines name each field once (a note replacing text adds a latest-note line of its own).
        const once = new Set(mine.map((l) => l.field)).size === mine.length;
        if (uncertain ? !once : mine.length > 0)
          problems.push({
            exhausting: r.label !== undefined,
            text: `${r.item} "${r.note}"${r.label ? ` [${r.label}]` : ''}: answered "${r.answer.slice(0, 120)}", yet ${mine.length} Audit line(s) carry its note`,
          });
      }
    }
    const randomProblems = problems.filter((p) => !p.exhausting).map((p) => p.text);
    const exhaustProblems = problems.filter((p) => p.exhausting).map((p) => p.text);
    const randomUpdated = results.filter(
      (r) => r.label === undefined && r.answer !== null && /Updated [RA]/.test(r.answer),
    ).length;
    const durations = results
      .slice(0, COMMANDS)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const unexpected = logged.filter((line) => line.startsWith('error'));
    const figures: Record<string, string> = {
      'driven through': `the real Slack app: signed /risk and /action update commands, ${CONCURRENCY} at a time; Sheets store with 2 s time-outs, backoff 50 ms..1 s, ${maxAttempts} tries, read budget lifted (1000/min); 50 ms latency`,
      'random faults (rate 0.2, seed 42)': `${COMMANDS} commands in ${seconds.toFixed(1)} s; answered in median ${ms(percentile(durations, 50))}, p99 ${ms(percentile(durations, 99))}, max ${ms(durations.at(-1)!)}`,
      'Sheets requests': `${total}: ${total - faulted} answered, ${faulted} faulted (${faultsOnReads} on reads, ${faultsOnWrites} on writes), each retried or checked by the store`,
      'faults served by kind': [...byFault]
        .sort()
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', '),
      'most tries for one read / one write': `${randomMaxTries[0]} / ${randomMaxTries[1]} under random faults; ${maxReadTries} / ${maxWriteTries} with the exhausting ones (limit ${maxAttempts} each)`,
      'answered "Updated"': `${updated} of ${results.length} (${COMMANDS} random-fault commands + ${results.length - COMMANDS} with faults on every try)`,
      'failed with a message': `${failed}${failures.size > 0 ? `: ${[...failures].map(([m, n]) => `${n}x "${m}"`).join('; ')}` : ''}`,
      'Audit lines doubled': String(doubled.length) + (doubled.length > 0 ? `: ${doubled.join('; ')}` : ''),
      'nothing lost or doubled (random faults)':
        randomProblems.length === 0
          ? `yes: each of ${randomUpdated} "Updated" once in the Audit log, each of ${COMMANDS - randomUpdated} failed 0 times`
          : `NO: ${randomProblems.join('; ')}`,
      'nothing lost or doubled (faults on every try)':
        exhaustProblems.length === 0
          ? `yes: each "Updated" once in the Audit log, each failed 0 times; told to look before retrying: ${uncertainOutcomes.join(', ') || 'none'}`
          : `NO: ${exhaustProblems.join('; ')}`,
    };
    // A fault injected for a request the store no longer makes would test nothing, and leak into the next section.
    if (server.pendingFaults().length > 0)
      figures['FAULTS NEVER SERVED'] = server
        .pendingFaults()
        .map((fault) => JSON.stringify(fault))
        .join(', ');
    if (unexpected.length > 0)
      figures['errors logged by the app'] =
        `${unexpected.length}: ${unexpected.map((line) => line.split('\n')[0]).join(' | ')}`;
    return figures;
  } finally {
    server.setRandomFaults(null);
    await app.stop();
  }
}

function nudgeDeps(store: SheetsRegisterStore, slack: FakeSlackServer, log: string[]): NudgeRunDeps {
  return {
    store,
    settings: SETTINGS,
    log: (text) => log.push(text),
    clock: () => new Date(),
    timeZone: SETTINGS.timeZone,
    leases: new MemoryLeases(),
    // The production client options (slack-client.ts), with web-api's own INFO/WARN lines kept out of the bench's output.
    outbox: new SlackNudgeOutbox(
      new webApi.WebClient('xoxb-test', { ...slackClientOptions(slack.url), logLevel: LogLevel.ERROR }),
      new ChannelPacer(1000),
    ),
  };
}

const delivered = (slack: FakeSlackServer) =>
  slack.callsTo('chat.postMessage').filter((c) => !c.rateLimited && c.error === undefined);
const perRecipient = (slack: FakeSlackServer) => {
  const counts = new Map<string, number>();
  for (const call of delivered(slack))
    counts.set(String(call.args.channel), (counts.get(String(call.args.channel)) ?? 0) + 1);
  return counts;
};

/** (b) chat.postMessage answered 429 (Retry-After 1 s) three times in a row during a reminder run. */
async function slackRateLimits(server: FakeSheetsServer, slack: FakeSlackServer): Promise<Record<string, string>> {
  slack.reset();
  for (const user of EMAIL_USERS) slack.addUser(user);
  const id = await importSample(server);
  server.setLatency(50);
  const store = new SheetsRegisterStore({
    api: new SheetsApi({
      spreadsheetId: id,
      auth: serviceAccountAuth(serviceAccountKeySchema.parse(TEST_KEY.keyJson)),
      rootUrl: server.url,
      timeoutMs: 2000,
      maxAttempts: 6,
      readsPerMinute: 1000,
      backoff: { baseMs: 50, capMs: 1000 },
    }),
    tabs: SETTINGS.tabs,
    readCacheMs: 0,
  });
  const log: string[] = [];
  slack.rateLimit('chat.postMessage', 1, 3);
  const started = Date.now();
  const report = (await runNudges(nudgeDeps(store, slack, log), TODAY))!;
  const seconds = (Date.now() - started) / 1000;
  const posts = slack.callsTo('chat.postMessage');
  const limitedCalls = posts.filter((c) => c.rateLimited);
  const limited = limitedCalls.length;
  // The gap from each 429 to the next try of a post to the same channel: the Retry-After waited out.
  const waits = limitedCalls
    .map((l) => posts.find((c) => c.at > l.at && c.args.channel === l.args.channel && c !== l))
    .map((c, i) => (c ? c.at - limitedCalls[i]!.at : NaN));
  const waitedOut = waits.filter((w) => w >= 950).length;
  const counts = perRecipient(slack);
  const twice = [...counts].filter(([, n]) => n > 1);
  const figures: Record<string, string> = {
    'reminder run with 3 x 429 (Retry-After 1 s)': `${report.delivered.length} message(s) delivered, ${report.failed.length} failed, in ${seconds.toFixed(1)} s`,
    '429s answered / waited out': `${limited} / ${waitedOut} (next try of that message ${waits.map((w) => (Number.isFinite(w) ? `${ms(w)} later` : 'never')).join(', ')})`,
    'messages per recipient': `${counts.size} recipients, ${delivered(slack).length} messages, sent twice: ${twice.length}`,
  };
  if (report.failed.length > 0) {
    figures['failed after the 429s'] = report.failed.map((f) => `${f.recipient}: ${f.error}`).join('; ');
    // The next run settles what the failed one left pending (asks Slack, then sends what did not arrive).
    const next = (await runNudges(nudgeDeps(store, slack, log), TODAY))!;
    const after = perRecipient(slack);
    figures['a second run the same day'] =
      `recovered ${JSON.stringify(next.recovered)}, delivered ${next.delivered.length}; now ${after.size} recipients, ${delivered(slack).length} messages, sent twice: ${[...after].filter(([, n]) => n > 1).length}`;
  }
  const nudgeSent = auditLines(server, id).filter((l) => l.field === 'nudge-sent').length;
  figures['nudge-sent Audit lines'] = `${nudgeSent} (one per message delivered: ${delivered(slack).length})`;
  return figures;
}

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  env: Record<string, string>,
  killWhen?: () => boolean,
): Promise<CliRun & { killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...env },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    const timer =
      killWhen &&
      setInterval(() => {
        if (!killed && killWhen()) {
          killed = true;
          child.kill('SIGKILL');
        }
      }, 20);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      clearTimeout(deadline);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

/** (c) `nudges --send` and `digest --post` killed mid-run against the Sheet, then run again. */
async function killMidRun(server: FakeSheetsServer, slack: FakeSlackServer): Promise<Record<string, string>> {
  server.setLatency(0);
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    GOOGLE_SHEETS_API_URL: server.url,
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(TEST_KEY.keyJson),
  };
  const figures: Record<string, string> = {};

  slack.reset();
  for (const user of EMAIL_USERS) slack.addUser(user);
  const id = await importSample(server);
  slack.holdAnswers('chat.postMessage', 3);
  const first = await cli(
    ['nudges', '--send', '--sheet', id, '--today', TODAY],
    env,
    () => slack.callsTo('chat.postMessage').length >= 3,
  );
  slack.holdAnswers('chat.postMessage', Infinity);
  const sentFirst = delivered(slack).length;
  const again = await cli(['nudges', '--send', '--sheet', id, '--today', TODAY, '--format', 'json'], env);
  let report: {
    delivered: unknown[];
    recovered: { found: number; resent: number; unknown: number };
    failed: unknown[];
  } | null = null;
  try {
    report = JSON.parse(again.stdout).sent ?? JSON.parse(again.stdout);
  } catch {
    report = null;
  }
  const third = await cli(['nudges', '--send', '--sheet', id, '--today', TODAY, '--format', 'json'], env);
  const counts = perRecipient(slack);
  const lines = auditLines(server, id);
  figures['nudges --send killed at the 3rd message'] = first.killed
    ? `killed after ${sentFirst} message(s) reached Slack (exit ${first.code ?? 'SIGKILL'})`
    : `NOT killed: exit ${first.code}, ${first.stderr.split('\n')[0]}`;
  figures['run again: recovered'] = report
    ? `found ${report.recovered.found}, resent ${report.recovered.resent}, unknown ${report.recovered.unknown}; delivered ${report.delivered.length}, failed ${report.failed.length} (exit ${again.code})`
    : `could not read the report (exit ${again.code}): ${again.stdout.slice(0, 200)} ${again.stderr.slice(0, 200)}`;
  figures['nudge messages sent in total'] =
    `${delivered(slack).length} to ${counts.size} recipients; sent twice: ${[...counts].filter(([, n]) => n > 1).length}`;
  figures['a third run'] = (() => {
    try {
      return `delivered ${JSON.parse(third.stdout).sent?.delivered?.length ?? JSON.parse(third.stdout).delivered?.length}`;
    } catch {
      return `exit ${third.code}: ${third.stdout.slice(0, 120)}`;
    }
  })();
  figures['nudge-sent Audit lines'] =
    `${lines.filter((l) => l.field === 'nudge-sent').length}, nudge-unsent ${lines.filter((l) => l.field === 'nudge-unsent').length}`;

  slack.reset();
  const digestId = await importSample(server);
  const digestEnv = { ...env, DIGEST_CHANNEL: 'C0BOARD' };
  const digestPosts = () =>
    slack
      .callsTo('chat.postMessage')
      .filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'risk_bot_digest');
  slack.holdAnswers('chat.postMessage', 1);
  const killed = await cli(
    ['digest', '--post', '--sheet', digestId, '--today', TODAY],
    digestEnv,
    () => slack.callsTo('chat.postMessage').length >= 1,
  );
  slack.holdAnswers('chat.postMessage', Infinity);
  const rerun = await cli(['digest', '--post', '--sheet', digestId, '--today', TODAY, '--format', 'json'], digestEnv);
  let outcome = '';
  try {
    outcome = String(
      JSON.parse(rerun.stdout).outcome ?? JSON.parse(rerun.stdout).posted?.outcome ?? rerun.stdout.slice(0, 120),
    );
  } catch {
    outcome = `${rerun.stdout.slice(0, 160)} ${rerun.stderr.slice(0, 160)}`;
  }
  const digestLines = auditLines(server, digestId);
  figures['digest --post killed at its first post'] = killed.killed
    ? 'killed with the post in Slack, unanswered'
    : `NOT killed: exit ${killed.code} ${killed.stderr.split('\n')[0]}`;
  figures['run again'] =
    `outcome ${outcome} (exit ${rerun.code}); digest posts in the channel: ${digestPosts().length}; sent twice: ${Math.max(0, digestPosts().length - 1)}`;
  figures['digest-sent Audit line'] =
    digestLines
      .filter((l) => l.field === 'digest-sent')
      .map((l) => `"${l.note}"`)
      .join(', ') || 'none';
  return figures;
}

export async function benchFaults(): Promise<Record<string, string>> {
  const started = Date.now();
  const server = await startSheets();
  const slack = await startFakeSlackServer();
  try {
    const figures: Record<string, string> = {};
    const section = async (name: string, run: () => Promise<Record<string, string>>) => {
      const at = Date.now();
      for (const [label, value] of Object.entries(await run())) figures[`${name} ${label}`] = value;
      figures[`${name} took`] = `${((Date.now() - at) / 1000).toFixed(1)} s`;
    };
    await section('(a)', () => sheetsFaults(server, slack));
    await section('(b)', () => slackRateLimits(server, slack));
    await section('(c)', () => killMidRun(server, slack));
    figures['bench took'] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    return figures;
  } finally {
    await slack.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, value] of Object.entries(await benchFaults()))
    process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
