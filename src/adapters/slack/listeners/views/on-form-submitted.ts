import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { IsoDate } from '../../../../domain/cell.js';
import type { Actor } from '../../../../domain/items/permissions.js';
import type { Message } from '../../../../messages/message.js';
import { changeIdOf } from '../../delivery-dedupe.js';
import { postMessage } from '../../post-message.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { formMetadata, formText, UNREADABLE_FORM } from '../../views/form-state.js';

/** What a form's check found: what is wrong, by input block (shown on the form), or what to do. */
export type FormCheck<T> = { errors: Record<string, string> } | { input: T };

/** The form is sent back with these messages under its inputs. */
export const refuse = (errors: Record<string, string>): FormCheck<never> => ({ errors });
/** The form is accepted; `input` is what the work needs. */
export const proceed = <T>(input: T): FormCheck<T> => ({ input });

/** What the work after a form has to hand: who sent it, when, and a way to answer them. */
export interface FormContext {
  client: WebClient;
  userId: string;
  actor: Actor;
  now: Date;
  today: IsoDate;
  dm: (message: Message) => Promise<unknown>;
  /** The submission's change ID, for the Audit log (see delivery-dedupe.ts). */
  changeId: string | undefined;
}

export interface FormListener<M extends z.ZodType, T> {
  callbackId: string;
  /** What the app put in private_metadata when it opened the form. */
  metadata: M;
  /** The block that says so when the form cannot be read. */
  firstBlock: string;
  /** Checks the inputs without I/O (well inside Slack's three seconds). */
  check: (metadata: z.infer<M>, read: (block: string) => string, today: IsoDate) => FormCheck<T>;
  /** The change itself, after acknowledging; a failure is answered by direct message. */
  work: (input: T, context: FormContext) => Promise<void>;
}

/**
 * A form's submission: read and checked before acknowledging, so mistakes
 * (and a form the app cannot read) show on the form itself; then the work is
 * done and its result, or what went wrong, sent as a direct message.
 */
export function onFormSubmitted<M extends z.ZodType, T>(app: App, deps: SlackDeps, listener: FormListener<M, T>): void {
  app.view(listener.callbackId, async ({ ack, view, body, client, context }) => {
    const metadata = formMetadata(view.private_metadata, listener.metadata);
    const today = deps.today(deps.clock());
    const checked =
      metadata === null
        ? refuse({ [listener.firstBlock]: UNREADABLE_FORM })
        : listener.check(metadata, (block) => formText(view.state.values, block), today);
    if ('errors' in checked) {
      // Slack shows at most about 150 characters under an input.
      await ack({
        response_action: 'errors',
        errors: Object.fromEntries(Object.entries(checked.errors).map(([block, text]) => [block, text.slice(0, 150)])),
      });
      return;
    }
    await ack();
    const userId = body.user.id;
    const dm = (message: Message) => postMessage(client, userId, message);
    await replyingErrors(dm, deps.log, async () => {
      const now = deps.clock();
      const actor = await deps.actors.actor(userId, client);
      await listener.work(checked.input, { client, userId, actor, now, today, dm, changeId: changeIdOf(context) });
    });
  });
}
