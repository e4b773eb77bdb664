import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { addDays, daysBetween } from '../domain/dates/calendar.js';
import { topRisks } from '../domain/digest/digest.js';
import { weekChanges } from '../domain/digest/week-changes.js';
import { isDomainError } from '../domain/domain-error.js';
import { compareText } from '../domain/item-id.js';
import { reviewsDue } from '../domain/items/due-items.js';
import { findItem } from '../domain/items/find-item.js';
import { dueSoonOfKind, openItems, overdueOfKind } from '../domain/items/item-filters.js';
import { ownersOfSlackUser } from '../domain/questions/owner-match.js';
import {
  QUESTION_EXAMPLES,
  type Question,
  type QuestionKind,
  understandQuestion,
  type Who,
} from '../domain/questions/question.js';
import { type Item, ownerOf, type Register } from '../domain/register/register.js';
import { changeParts, reviewLine, sourceLine } from '../messages/digest-message.js';
import { itemLine, itemMessage, listMessage } from '../messages/item-message.js';
import { type Message, type MessagePart, plural } from '../messages/message.js';
import type { RegisterStore } from '../ports/register-store.js';
import { auditDay } from './board-digest.js';
import { loadRegister } from './load-register.js';

export type AnswerSettings = Pick<Settings, 'tabs' | 'scale' | 'timeZone'>;

export interface AskInput {
  text: string;
  askerId: string;
  today: IsoDate;
}

const noun = (kind: QuestionKind) => (kind === 'risk' ? 'risks' : kind === 'action' ? 'actions' : 'items');

/** Whose items a question is about, as a test on an item, and how to say it. */
function whose(who: Who, register: Register, askerId: string): { owns: (item: Item) => boolean; label: string } {
  const ownerNames = (names: readonly string[]) => {
    const wanted = new Set(names);
    return (item: Item) => wanted.has(ownerOf(item)) || (item.kind === 'risk' && wanted.has(item.actionOwner));
  };
  switch (who.type) {
    case 'all':
      return { owns: () => true, label: '' };
    case 'me':
      return {
        owns: ownerNames(ownersOfSlackUser(askerId, register.people, allOwnerNames(register))),
        label: ' of yours',
      };
    case 'owner':
      return { owns: ownerNames(who.names), label: ` for ${who.names.join(' / ')}` };
    case 'unknownOwner':
      return { owns: () => false, label: ` for "${who.asked}"` };
  }
}

function allOwnerNames(register: Register): string[] {
  const names = new Set<string>();
  for (const item of [...register.risks, ...register.actions]) {
    if (ownerOf(item)) names.add(ownerOf(item));
    if (item.kind === 'risk' && item.actionOwner) names.add(item.actionOwner);
  }
  return [...names];
}

/** The question's kind as the item filters take it: null for both. */
const kindOf = (kind: QuestionKind) => (kind === 'any' ? null : kind);

function unknownOwnerMessage(asked: string, register: Register): Message {
  const some = allOwnerNames(register).sort(compareText).slice(0, 12);
  return {
    summary: `No owner like "${asked}"`,
    parts: [
      {
        type: 'section',
        line: `I can't find an owner or lead like "${asked}" in the register. Owners include: ${some.join(', ')}.`,
      },
    ],
  };
}

/** A plan kept alone has no risks to rank or review: said so, not answered with an empty list. */
function noRiskLog(): Message {
  const line = 'This register keeps no risk log, only a plan: ask what is overdue or due instead.';
  return { summary: line, parts: [{ type: 'section', line }] };
}

function riskAnswer(
  question: Extract<Question, { intent: 'top' | 'reviews' }>,
  register: Register,
  today: IsoDate,
): Message {
  if (question.intent === 'top') {
    const top = topRisks(register.risks, question.count);
    return {
      summary: `Top ${top.length} risks`,
      parts: [
        {
          type: 'list',
          heading: `Top ${plural(top.length, 'risk')} by rating`,
          items: top.map((risk) => itemLine(risk, today)),
          emptyText: 'No rated open risks.',
        },
      ],
    };
  }
  const due = reviewsDue(register, today);
  return {
    summary: `Reviews overdue: ${due.length}`,
    parts: [
      {
        type: 'list',
        heading: `Reviews overdue (${due.length})`,
        emptyText: 'All risks reviewed on time.',
        items: due.map(reviewLine),
      },
    ],
  };
}

