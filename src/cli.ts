import { runRiskBot } from './cli/run-risk-bot.js';
import { exitOnSignals } from './composition/exit-on-signals.js';

exitOnSignals();

// The environment is read in src/config/env.ts (readEnv), with the .env file: nothing here touches it.
process.exitCode = await runRiskBot(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
