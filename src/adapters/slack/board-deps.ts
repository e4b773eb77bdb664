import { DomainError, isDomainError } from '../../domain/domain-error.js';
import { findItem } from '../../domain/items/find-item.js';
import { loadRegister } from '../../use-cases/load-register.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * The listeners' deps for acting on one board's register: its store and
 * scale, and the board first in the settings, so its channel is the one
 * told of a change. The bot's first board when no board is given (a button
 * or form from before boards were named); a board the bot no longer serves
 * is refused, never taken for the first board's item of the same ID.
 */
export function onBoard(deps: SlackDeps, boardId: string | null | undefined): SlackDeps {
  if (boardId === null || boardId === undefined || deps.boards === undefined) return deps;
  const chosen = deps.boards.find((context) => context.board.id === boardId);
  if (chosen === undefined)
    throw new DomainError(
      'item_not_found',
      `That is for the board "${boardId.slice(0, 60)}", which the bot no longer serves, so nothing was changed`,
      { board: boardId },
    );
  if (chosen === deps.boards?.[0]) return chosen.actors ? { ...deps, actors: chosen.actors } : deps;
  return {
    ...deps,
    store: chosen.store,
    settings: {
      ...deps.settings,
      scale: chosen.board.scale,
      boards: [chosen.board, ...deps.settings.boards.filter((board) => board.id !== chosen.board.id)],
    },
    // `/risk digest` posts this board's digest to its channel; without a way to post, it is shown to the asker.
    postDigest: chosen.postDigest,
    ...(chosen.actors ? { actors: chosen.actors } : {}),
  };
}

/** The board whose channel a command or message came from; undefined elsewhere (a DM, another channel). */
export function boardOfChannel(deps: SlackDeps, channel: string | undefined): string | undefined {
  return channel === undefined
    ? undefined
    : deps.boards?.find((context) => context.board.channel === channel)?.board.id;
}

/** A board ID written before an item ID ("ld/R-3", "JCB/R-3"), any case: the board and the text without it. */
export function boardQualified(deps: SlackDeps, text: string): { board: string; text: string } | null {
  for (const context of deps.boards ?? []) {
    const id = context.board.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|\\s)${id}/(?=\\S)`, 'i');
    if (pattern.test(text)) return { board: context.board.id, text: text.replace(pattern, '$1') };
  }
  return null;
}

/**
 * Where a change asked outside any board's channel goes: the board whose
 * register holds the item, when only one does; null when none does (the
 * first board's answer says so); the boards when several do, to be asked
 * which (a board-qualified ID, or the board's channel).
 */
export async function boardsHolding(deps: SlackDeps, id: string): Promise<string[]> {
  const today = deps.today(deps.clock());
  const holding: string[] = [];
  for (const context of deps.boards ?? []) {
    const register = await loadRegister(context.store, { ...deps.settings, scale: context.board.scale }, today);
    try {
      findItem(register, id);
      holding.push(context.board.id);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return holding;
}
