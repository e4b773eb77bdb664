import type { Message } from './message.js';

/**
 * One answer from several boards' registers, each board's under its name; an
 * answer every board gives alike (help, a question not understood) once.
 */
export function underBoards(answers: ReadonlyArray<{ board: string; message: Message }>): Message {
  const [first] = answers;
  if (first === undefined) return { summary: '', parts: [] };
  if (answers.every(({ message }) => JSON.stringify(message) === JSON.stringify(first.message))) return first.message;
  return {
    summary: first.message.summary,
    parts: answers.flatMap(({ board, message }) => [{ type: 'header' as const, text: board }, ...message.parts]),
  };
}
