import { describe, expect, it } from 'vitest';
import { underBoards } from '../../src/messages/boards-message.js';
import type { Message } from '../../src/messages/message.js';

const said = (line: string): Message => ({ summary: line, parts: [{ type: 'section', line }] });

describe('an answer from several boards', () => {
  it("when the boards answer differently, then each board's answer comes under its name, in order", () => {
    expect(
      underBoards([
        { board: 'JCB', message: said('R - 3 is overdue') },
        { board: 'LD board', message: said('Nothing overdue.') },
      ]),
    ).toEqual({
      summary: 'R - 3 is overdue',
      parts: [
        { type: 'header', text: 'JCB' },
        { type: 'section', line: 'R - 3 is overdue' },
        { type: 'header', text: 'LD board' },
        { type: 'section', line: 'Nothing overdue.' },
      ],
    });
  });

  it('when every board gives the same answer (help, a question not understood), then it is given once', () => {
    const help = said('Ask me, in your own words');
    expect(
      underBoards([
        { board: 'JCB', message: help },
        { board: 'LD board', message: help },
      ]),
    ).toEqual(help);
  });
});
