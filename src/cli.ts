import { parseCliOptions, UsageError, USAGE } from './cli/cli-options.js';
import { runCli } from './cli/run-cli.js';
import { readEnv } from './config/env.js';
import { explainStartupError } from './composition/startup-error.js';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCliOptions(argv);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const { stdout, exitCode } = await runCli(options, readEnv(), new Date());
    process.stdout.write(`${stdout}\n`);
    return exitCode;
  } catch (error) {
    const explained = explainStartupError(error);
    if (error instanceof UsageError) process.stderr.write(`risk-bot: ${error.message}\n\n${USAGE}\n`);
    else if (explained !== null) process.stderr.write(`risk-bot: ${explained}\n`);
    else {
      // The stack only: Node would print every property, and an HTTP client's error can carry a token.
      process.stderr.write(`risk-bot: ${(error as Error).stack ?? String(error)}\n`);
      return 1;
    }
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
