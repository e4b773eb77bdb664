import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isInPeople, itemsOfPerson } from '../../../../domain/items/item-filters.js';
import { homeMessage } from '../../../../messages/home-message.js';
import { loadRegister } from '../../../../use-cases/load-register.js';
import type { SlackDeps } from '../../slack-deps.js';
import { homeView } from '../../views/home-view.js';

/** Publishes a user's App Home from the register as it is now. */
export async function publishHome(deps: SlackDeps, client: WebClient, userId: string): Promise<void> {
  const today = deps.today(deps.clock());
  const boards = deps.boards ?? [{ board: deps.settings.boards[0]!, store: deps.store }];
  const [registers, actor] = await Promise.all([
    // Each board's register read on its own scale.
    Promise.all(
      boards.map((context) => loadRegister(context.store, { ...deps.settings, scale: context.board.scale }, today)),
    ),
    deps.actors.actor(userId, client),
  ]);
  const [first, ...others] = registers;
  const items = isInPeople(first!, actor) ? itemsOfPerson(first!, null, actor) : null;
  const message = homeMessage({
    items,
    today,
    source: first!.source,
    ...(deps.boards ? { board: boards[0]!.board.id } : {}),
    otherBoards: others.map((register, i) => ({
      board: boards[i + 1]!.board.id,
      name: boards[i + 1]!.board.name,
      items: isInPeople(register, actor) ? itemsOfPerson(register, null, actor) : [],
    })),
  });
  await client.views.publish({ user_id: userId, view: homeView(message) });
}

/** The App Home, refreshed each time its owner opens it. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    // A Home opened by no one (not something Slack sends) has no one to publish to.
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    try {
      await publishHome(deps, client, event.user);
    } catch (error) {
      deps.log(`app home for ${event.user}: ${(error as Error).stack ?? String(error)}`);
    }
  });
}
