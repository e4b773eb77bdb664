import { userInfo } from 'node:os';
import { runConsole } from './adapters/console/console-chat.js';
import { openStore } from './composition/open-store.js';
import { explainStartupError } from './composition/startup-error.js';
import { readEnv } from './config/env.js';
import { loadSettings } from './config/load-settings.js';
import { dateInZone } from './domain/calendar.js';

/** Composition root. Without Slack credentials: local mode, the console on the local register. */
async function main(): Promise<number> {
  const env = readEnv();
  const settings = loadSettings();
  const today = dateInZone(new Date(), settings.timeZone);
  const { store, description } = await openStore({}, env, settings, today);
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
    throw error;
  }
}
