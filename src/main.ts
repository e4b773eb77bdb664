import { renderText } from './adapters/console/render-text.js';
import { openStore } from './composition/open-store.js';
import { explainStartupError } from './composition/startup-error.js';
import { readEnv } from './config/env.js';
import { loadSettings } from './config/load-settings.js';
import { dateInZone } from './domain/calendar.js';
import { buildDigest } from './domain/digest.js';
import { digestMessage } from './messages/digest-message.js';
import { nudgesPreviewMessage } from './messages/nudges-message.js';
import { loadRegister } from './use-cases/load-register.js';
import { previewNudges } from './use-cases/preview-nudges.js';

/** Composition root. Without Slack credentials: local mode on the sample register. */
async function main(): Promise<number> {
  const env = readEnv();
  const settings = loadSettings();
  const today = dateInZone(new Date(), settings.timeZone);
  const { store, description } = await openStore({}, env, settings, today);
  const register = await loadRegister(store, settings, today);
  const board = settings.boards[0]!;
  const digest = buildDigest(register, today, { scale: board.scale, topRisks: settings.digest.topRisks, dueSoonDays: settings.reminders.dueSoonDays });
  process.stdout.write(`risk-bot local mode: ${description}\n\n`);
  process.stdout.write(`${renderText(digestMessage(digest, board.name))}\n\n`);
  process.stdout.write(`${renderText(nudgesPreviewMessage(previewNudges(register, settings, today), today))}\n`);
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
