import { userInfo } from 'node:os';
import { runConsole } from './adapters/console/console-chat.js';
import { ActorDirectory } from './adapters/slack/actor-directory.js';
import { startSlackApp } from './adapters/slack/slack-app.js';
import { slackWebClient } from './adapters/slack/slack-client.js';
import { boardStores, withEnvironment } from './composition/boards.js';
import { digestDeps, startJobs } from './composition/start-jobs.js';
import { openLeases } from './composition/open-leases.js';
import { runDigest } from './jobs/digest-job.js';
import { openStore } from './composition/open-store.js';
import { explainStartupError } from './composition/startup-error.js';
import { readEnv } from './config/env.js';
import { loadSettings } from './config/load-settings.js';
import { dateInZone } from './domain/calendar.js';

/** Composition root. With Slack credentials: the Slack app; without: local mode, the console on the local register. */
async function main(): Promise<number> {
  const env = readEnv();
  const settings = withEnvironment(loadSettings(env.RISK_BOT_CONFIG), env);
  const today = dateInZone(new Date(), settings.timeZone);
  const { store, description } = await openStore({}, env, settings, today);
  if (env.SLACK_BOT_TOKEN !== undefined && env.SLACK_SIGNING_SECRET !== undefined) {
    const log = (text: string) => process.stderr.write(`${text}\n`);
    const clock = () => new Date();
    const client = slackWebClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL);
    const stores = boardStores(settings, env, store);
    const leases = await openLeases(env, log);
    const defaultBoardDigest = { ...digestDeps(store, settings, client, clock, log), timeZone: settings.timeZone, leases };
    const running = await startSlackApp(
      {
        store, settings, actors: new ActorDirectory(settings), clock, today: (now) => dateInZone(now, settings.timeZone), log, leases,
        postDigest: async (day) => (await runDigest(defaultBoardDigest, settings.boards[0]!, day)) ?? { kind: 'busy' },
      },
      { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN, apiUrl: env.SLACK_API_URL },
      env.PORT,
    );
    const jobs = startJobs({ store, boardStores: stores, settings, client, leases, clock, log });
    log(`risk-bot connected to Slack (${running.url === null ? 'Socket Mode' : `HTTP, ${running.url}`}); register: ${description}; ${env.REDIS_URL ? 'runs coordinated through Redis' : 'single instance'}; reminders at ${settings.reminders.nudgeTime} on working days, digest "${settings.digest.schedule}" (${settings.timeZone})`);
    const stop = () => void Promise.all([jobs.stop(), running.stop()]).then(() => leases.close()).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  }
  await runConsole({
    store, settings, description,
    input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true,
    // The person at the console runs the bot locally, so may change anything, like the programme office.
    actor: { id: `console:${userInfo().username}`, programmeOffice: true },
    clock: () => new Date(),
    log: (text) => process.stderr.write(`${text}\n`),
  });
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const explained = explainStartupError(error);
  if (explained !== null) {
    process.stderr.write(`risk-bot: ${explained}\n`);
    process.exitCode = 2;
  } else {
    // The stack only: Node would print every property, and an HTTP client's error can carry a token.
    process.stderr.write(`risk-bot: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
