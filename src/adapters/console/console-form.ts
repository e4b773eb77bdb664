import { isDomainError } from '../../domain/domain-error.js';
import { type NewItemFields, readTargetDate } from '../../domain/items/new-item.js';
import { readLevel } from '../../domain/items/rating.js';
import type { Scale } from '../../domain/items/scale.js';

/** One question of the console's new-item form: the field it fills, what it asks, and its check. */
interface Question {
  field: Exclude<keyof NewItemFields, 'kind'>;
  ask: string;
  optional: boolean;
  /** What is wrong with an answer, or null when it will do. */
  check?: (answer: string) => string | null;
}

/** What the form says after an answer: the next question, or the fields when all are answered, or that it was cancelled. */
export type FormStep =
  | { kind: 'ask'; text: string }
  | { kind: 'done'; fields: NewItemFields }
  | { kind: 'cancelled'; text: string };

function levelCheck(axis: 'impact' | 'probability', scale: Scale): (answer: string) => string | null {
  return (answer) => {
    const reading = readLevel(answer, axis, scale);
    return reading.kind === 'invalid' ? reading.message : null;
  };
}

function dateCheck(answer: string): string | null {
  try {
    readTargetDate(answer);
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
}

function levelWords(axis: 'impact' | 'probability', scale: Scale): string {
  const { max, labels } = scale[axis];
  return labels ? `1 to ${max}, or ${labels.join(', ')}` : `1 to ${max}`;
}

function questions(kind: 'risk' | 'action', scale: Scale, me: string | null): Question[] {
  const who = kind === 'risk' ? 'Owner' : 'Lead';
  const meHint = me === null ? '' : `; "me" for ${me}`;
  const owner: Question = { field: 'owner', ask: `${who}, as the register names them${meHint}`, optional: false };
  const target: Question = {
    field: 'targetDate',
    ask: `${kind === 'risk' ? 'Target resolution date' : 'Target date'} (31/03/2027, Mar 2027; blank for none)`,
    optional: true,
    check: dateCheck,
  };
  const note: Question = { field: 'note', ask: 'A note for the Audit log (blank for none)', optional: true };
  if (kind === 'action') return [{ field: 'title', ask: 'The action', optional: false }, owner, target, note];
  return [
    { field: 'title', ask: 'Description of the risk', optional: false },
    owner,
    {
      field: 'impact',
      ask: `Impact (${levelWords('impact', scale)})`,
      optional: false,
      check: levelCheck('impact', scale),
    },
    {
      field: 'probability',
      ask: `Probability (${levelWords('probability', scale)})`,
      optional: false,
      check: levelCheck('probability', scale),
    },
    target,
    note,
  ];
}

/**
 * The console's stand-in for Slack's new-item form: it asks for the fields
 * one line at a time, checks each answer as it comes (a level the scale
 * lacks, a date that is not one) and asks again, and hands back the fields
 * the form would have. "cancel" stops it; "me" as the owner is the person
 * the console acts as.
 */
export class NewItemForm {
  readonly #questions: Question[];
  readonly #fields: NewItemFields;
  #at = 0;

  constructor(
    kind: 'risk' | 'action',
    scale: Scale,
    private readonly me: string | null,
  ) {
    this.#questions = questions(kind, scale, me);
    this.#fields = { kind, title: '', owner: '' };
  }

  /** The first question, with how to stop. */
  start(): string {
    const what = this.#fields.kind === 'risk' ? 'a risk' : 'an action';
    return `Adding ${what}: answer each question (type "cancel" to stop).\n${this.#ask()}`;
  }

  answer(line: string): FormStep {
    const text = line.trim();
    if (/^cancel$/i.test(text)) return { kind: 'cancelled', text: 'Cancelled: nothing was added.' };
    const question = this.#questions[this.#at]!;
    if (text === '' && !question.optional) return { kind: 'ask', text: `This one is needed. ${this.#ask()}` };
    const value = question.field === 'owner' && /^me$/i.test(text) && this.me !== null ? this.me : text;
    const problem = value === '' ? null : (question.check?.(value) ?? null);
    if (problem !== null) return { kind: 'ask', text: `${problem}. ${this.#ask()}` };
    if (value !== '') this.#fields[question.field] = value;
    this.#at++;
    return this.#at < this.#questions.length
      ? { kind: 'ask', text: this.#ask() }
      : { kind: 'done', fields: this.#fields };
  }

  #ask(): string {
    return `${this.#questions[this.#at]!.ask}?`;
  }
}
