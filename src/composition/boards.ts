import { SheetsRegisterStore } from '../adapters/sheets/sheets-store.js';
import { ActorDirectory, boardActors } from '../adapters/slack/actor-directory.js';
import type { BoardContext } from '../adapters/slack/slack-deps.js';
import type { Env } from '../config/env.js';
import { type Settings, SettingsError } from '../config/settings.js';
import type { RegisterStore } from '../ports/register-store.js';
import { openSheetsApi } from './open-store.js';

/** The settings with the environment's say: DIGEST_CHANNEL sets the default board's channel, as REGISTER_SHEET_ID sets its sheet. */
export function withEnvironment(settings: Settings, env: Env): Settings {
  if (env.DIGEST_CHANNEL === undefined) return settings;
  const [first, ...rest] = settings.boards;
  return { ...settings, boards: [{ ...first!, channel: env.DIGEST_CHANNEL }, ...rest] };
}

/**
 * Each board's register: the first board's is the one the bot was started
 * on (workbook, sheet or sample); every other board needs its own sheet.
 */
export function boardStores(settings: Settings, env: Env, defaultStore: RegisterStore): Map<string, RegisterStore> {
  const stores = new Map<string, RegisterStore>();
  const problems: string[] = [];
  settings.boards.forEach((board, i) => {
    // With several boards, each posts its own digest: one without a channel would be silent.
    if (settings.boards.length > 1 && !board.channel)
      problems.push(
        `boards[${i}].channel: board "${board.name}" has no channel, so its digest cannot be posted: give it its channel's ID`,
      );
    if (i === 0) stores.set(board.id, defaultStore);
    else if (board.sheetId === null)
      problems.push(
        `boards[${i}].sheetId: board "${board.name}" needs its own Google Sheet (only the first board can use the default register)`,
      );
    else
      stores.set(
        board.id,
        new SheetsRegisterStore({
          api: openSheetsApi(board.sheetId, env, settings),
          tabs: settings.tabs,
          readCacheMs: settings.googleSheets.readCacheSeconds * 1000,
        }),
      );
  });
  if (problems.length > 0) throw new SettingsError(problems, 'settings');
  return stores;
}

/**
 * The boards as the Slack app serves them: each board's settings and
 * register, and, for a board with its own programme office, who is in it
 * (its members as well as the office across all boards).
 */
export function slackBoards(
  settings: Settings,
  stores: ReadonlyMap<string, RegisterStore>,
  actors: Pick<ActorDirectory, 'actor'>,
): BoardContext[] {
  return settings.boards.map((board) => ({
    board,
    store: stores.get(board.id)!,
    ...(board.programmeOffice
      ? { actors: boardActors(actors, new ActorDirectory({ programmeOffice: board.programmeOffice })) }
      : {}),
  }));
}

/**
 * Each board's sheet read once at start-up, so a sheet ID that names no sheet
 * (or one not shared with the bot) is named with its board now, not at the
 * first digest. Logged, not fatal: Google may be briefly away at start.
 */
export async function checkBoardSheets(
  settings: Settings,
  stores: ReadonlyMap<string, RegisterStore>,
  log: (line: string) => void,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, board] of settings.boards.entries()) {
    const store = stores.get(board.id);
    if (store === undefined || i === 0) continue;
    try {
      await store.load();
    } catch (error) {
      problems.push(
        `boards[${i}].sheetId: board "${board.name}"'s sheet ${board.sheetId} cannot be read: ${(error as Error).message}`,
      );
    }
  }
  for (const problem of problems) log(`start-up: ${problem}`);
  return problems;
}
