import type { Board, Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { isInPeople, itemsOfPerson } from '../domain/items/item-filters.js';
import type { Actor } from '../domain/items/permissions.js';
import type { HomeContent } from '../messages/home-message.js';
import type { RegisterStore } from '../ports/register-store.js';
import { loadRegister } from './load-register.js';

/**
 * What a person's App Home shows: their open items on the first board's
 * register (null when its People tab does not list them), then on every
 * other board's, each read on its own scale. `named` says whether the
 * buttons name their board (they do when the bot serves several).
 */
export async function homeContent(
  boards: ReadonlyArray<{ board: Board; store: RegisterStore }>,
  settings: Pick<Settings, 'tabs' | 'planYear' | 'keeps'>,
  actor: Actor,
  today: IsoDate,
  named: boolean,
): Promise<HomeContent> {
  const registers = await Promise.all(
    boards.map((context) => loadRegister(context.store, { ...settings, scale: context.board.scale }, today)),
  );
  const [first, ...others] = registers;
  return {
    items: isInPeople(first!, actor) ? itemsOfPerson(first!, null, actor) : null,
    today,
    source: first!.source,
    ...(named ? { board: boards[0]!.board.id } : {}),
    otherBoards: others.map((register, i) => ({
      board: boards[i + 1]!.board.id,
      name: boards[i + 1]!.board.name,
      items: isInPeople(register, actor) ? itemsOfPerson(register, null, actor) : [],
    })),
  };
}
