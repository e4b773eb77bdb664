import { runRiskBot } from './cli/run-risk-bot.js';
import { exitOnSignals } from './composition/exit-on-signals.js';

exitOnSignals();

process.exitCode = await runRiskBot(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
