import { describeError, processLog } from './adapters/log/log.js';
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
    // Through redaction: a settings or key problem can quote what was given.
    const log = processLog();
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

process.exitCode = await main(process.argv.slice(2));
