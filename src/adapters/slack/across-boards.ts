import { parseCommand } from '../../domain/commands/command.js';
import { underBoards } from '../../messages/boards-message.js';
import type { Message } from '../../messages/message.js';
import { type AskInput, askQuestion } from '../../use-cases/answer-question.js';
import { type CommandInput, type CommandReply, handleCommand } from '../../use-cases/handle-command.js';
import { boardOfChannel, boardQualified, boardsHolding, onBoard } from './board-deps.js';
import type { SlackDeps } from './slack-deps.js';

/** Several boards, and no board named: a read goes to every board's register. */
const readsEveryBoard = (deps: SlackDeps, board: string | undefined) =>
  board === undefined && (deps.boards?.length ?? 0) > 1;

/**
 * The board a command is about: the one its ID names ("ld/R-3"), else the
 * board whose channel it came from; outside any board's channel, a change
 * goes to the board whose register holds the item, and when several do the
 * person is asked which. Undefined: the bot's first board (or, for list and
 * show, every board).
 */
export async function boardOfCommand(
  deps: SlackDeps,
  target: 'risk' | 'action',
  text: string,
  channel: string | undefined,
): Promise<{ board: string | undefined; text: string } | { ask: Message }> {
  const qualified = boardQualified(deps, text);
  if (qualified !== null) return qualified;
  const board = boardOfChannel(deps, channel);
  if (!readsEveryBoard(deps, board)) return { board, text };
  const parsed = parseCommand(target, text);
  const command = parsed.ok ? parsed.command : null;
  if (command === null || !('id' in command) || command.kind === 'show') return { board, text };
  const { id } = command;
  const holding = await boardsHolding(deps, id);
  if (holding.length < 2) return { board: holding[0], text };
  const line = `${id} is on ${holding.length} boards' registers: say which, as ${holding.map((each) => `${each}/${id}`).join(' or ')}, or use the board's channel. Nothing was changed.`;
  return { ask: { summary: line, parts: [{ type: 'section', line }] } };
}

/**
 * `list` and `show` outside any board's channel read every board, each
 * answer under its board's name; null for anything else (a change goes to
 * one board), or when a board's answer is not a plain reply.
 */
export async function commandAcrossBoards(
  deps: SlackDeps,
  board: string | undefined,
  input: CommandInput,
): Promise<Message | null> {
  if (!readsEveryBoard(deps, board) || !/^\s*(list|show)\b/i.test(input.text)) return null;
  const boards = deps.boards!;
  const replies: CommandReply[] = await Promise.all(
    boards.map((each) => handleCommand(onBoard(deps, each.board.id), input)),
  );
  const answers = replies.flatMap((reply, i) =>
    reply.kind === 'reply' ? [{ board: boards[i]!.board.name, message: reply.message }] : [],
  );
  return answers.length === boards.length ? underBoards(answers) : null;
}

/**
 * The answer from the register a question is about: a board-qualified ID's
 * ("show me ld/R-3") or the channel's board; elsewhere (a DM, another
 * channel), every board's, each under its name, so "what's overdue for me?"
 * covers all of a person's items.
 */
export async function questionAcrossBoards(
  deps: SlackDeps,
  asked: { text: string; channel: string },
  input: Omit<AskInput, 'text'>,
): Promise<Message> {
  const qualified = boardQualified(deps, asked.text);
  const question = { ...input, text: qualified?.text ?? asked.text };
  const board = qualified?.board ?? boardOfChannel(deps, asked.channel);
  if (!readsEveryBoard(deps, board)) return askQuestion(onBoard(deps, board), question);
  const boards = deps.boards!;
  const answers = await Promise.all(
    boards.map(async (each) => ({
      board: each.board.name,
      message: await askQuestion(onBoard(deps, each.board.id), question),
    })),
  );
  return underBoards(answers);
}
