import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Settings } from '../../config/settings.js';
import { dateInZone } from '../../domain/dates/calendar.js';
import type { NewItemFields } from '../../domain/items/new-item.js';
import type { Actor } from '../../domain/items/permissions.js';
import { nudgesPreviewMessage } from '../../messages/nudges-message.js';
import type { RegisterStore } from '../../ports/register-store.js';
import { askQuestion } from '../../use-cases/answer-question.js';
import { boardDigest } from '../../use-cases/board-digest.js';
import { createItem } from '../../use-cases/create-item.js';
import { handleCommand } from '../../use-cases/handle-command.js';
import { loadRegister } from '../../use-cases/load-register.js';
import { previewNudges } from '../../use-cases/preview-nudges.js';
import { failureReply } from '../log/failure-reply.js';
import { NewItemForm } from './console-form.js';
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
  /** The People name (or Slack user) the console acts as (CONSOLE_AS): "me" and "mine" are theirs. */
  actingAs: string | null;
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

/** Answers one line typed at the console, as text, or starts the new-item form where Slack would open one. */
async function answerLine(deps: ConsoleDeps, line: string): Promise<string | NewItemForm> {
  const match = /^\/(risk|action)\b\s*(.*)$/is.exec(line);
  if (line === '/digest' || line === '/nudges') return digestAndNudges(deps);
  const now = deps.clock();
  if (!match) {
    // Anything else is a question, as if the bot were mentioned in Slack; the console user is "me".
    return renderText(
      await askQuestion(deps, { text: line, askerId: deps.actor.id, today: dateInZone(now, deps.settings.timeZone) }),
    );
  }
  const target = match[1]!.toLowerCase() as 'risk' | 'action';
  const reply = await handleCommand(deps, {
    target,
    text: match[2] ?? '',
    actor: deps.actor,
    via: 'console',
    today: dateInZone(now, deps.settings.timeZone),
    now: now.toISOString(),
  });
  if (reply.kind === 'modal' && reply.modal === 'new')
    return new NewItemForm(target, deps.settings.scale, deps.actingAs);
  if (reply.kind === 'modal')
    return `In Slack this opens a form. In the console, use /${target} update ID field value … (see /${target} help).`;
  const announce =
    reply.kind === 'reply' && reply.announce ? `\n\n[to the board channel] ${renderText(reply.announce)}` : '';
  return `${renderText(reply.message)}${announce}`;
}

/** Adds the item the form collected, as Slack's form does. */
async function addItem(deps: ConsoleDeps, fields: NewItemFields): Promise<string> {
  const now = deps.clock();
  const { id } = await createItem(deps, {
    fields,
    actor: deps.actor,
    via: 'console',
    today: dateInZone(now, deps.settings.timeZone),
    now: now.toISOString(),
  });
  return `Added ${id}: ${fields.title} (${fields.owner}).`;
}

/**
 * One person at the console: each line is a command or a question, unless
 * a new-item form is under way, when it answers the form's question.
 */
class ConsoleSession {
  #form: NewItemForm | null = null;

  constructor(private readonly deps: ConsoleDeps) {}

  /** Whether a form is asking: then a blank line is an answer ("none"), not nothing typed. */
  get asking(): boolean {
    return this.#form !== null;
  }

  async answer(line: string): Promise<string> {
    try {
      if (this.#form !== null) return await this.#answerForm(this.#form, line);
      const answer = await answerLine(this.deps, line);
      if (typeof answer === 'string') return answer;
      this.#form = answer;
      return answer.start();
    } catch (error) {
      this.#form = null;
      return renderText(failureReply(error, this.deps.log).message);
    }
  }

  async #answerForm(form: NewItemForm, line: string): Promise<string> {
    const step = form.answer(line);
    if (step.kind === 'ask') return step.text;
    this.#form = null;
    return step.kind === 'cancelled' ? step.text : addItem(this.deps, step.fields);
  }
}

/**
 * The console acting as a person of the People tab (CONSOLE_AS, by name or
 * Slack user): "me" in questions, "list mine" and an owner typed as "me"
 * are theirs. The person at the console may still change anything.
 */
async function actAs(deps: ConsoleDeps, who: string): Promise<{ deps: ConsoleDeps; said: string }> {
  const register = await loadRegister(deps.store, deps.settings, dateInZone(deps.clock(), deps.settings.timeZone));
  const key = who.trim().toLowerCase();
  const person = register.people.find((p) => p.name.trim().toLowerCase() === key || p.slackUser?.toLowerCase() === key);
  if (person === undefined)
    return {
      deps: { ...deps, actingAs: who },
      said: `CONSOLE_AS "${who}" is not in the People tab, so "me" finds nothing; an owner typed as "me" is written "${who}".`,
    };
  const id = person.slackUser ?? person.email ?? person.name;
  return {
    deps: { ...deps, actor: { ...deps.actor, id }, actingAs: person.name },
    said: `Acting as ${person.name} (${id}): "me" and "mine" are theirs.`,
  };
}

/**
 * The local console: the same commands and answers as Slack, as text. Given
 * a script rather than a person, it prints the digest and today's reminders,
 * runs each line, and exits.
 */
export async function runConsole(given: ConsoleDeps): Promise<void> {
  const write = (text: string) => given.output.write(`${text}\n`);
  write(`risk-bot local mode: ${given.description}`);
  const { deps, said } = given.actingAs === null ? { deps: given, said: null } : await actAs(given, given.actingAs);
  if (said !== null) write(said);
  if (!deps.interactive) write(`\n${await digestAndNudges(deps)}\n`);
  else write(HELP);
  const session = new ConsoleSession(deps);
  const lines = createInterface({ input: deps.input, terminal: false });
  if (deps.interactive) deps.output.write('> ');
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line !== '' || session.asking) {
      if (!deps.interactive) write(`> ${line}`);
      write(await session.answer(line));
    }
    if (deps.interactive) deps.output.write('> ');
  }
  lines.close();
  if (session.asking) write('The form was not finished: nothing was added.');
}
