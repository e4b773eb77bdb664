import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { formatDate } from '../../../../domain/dates/calendar.js';
import { SNOOZE_DAYS } from '../../../../messages/item-buttons.js';
import { snoozeItem } from '../../../../use-cases/snooze-item.js';
import { updateItem } from '../../../../use-cases/update-item.js';
import { escapeMrkdwn } from '../../blocks/render-blocks.js';
import { onBoard } from '../../board-deps.js';
import { changeIdOf } from '../../delivery-dedupe.js';
import { IDS } from '../../ids.js';
import { replyingErrors } from '../../reply-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { newDateModal } from '../../views/new-date-modal.js';
import { updateModal } from '../../views/update-modal.js';
import { respondWith } from '../commands/item-command.js';
import { publishHome } from '../events/app-home.js';
import { type ButtonItem, buttonItem, buttonOrigin, settleButtons } from './button-context.js';

interface Press {
  item: ButtonItem;
  body: BlockAction;
  client: WebClient;
  respond: RespondFn;
  changeId: string | undefined;
}

type Work = (press: Press, deps: SlackDeps) => Promise<string | null>;

/**
 * A button on a reminder (or the App Home): acknowledged at once, then the
 * change made with the same use cases and permission check as the commands.
 * What it returns replaces the item's buttons in the message; a refusal or
 * error goes to the presser alone.
 */
function onButton(app: App, deps: SlackDeps, actionId: string, work: Work): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const item = buttonItem(action);
    if (item === null) {
      deps.log(`button ${actionId}: value not understood: ${JSON.stringify(String(action.value).slice(0, 80))}`);
      return;
    }
    await replyingErrors(
      (message) => respondWith(respond, message),
      deps.log,
      async () => {
        const line = await work(
          { item, body, client, respond, changeId: changeIdOf(context) },
          onBoard(deps, item.board),
        );
        if (line === null) return;
        // Pressed in the App Home: show the item's new state there; pressed on a message: say what was done in it.
        if (body.view?.type === 'home') await publishHome(deps, client, body.user.id);
        else
          await settleButtons(
            client,
            buttonOrigin(body),
            line,
            body.message as { text?: string; blocks?: Array<{ block_id?: string }> } | undefined,
          );
      },
    );
  });
}

async function change(
  press: Press,
  deps: SlackDeps,
  changes: Parameters<typeof updateItem>[1]['changes'],
  note: string | null,
) {
  const now = deps.clock();
  const actor = await deps.actors.actor(press.body.user.id, press.client);
  return updateItem(deps, {
    id: press.item.id,
    changes,
    note,
    actor,
    via: 'button',
    today: deps.today(now),
    now: now.toISOString(),
    changeId: press.changeId,
    // A button states the value wanted (done, reviewed): it applies to what the sheet holds when written.
    asOfWrite: true,
  });
}

const markDone: Work = async (press, deps) => {
  const { item } = await change(press, deps, [{ field: 'status', value: 'closed' }], null);
  return `:white_check_mark: ${escapeMrkdwn(item.id)} ${item.kind === 'risk' ? 'closed' : 'marked done'} by <@${press.body.user.id}>`;
};

const reviewed: Work = async (press, deps) => {
  const { item } = await change(press, deps, [], 'Reviewed: no change');
  return `:white_check_mark: ${escapeMrkdwn(item.id)} reviewed by <@${press.body.user.id}>, no change`;
};

const snooze: Work = async (press, deps) => {
  const now = deps.clock();
  const actor = await deps.actors.actor(press.body.user.id, press.client);
  const { item, until } = await snoozeItem(deps, {
    id: press.item.id,
    days: SNOOZE_DAYS,
    actor,
    via: 'button',
    today: deps.today(now),
    now: now.toISOString(),
    changeId: press.changeId,
  });
  return `:zzz: ${escapeMrkdwn(item.id)}: reminders snoozed until ${formatDate(until)} by <@${press.body.user.id}>`;
};

// Forms must open within three seconds of the press, so these read nothing first.
const openUpdate: Work = async (press) => {
  await press.client.views.open({
    trigger_id: press.body.trigger_id,
    view: updateModal(press.item.kind, press.item.id, press.item.board),
  });
  return null;
};

const openNewDate: Work = async (press, deps) => {
  await press.client.views.open({
    trigger_id: press.body.trigger_id,
    view: newDateModal(press.item, deps.today(deps.clock()), buttonOrigin(press.body), press.item.board),
  });
  return null;
};

export function registerItemButtons(app: App, deps: SlackDeps): void {
  onButton(app, deps, IDS.actions.done, markDone);
  onButton(app, deps, IDS.actions.reviewed, reviewed);
  onButton(app, deps, IDS.actions.snooze, snooze);
  onButton(app, deps, IDS.actions.update, openUpdate);
  onButton(app, deps, IDS.actions.newDate, openNewDate);
}
