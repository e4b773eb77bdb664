import type { SlackDeps } from './slack-deps.js';

/**
 * The listeners' deps for acting on one board's register: its store and
 * scale, and the board first in the settings, so its channel is the one
 * told of a change. The bot's first board when the board is not given or
 * not known (a button or form from before boards were named).
 */
export function onBoard(deps: SlackDeps, boardId: string | null | undefined): SlackDeps {
  const chosen = deps.boards?.find((context) => context.board.id === boardId);
  if (chosen === undefined) return deps;
  if (chosen === deps.boards?.[0]) return chosen.actors ? { ...deps, actors: chosen.actors } : deps;
  return {
    ...deps,
    store: chosen.store,
    settings: {
      ...deps.settings,
      scale: chosen.board.scale,
      boards: [chosen.board, ...deps.settings.boards.filter((board) => board.id !== chosen.board.id)],
    },
    // `/risk digest` posts the bot's first board's digest: on another board it is shown to the asker.
    postDigest: undefined,
    ...(chosen.actors ? { actors: chosen.actors } : {}),
  };
}

/** The board whose channel a command or message came from; undefined elsewhere (a DM, another channel). */
export function boardOfChannel(deps: SlackDeps, channel: string | undefined): string | undefined {
  return channel === undefined
    ? undefined
    : deps.boards?.find((context) => context.board.channel === channel)?.board.id;
}
