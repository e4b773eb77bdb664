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
  const [register, actor] = await Promise.all([
    loadRegister(deps.store, deps.settings, today),
    deps.actors.actor(userId, client),
  ]);
  const items = isInPeople(register, actor) ? itemsOfPerson(register, null, actor) : null;
  // The viewer's items on every other board's register, each read on its board's scale.
  const otherBoards = await Promise.all(
    (deps.otherBoards ?? []).map(async (board) => {
      const theirs = await loadRegister(
        board.store,
        { ...deps.settings, scale: board.scale ?? deps.settings.scale },
        today,
      );
      return { board: board.name, items: isInPeople(theirs, actor) ? itemsOfPerson(theirs, null, actor) : [] };
    }),
  );
  const message = homeMessage({
    items,
    today,
    source: register.source,
    board: deps.settings.boards[0]?.name,
    otherBoards,
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
