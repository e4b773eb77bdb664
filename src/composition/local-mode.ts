import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { runConsole } from '../adapters/console/console-chat.js';
import type { Log } from '../adapters/log/log.js';
import type { Env } from '../config/env.js';
import { loadSettings } from '../config/load-settings.js';
import { dateInZone } from '../domain/dates/calendar.js';
import { withEnvironment } from './boards.js';
import { openStore } from './open-store.js';

/** The terminal local mode talks through: the process's own (src/main.ts), or a test's streams. */
export interface LocalModeIo {
  input: Readable;
  output: Writable;
  /** Whether a person is typing: then the console prompts and waits; else it runs what it was given and exits. */
  interactive: boolean;
}

/**
 * `npm start` without Slack credentials: the console on the local register
 * (REGISTER_WORKBOOK, a sheet, or the working copy of the sample). Returns
 * the exit code once the input ends or the person quits.
 */
export async function runLocalMode(
  env: Env,
  io: LocalModeIo,
  log: Log,
  clock: () => Date = () => new Date(),
): Promise<number> {
  const settings = withEnvironment(loadSettings(env.RISK_BOT_CONFIG), env);
  const today = dateInZone(clock(), settings.timeZone);
  const { store, description, close } = await openStore(
    { purpose: 'local mode (npm start)' },
    env,
    settings,
    today,
    log,
  );
  try {
    await runConsole({
      store,
      settings,
      description,
      ...io,
      // The person at the console runs the bot locally, so may change anything, like the programme office.
      actor: { id: `console:${userInfo().username}`, programmeOffice: true },
      actingAs: env.CONSOLE_AS ?? null,
      clock,
      log,
    });
  } finally {
    await close();
  }
  return 0;
}
