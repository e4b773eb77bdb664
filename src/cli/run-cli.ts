import { renderText } from '../adapters/console/render-text.js';
import { type Log, processLog } from '../adapters/log/log.js';
import { type SlackTiming, slackWebClient } from '../adapters/slack/slack-client.js';
import { SlackNudgeOutbox } from '../adapters/slack/slack-nudge-outbox.js';
import { withEnvironment } from '../composition/boards.js';
import { openLeases } from '../composition/open-leases.js';
import { openStore } from '../composition/open-store.js';
import { digestRunDeps } from '../composition/start-jobs.js';
import { type Env, secretValues } from '../config/env.js';
import { loadSettings } from '../config/load-settings.js';
import type { Settings } from '../config/settings.js';
import { dateInZone } from '../domain/dates/calendar.js';
import { hasErrors } from '../domain/register/problem.js';
import { describeDigestOutcome, runDigest } from '../jobs/digest-job.js';
import { runNudges } from '../jobs/nudge-job.js';
import { checkMessage } from '../messages/check-message.js';
import { nudgeRunMessage, nudgesPreviewMessage } from '../messages/nudges-message.js';
import { digestJson, nudgeRunJson, nudgesJson, registerJson } from '../messages/register-json.js';
import type { RegisterStore } from '../ports/register-store.js';
import { boardDigest } from '../use-cases/board-digest.js';
import { loadRegister } from '../use-cases/load-register.js';
import { previewNudges } from '../use-cases/preview-nudges.js';
import { type CliOptions, UsageError } from './cli-options.js';
import { runSheetCommand } from './sheet-commands.js';

export interface CliOutput {
  stdout: string;
  exitCode: number;
}

/** What a run of the CLI is given besides its options and environment; each has the process's default. */
export interface CliDeps {
  /** The operator's log (default: standard error), with the environment's secrets and anything shaped like one redacted. */
  log?: Log;
  /** Slack's waits between retries and posts (default: production's). */
  slackTiming?: SlackTiming | undefined;
}

interface CliContext {
  env: Env;
  log: Log;
  slackTiming: SlackTiming | undefined;
}

function slackClient({ env, log, slackTiming }: CliContext, command: string) {
  if (env.SLACK_BOT_TOKEN === undefined)
    throw new UsageError(
      `${command} needs SLACK_BOT_TOKEN in the environment (or .env): the bot token that posts to Slack`,
    );
  return slackWebClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL, log, slackTiming);
}

/** `nudges --send`: the scheduled run's own code, through Slack's Web API. */
async function sendNudgesNow(
  store: RegisterStore,
  settings: Settings,
  context: CliContext,
  today: string,
): Promise<CliOutputParts> {
  const outbox = new SlackNudgeOutbox(slackClient(context, 'nudges --send'));
  const { env, log } = context;
  const leases = await openLeases(env, log);
  try {
    const report = await runNudges(
      { store, settings, outbox, log, clock: () => new Date(), timeZone: settings.timeZone, leases },
      today,
    );
    if (report === null)
      return {
        text: `Another instance is sending the reminders for ${today} now; nothing was sent from here.`,
        data: { sent: null },
        exitCode: 1,
      };
    return {
      text: renderText(nudgeRunMessage(report)),
      data: { sent: nudgeRunJson(report) },
      exitCode: report.failed.length > 0 ? 1 : 0,
    };
  } finally {
    await leases.close();
  }
}

/** `digest --post`: the schedule's own code, through Slack's Web API. */
async function postDigestNow(
  store: RegisterStore,
  settings: Settings,
  context: CliContext,
  today: string,
): Promise<CliOutputParts> {
  const board = settings.boards[0]!;
  const client = slackClient(context, 'digest --post');
  const { env, log } = context;
  const leases = await openLeases(env, log);
  try {
    const outcome = await runDigest(
      digestRunDeps({ store, settings, client, leases, clock: () => new Date(), log }),
      board,
      today,
    );
    if (outcome === null)
      return {
        text: `Another instance is posting the digest for ${today} now; nothing was posted from here.`,
        data: { posted: false, outcome: 'busy' },
        exitCode: 1,
      };
    return {
      text: describeDigestOutcome(board, outcome),
      data: { posted: outcome.kind === 'posted', outcome: outcome.kind },
      exitCode: outcome.kind === 'no-channel' ? 1 : 0,
    };
  } finally {
    await leases.close();
  }
}

interface CliOutputParts {
  text: string;
  data: object;
  exitCode: number;
}

/** Runs one `risk-bot` command and returns what to print; `now` is the clock, passed in. */
export async function runCli(options: CliOptions, env: Env, now: Date, deps: CliDeps = {}): Promise<CliOutput> {
  const context: CliContext = { env, log: deps.log ?? processLog(secretValues(env)), slackTiming: deps.slackTiming };
  const settings = withEnvironment(loadSettings(options.config ?? env.RISK_BOT_CONFIG), env);
  if (options.command === 'setup-sheet' || options.command === 'import' || options.command === 'export') {
    return { stdout: await runSheetCommand(options, env, settings), exitCode: 0 };
  }
  const today = options.today ?? dateInZone(now, settings.timeZone);
  // Only sending reminders and posting the digest write (their ledger lines); the rest read, beside a running bot.
  const writes = (options.command === 'nudges' && options.send) || (options.command === 'digest' && options.post);
  const opened = await openStore(
    {
      workbook: options.workbook,
      sheet: options.sheet,
      readOnly: !writes,
      purpose: `risk-bot ${options.command} ${options.command === 'nudges' ? '--send' : '--post'}`,
    },
    env,
    settings,
    today,
    context.log,
  );
  try {
    return await runOn(opened.store, { ...options, command: options.command }, settings, context, today);
  } finally {
    await opened.close();
  }
}

async function runOn(
  store: RegisterStore,
  options: CliOptions & { command: 'check' | 'digest' | 'nudges' },
  settings: Settings,
  context: CliContext,
  today: string,
): Promise<CliOutput> {
  const register = await loadRegister(store, settings, today);
  const json = registerJson(register, today, settings.reminders.dueSoonDays);
  const print = (text: string, data: object, exitCode = 0): CliOutput => ({
    stdout: options.format === 'json' ? JSON.stringify(data, null, 2) : text,
    exitCode,
  });

  switch (options.command) {
    case 'check':
      return print(renderText(checkMessage(register)), json, hasErrors(register.problems) ? 1 : 0);
    case 'digest': {
      if (options.post) {
        const { text, data, exitCode } = await postDigestNow(store, settings, context, today);
        return print(text, data, exitCode);
      }
      const { digest, message } = boardDigest(register, settings, today);
      return print(renderText(message), { ...json, digest: digestJson(digest) });
    }
    case 'nudges': {
      if (options.send) {
        const { text, data, exitCode } = await sendNudgesNow(store, settings, context, today);
        return print(text, { ...json, ...data }, exitCode);
      }
      const preview = previewNudges(register, settings, today);
      return print(renderText(nudgesPreviewMessage(preview, today)), { ...json, ...nudgesJson(preview) });
    }
  }
}
