import { parseCliOptions, UsageError, USAGE } from './cli/cli-options.js';
import { runCli } from './cli/run-cli.js';
import { readEnv } from './config/env.js';
import { SettingsError } from './config/settings.js';
import { isDomainError } from './domain/domain-error.js';

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
    if (error instanceof UsageError) process.stderr.write(`risk-bot: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof SettingsError || isDomainError(error)) process.stderr.write(`risk-bot: ${error.message}\n`);
    else throw error;
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
