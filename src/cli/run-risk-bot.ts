import { describeError, redactingLog } from '../adapters/log/log.js';
import type { SlackTiming } from '../adapters/slack/slack-client.js';
import { explainStartupError } from '../composition/startup-error.js';
import { readEnv, secretValues } from '../config/env.js';
import { parseCliOptions, USAGE, UsageError } from './cli-options.js';
import { runCli } from './run-cli.js';

/** Where a run of `risk-bot` reads its environment and writes: the process's own (src/cli.ts), or a test's. */
export interface RiskBotIo {
  /** The environment (a test's); absent, the process's own with its `.env` file, read by readEnv. */
  env?: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The clock (default: the system's). */
  now?: () => Date;
  /** Slack's waits between retries and posts (default: production's). */
  slackTiming?: SlackTiming;
}

/**
 * The `risk-bot` command line, from its arguments to its exit code: 0 when
 * done, 1 when the register has errors or a run failed, 2 for a mistake the
 * operator can fix (usage, settings, environment, register), said on stderr.
 */
export async function runRiskBot(argv: readonly string[], io: RiskBotIo): Promise<number> {
  const write = (line: string) => void io.stderr.write(`${line}\n`);
  // Through redaction: a settings or key problem can quote what was given.
  let log = redactingLog(write);
  try {
    const options = parseCliOptions(argv);
    if (options === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const env = readEnv(io.env);
    log = redactingLog(write, secretValues(env));
    const { stdout, exitCode } = await runCli(options, env, io.now?.() ?? new Date(), {
      log,
      slackTiming: io.slackTiming,
    });
    io.stdout.write(`${stdout}\n`);
    return exitCode;
  } catch (error) {
    const explained = explainStartupError(error);
    if (error instanceof UsageError) log(`risk-bot: ${error.message}\n\n${USAGE}`);
    else if (explained !== null) log(`risk-bot: ${explained}`);
    else {
      // The stack only: Node would print every property, and an HTTP client's error can carry a token.
      log(`risk-bot: ${describeError(error)}`);
      return 1;
    }
    return 2;
  }
}
