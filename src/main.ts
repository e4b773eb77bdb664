import { installLastLineOfDefence, routeConsoleToLog } from './adapters/log/last-line-of-defence.js';
import { describeError, type Log, processLog } from './adapters/log/log.js';
import { ClosingStore } from './adapters/shared/closing-store.js';
import { WorkInProgress } from './adapters/shared/work-in-progress.js';
import { ActorDirectory } from './adapters/slack/actor-directory.js';
import { startSlackApp } from './adapters/slack/slack-app.js';
import { slackWebClient } from './adapters/slack/slack-client.js';
import { boardStores, checkBoardSheets, slackBoards, withEnvironment } from './composition/boards.js';
import { exitOnSignals } from './composition/exit-on-signals.js';
import { shutDown } from './composition/graceful-shutdown.js';
import { runLocalMode } from './composition/local-mode.js';
import { openLeases } from './composition/open-leases.js';
import { openStore } from './composition/open-store.js';
import { digestRunDeps, startJobs } from './composition/start-jobs.js';
import { explainStartupError } from './composition/startup-error.js';
import { type Env, readEnv, secretValues } from './config/env.js';
import { loadSettings } from './config/load-settings.js';
import type { Board } from './config/settings.js';
import type { IsoDate } from './domain/cell.js';
import { dateInZone } from './domain/dates/calendar.js';
import { runDigest } from './jobs/digest-job.js';
import type { RegisterStore } from './ports/register-store.js';

/** Past this, a stopping bot exits whatever is left: platforms kill at ten seconds. */
const HARD_STOP_MS = 9500;

/** Until the environment is read, the log redacts by shape only. */
let log: Log = processLog();

/**
 * Connected to Slack: the app (HTTP or Socket Mode) and the schedules,
 * stopped on SIGTERM or SIGINT without losing acknowledged work.
 */
async function runSlackBot(env: Env & { SLACK_BOT_TOKEN: string; SLACK_SIGNING_SECRET: string }): Promise<void> {
  installLastLineOfDefence(log);
  routeConsoleToLog(log);
  const settings = withEnvironment(loadSettings(env.RISK_BOT_CONFIG), env);
  const today = dateInZone(new Date(), settings.timeZone);
  const writesClosed = new AbortController();
  const opened = await openStore({ purpose: 'the Slack bot (npm start)' }, env, settings, today, log);
  const store = new ClosingStore(opened.store, writesClosed.signal);
  const clock = () => new Date();
  const client = slackWebClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL, log);
  const stores = new Map(
    [...boardStores(settings, env, opened.store)].map(([id, board]) => [
      id,
      board === opened.store ? store : new ClosingStore(board, writesClosed.signal),
    ]),
  );
  // Each further board's sheet is read once now, so one that cannot be opened is named at start-up.
  void checkBoardSheets(settings, stores, log);
  const leases = await openLeases(env, log);
  const inProgress = new WorkInProgress();
  const actors = new ActorDirectory(settings);
  // Each board's `/risk digest` posts its own digest, with the schedule's code, lease and ledger.
  const postDigestOf = (board: Board, boardStore: RegisterStore) => {
    const digestDeps = digestRunDeps({ store: boardStore, settings, client, leases, clock, log, inProgress });
    return async (day: IsoDate) => (await runDigest(digestDeps, board, day)) ?? { kind: 'busy' as const };
  };
  const running = await startSlackApp(
    {
      store,
      settings,
      actors,
      clock,
      today: (now) => dateInZone(now, settings.timeZone),
      log,
      leases,
      boards: slackBoards(settings, stores, actors).map((context) => ({
        ...context,
        postDigest: postDigestOf(context.board, context.store),
      })),
      postDigest: postDigestOf(settings.boards[0]!, store),
    },
    {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
    },
    { port: env.PORT, inProgress },
  );
  const jobs = startJobs({ store, boardStores: stores, settings, client, leases, clock, log, inProgress });
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal while stopping (Ctrl-C twice) means now.
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: stopping`);
    setTimeout(() => {
      log(`stopping took over ${HARD_STOP_MS} ms: exiting with work unfinished`);
      process.exit(1);
    }, HARD_STOP_MS).unref();
    void shutDown({
      stopServing: (graceMs) => running.stop(graceMs),
      stopSchedules: () => jobs.stop(),
      inProgress,
      writesClosed,
      leases,
      log,
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopping failed: ${describeError(error, false)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Said once a signal would stop the bot gracefully: whoever waits for this line may send one at once.
  log(
    `risk-bot connected to Slack (${running.url === null ? 'Socket Mode' : `HTTP, ${running.url}`}); register: ${opened.description}; ${env.REDIS_URL ? 'runs coordinated through Redis' : 'single instance'}; reminders at ${settings.reminders.nudgeTime} on working days, digest "${settings.digest.schedule}" (${settings.timeZone})`,
  );
}

/** Composition root. With Slack credentials: the Slack app; without: local mode, the console on the local register. */
async function main(): Promise<number> {
  const env = readEnv();
  log = processLog(secretValues(env));
  if (env.SLACK_BOT_TOKEN !== undefined && env.SLACK_SIGNING_SECRET !== undefined) {
    await runSlackBot({ ...env, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET });
    return 0;
  }
  exitOnSignals();
  return runLocalMode(
    env,
    { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true },
    log,
  );
}

try {
  process.exitCode = await main();
} catch (error) {
  const explained = explainStartupError(error);
  if (explained !== null) {
    log(`risk-bot: ${explained}`);
    process.exitCode = 2;
  } else {
    // The stack only: Node would print every property, and an HTTP client's error can carry a token.
    log(`risk-bot: ${describeError(error)}`);
    process.exitCode = 1;
  }
}
