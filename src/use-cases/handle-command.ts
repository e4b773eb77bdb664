import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { parseCommand, usageFor } from '../domain/commands/command.js';
import type { Command, CommandTarget, ListFilter } from '../domain/commands/command-types.js';
import { DomainError } from '../domain/domain-error.js';
import { findItem } from '../domain/items/find-item.js';
import {
  dueSoonOfKind,
  itemsOfOwnerName,
  itemsOfSlackUser,
  openItems,
  overdueOfKind,
} from '../domain/items/item-filters.js';
import type { RequestedChange } from '../domain/items/item-update.js';
import { type Actor, permissionForOffice } from '../domain/items/permissions.js';
import type { Scale } from '../domain/items/scale.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { Register } from '../domain/register/register.js';
import { clip } from '../domain/text.js';
import { itemMessage, listMessage, topBandMessage, updatedMessage } from '../messages/item-message.js';
import type { Message } from '../messages/message.js';
import type { RegisterStore } from '../ports/register-store.js';
import { boardDigest } from './board-digest.js';
import { loadRegister } from './load-register.js';
import { type UpdateOutcome, updateItem } from './update-item.js';

export interface CommandDeps {
  store: RegisterStore;
  settings: Settings;
}

export interface CommandInput {
  target: CommandTarget;
  text: string;
  actor: Actor;
  via: AuditRecord['via'];
  today: IsoDate;
  now: string;
  /** Names the request (a Slack delivery), so a retry or replay of it is not applied twice. */
  changeId?: string | undefined;
}

/** What to do with a command: answer the user (and perhaps tell the board), or open a form. */
export type CommandReply =
  | { kind: 'reply'; message: Message; announce?: Message }
  /** The digest on demand: Slack posts it to the board's channel; the console shows it. */
  | { kind: 'digest'; message: Message }
  | { kind: 'modal'; modal: 'new' | 'edit'; target: CommandTarget };

const reply = (message: Message): CommandReply => ({ kind: 'reply', message });

function listFor(register: Register, filter: ListFilter, input: CommandInput, settings: Settings): Message {
  const kind = input.target;
  const noun = kind === 'risk' ? 'Open risks' : 'Open actions';
  switch (filter.type) {
    case 'all':
      return listMessage(noun, openItems(register, kind), input.today, 'None open.');
    case 'mine':
      return listMessage(
        `Your ${kind}s`,
        itemsOfSlackUser(register, kind, input.actor.id),
        input.today,
        `Nothing open is yours, or the People tab does not link you to an owner name.`,
      );
    case 'slackUser':
      return listMessage(
        `${kind === 'risk' ? 'Risks' : 'Actions'} of that person`,
        itemsOfSlackUser(register, kind, filter.userId),
        input.today,
        'Nothing open is theirs, or the People tab does not link them to an owner name.',
      );
    case 'owner': {
      const name = clip(filter.name, 80);
      return listMessage(
        `${kind === 'risk' ? 'Risks' : 'Actions'} owned by "${name}"`,
        itemsOfOwnerName(register, kind, filter.name),
        input.today,
        `No open ${kind} has an owner like "${name}".`,
      );
    }
    case 'overdue':
      return listMessage(
        `Overdue ${kind}s`,
        overdueOfKind(register, kind, input.today),
        input.today,
        'Nothing overdue.',
      );
    case 'due': {
      const days = filter.days ?? settings.reminders.dueSoonDays;
      return listMessage(
        `${kind === 'risk' ? 'Risks' : 'Actions'} due in the next ${days} days`,
        dueSoonOfKind(register, kind, input.today, days),
        input.today,
        'Nothing due.',
      );
    }
  }
}

/** The answer to a change, however it was asked for. */
export type UpdateReply = Extract<CommandReply, { kind: 'reply' }>;

/** What changed, for the person who changed it; and for the board when the item entered the top band. */
export function updateReply({ item, update }: UpdateOutcome, actor: Actor, scale: Scale): UpdateReply {
  const message = updatedMessage(item, update, scale);
  return update.rating.enteredTopBand
    ? { kind: 'reply', message, announce: topBandMessage(item, update, actor.id) }
    : { kind: 'reply', message };
}

async function change(
  deps: CommandDeps,
  input: CommandInput,
  id: string,
  changes: RequestedChange[],
  note: string | null,
): Promise<CommandReply> {
  const outcome = await updateItem(deps, {
    id,
    changes,
    note,
    actor: input.actor,
    via: input.via,
    today: input.today,
    now: input.now,
    changeId: input.changeId,
    // A command states the value wanted: it applies to what the sheet holds when written.
    asOfWrite: true,
  });
  return updateReply(outcome, input.actor, deps.settings.scale);
}

async function run(deps: CommandDeps, command: Command, input: CommandInput): Promise<CommandReply> {
  const { settings } = deps;
  switch (command.kind) {
    case 'modal':
      return { kind: 'modal', modal: 'edit', target: input.target };
    case 'new':
      return { kind: 'modal', modal: 'new', target: input.target };
    case 'help':
      return reply({ summary: 'help', parts: [{ type: 'preformatted', text: usageFor(input.target) }] });
    case 'update':
      return change(deps, input, command.id, command.changes, command.note);
    // "closed" reads as Closed for a risk and Done for an action, so one read of the register serves both.
    case 'done':
    case 'close':
      return change(deps, input, command.id, [{ field: 'status', value: 'closed' }], command.note);
    case 'show':
      return reply(
        itemMessage(findItem(await loadRegister(deps.store, settings, input.today), command.id), input.today),
      );
    case 'list':
      return reply(listFor(await loadRegister(deps.store, settings, input.today), command.filter, input, settings));
    case 'digest': {
      const permission = permissionForOffice(input.actor, 'post the digest on demand');
      if (!permission.allowed) throw new DomainError(permission.code, permission.whoCan);
      return {
        kind: 'digest',
        message: boardDigest(await loadRegister(deps.store, settings, input.today), settings, input.today).message,
      };
    }
  }
}

/**
 * A `/risk` or `/action` command, from Slack or the console: parsed, run
 * against the register, and answered as a message. A command that cannot be
 * parsed is answered with what was wrong and the usage.
 */
export async function handleCommand(deps: CommandDeps, input: CommandInput): Promise<CommandReply> {
  const parsed = parseCommand(input.target, input.text);
  if (!parsed.ok)
    return reply({
      summary: parsed.problem,
      parts: [
        { type: 'section', line: parsed.problem },
        { type: 'preformatted', text: parsed.usage },
      ],
    });
  return run(deps, parsed.command, input);
}