function answer(question: Question, register: Register, input: AskInput, settings: AnswerSettings): Message {
  const { today } = input;
  switch (question.intent) {
    case 'overdue':
    case 'due':
    case 'owned': {
      if (question.who.type === 'unknownOwner') return unknownOwnerMessage(question.who.asked, register);
      const { owns, label } = whose(question.who, register, input.askerId);
      const mine = question.who.type === 'me';
      const kind = kindOf(question.kind);
      if (question.intent === 'overdue') {
        return listMessage(
          `Overdue ${noun(question.kind)}${label}`,
          overdueOfKind(register, kind, today).filter(owns),
          today,
          mine
            ? 'Nothing of yours is overdue (or the People tab does not link you to an owner name).'
            : 'Nothing overdue.',
        );
      }
      if (question.intent === 'owned') {
        return listMessage(
          `Open ${noun(question.kind)}${label}`,
          openItems(register, kind).filter(owns),
          today,
          mine ? 'Nothing open is yours (or the People tab does not link you to an owner name).' : 'Nothing open.',
        );
      }
      const days = Math.max(0, daysBetween(today, question.until));
      return listMessage(
        `${noun(question.kind)[0]!.toUpperCase()}${noun(question.kind).slice(1)} due ${question.label}${label}`,
        dueSoonOfKind(register, kind, today, days).filter(owns),
        today,
        'Nothing due then.',
      );
    }
    case 'show':
      try {
        return itemMessage(findItem(register, question.id), today);
      } catch (error) {
        if (isDomainError(error))
          return { summary: error.message, parts: [{ type: 'section', line: `${error.message}.` }] };
        throw error;
      }
    case 'top':
    case 'reviews':
      return register.holds.risks ? riskAnswer(question, register, today) : noRiskLog();
    case 'changes': {
      const changes = weekChanges(
        register,
        addDays(question.since, -1),
        today,
        { risks: settings.tabs.risks.headers, actions: settings.tabs.actions.headers },
        auditDay(settings.timeZone),
      );
      return { summary: `What changed ${question.label}`, parts: changeParts(changes) };
    }
    case 'help':
      return {
        summary: 'What I can answer',
        parts: [
          { type: 'list', heading: 'Ask me, in your own words:', items: [...QUESTION_EXAMPLES] },
          { type: 'context', line: 'To change something, use /risk or /action (try /risk help).' },
        ],
      };
    case 'unknown':
      return { summary: question.reply.split('\n')[0]!, parts: [{ type: 'preformatted', text: question.reply }] };
  }
}

/**
 * The answer to a question asked in chat, from the register as of `today`:
 * understood by the grammar in question.ts, with owners matched against the
 * register's names, and the sheet linked for the full list.
 */
export function answerQuestion(register: Register, input: AskInput, settings: AnswerSettings): Message {
  const question = understandQuestion(input.text, {
    today: input.today,
    ownerNames: allOwnerNames(register),
    people: register.people,
    items: [...register.risks, ...register.actions],
    askerId: input.askerId,
  });
  const message = answer(question, register, input, settings);
  const lists = message.parts.some((part: MessagePart) => part.type === 'list');
  return lists
    ? { ...message, parts: [...message.parts, { type: 'context', line: sourceLine(register.source) }] }
    : message;
}

/** Reads the register and answers. */
export async function askQuestion(
  deps: { store: RegisterStore; settings: AnswerSettings },
  input: AskInput,
): Promise<Message> {
  return answerQuestion(await loadRegister(deps.store, deps.settings, input.today), input, deps.settings);
}
