import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Settings } from '../../config/settings.js';
import { dateInZone } from '../../domain/dates/calendar.js';
import type { Actor } from '../../domain/items/permissions.js';
import { nudgesPreviewMessage } from '../../messages/nudges-message.js';
import type { RegisterStore } from '../../ports/register-store.js';
import { askQuestion } from '../../use-cases/answer-question.js';
import { boardDigest } from '../../use-cases/board-digest.js';
import { handleCommand } from '../../use-cases/handle-command.js';
import { loadRegister } from '../../use-cases/load-register.js';
import { previewNudges } from '../../use-cases/preview-nudges.js';
import { failureReply } from '../log/failure-reply.js';
import { renderText } from './render-text.js';

export interface ConsoleDeps {
  store: RegisterStore;
  settings: Settings;
  description: string;
  input: Readable;
  output: Writable;
  /** Whether a person is typing: then the console prompts and waits; else it runs what it was given and exits. */
  interactive: boolean;
  actor: Actor;
  clock: () => Date;
  log: (text: string) => void;
}

const HELP =
  'Ask in plain words ("what\'s overdue?", "show R-7", "top 5 risks"), or type /risk help or /action help for the commands (e.g. /risk show R-3, /action done A-4), /digest for the weekly digest, /nudges for today\'s reminders, or quit.';

async function digestAndNudges(deps: ConsoleDeps): Promise<string> {
  const today = dateInZone(deps.clock(), deps.settings.timeZone);
  const register = await loadRegister(deps.store, deps.settings, today);
  return `${renderText(boardDigest(register, deps.settings, today).message)}\n\n${renderText(nudgesPreviewMessage(previewNudges(register, deps.settings, today), today))}`;
}

/** Answers one line typed at the console, as text. */
export async function answerLine(deps: ConsoleDeps, line: string): Promise<string> {
  const match = /^\/(risk|action)\b\s*(.*)$/is.exec(line);
  if (line === '/digest' || line === '/nudges') return digestAndNudges(deps);
  const now = deps.clock();
  if (!match) {
    // Anything else is a question, as if the bot were mentioned in Slack; the console user is "me".
    return renderText(
      await askQuestion(deps, { text: line, askerId: deps.actor.id, today: dateInZone(now, deps.settings.timeZone) }),
    );
  }
  const reply = await handleCommand(deps, {
    target: match[1]!.toLowerCase() as 'risk' | 'action',
    text: match[2] ?? '',
    actor: deps.actor,
    via: 'console',
    today: dateInZone(now, deps.settings.timeZone),
    now: now.toISOString(),
  });
  if (reply.kind === 'modal')
    return `In Slack this opens a form. In the console, use /${match[1]} update ID field value … (see /${match[1]} help).`;
  const announce =
    reply.kind === 'reply' && reply.announce ? `\n\n[to the board channel] ${renderText(reply.announce)}` : '';
  return `${renderText(reply.message)}${announce}`;
}

async function safeAnswer(deps: ConsoleDeps, line: string): Promise<string> {
  try {
    return await answerLine(deps, line);
  } catch (error) {
    return renderText(failureReply(error, deps.log).message);
  }
}

/**
 * The local console: the same commands and answers as Slack, as text. Given
 * a script rather than a person, it prints the digest and today's reminders,
 * runs each line, and exits.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const write = (text: string) => deps.output.write(`${text}\n`);
  write(`risk-bot local mode: ${deps.description}`);
  if (!deps.interactive) write(`\n${await digestAndNudges(deps)}\n`);
  else write(HELP);
  const lines = createInterface({ input: deps.input, terminal: false });
  if (deps.interactive) deps.output.write('> ');
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line !== '') {
      if (!deps.interactive) write(`> ${line}`);
      write(await safeAnswer(deps, line));
    }
    if (deps.interactive) deps.output.write('> ');
  }
  lines.close();
}
