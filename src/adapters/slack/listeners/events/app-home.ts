import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { homeMessage } from '../../../../messages/home-message.js';
import { homeContent } from '../../../../use-cases/home-content.js';
import type { SlackDeps } from '../../slack-deps.js';
import { homeView } from '../../views/home-view.js';

/** Publishes a user's App Home from the register as it is now. */
export async function publishHome(deps: SlackDeps, client: WebClient, userId: string): Promise<void> {
  const today = deps.today(deps.clock());
  const boards = deps.boards ?? [{ board: deps.settings.boards[0]!, store: deps.store }];
  const actor = await deps.actors.actor(userId, client);
  const content = await homeContent(boards, deps.settings, actor, today, deps.boards !== undefined);
  await client.views.publish({ user_id: userId, view: homeView(homeMessage(content)) });
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
