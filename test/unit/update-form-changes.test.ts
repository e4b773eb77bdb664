import { describe, expect, it } from 'vitest';
import { parseCommand, parseItemId } from '../../src/domain/commands/command.js';
import { parseChanges } from '../../src/domain/commands/command-changes.js';

describe("the update form's Changes box, read without rebuilding a command", () => {
  it.each([
    ['risk', 'R-3', 'impact 3 probability 2'],
    ['action', 'A-4', 'status in progress progress 40 percent'],
    ['action', 'A-4', 'target date 31/03/2027 owner "Dir of Commissioning"'],
    ['risk', 'R-3', 'p:3 i=2 note waiting on "LPT" and more'],
  ] as const)(
    'when the box holds %s changes "%s", then they are read as the command reads them',
    (target, id, text) => {
      const command = parseCommand(target, `update ${id} ${text}`);
      expect(command.ok && command.command.kind === 'update').toBe(true);
      if (!command.ok || command.command.kind !== 'update') return;
      expect(parseChanges(target, id, text, false)).toEqual({
        ok: true,
        changes: command.command.changes,
        note: command.command.note,
      });
    },
  );

  it('when a note is typed in the box and in the note box, then it was given twice', () => {
    expect(parseChanges('action', 'A-17', 'note "from changes"', true)).toEqual({
      ok: false,
      problem: 'You gave note twice; give each field once',
    });
    expect(parseChanges('action', 'A-17', 'progress 5 comment from changes', true)).toEqual({
      ok: false,
      problem: 'You gave note twice ("comment" and "note"); give each field once',
    });
  });

  it('when only the note box is filled, then the change is the note alone', () => {
    expect(parseChanges('risk', 'R-1', '', true)).toEqual({ ok: true, changes: [], note: null });
  });

  it('when nothing is given, then it says what to type, as the command does', () => {
    expect(parseChanges('risk', 'R-1', '  ', false)).toEqual({
      ok: false,
      problem: 'Nothing to change: give a field and a value after R-1, like /risk update R-1 status closed',
    });
  });

  it("when a field is unknown or has no value, then the problem is the command's", () => {
    expect(parseChanges('risk', 'R-1', 'colour blue', false)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('I don\'t know the field "colour"'),
    });
    expect(parseChanges('risk', 'R-9', 'probability', false)).toEqual({
      ok: false,
      problem: '"probability" needs a value, like /risk update R-9 probability 2',
    });
  });

  it('when the box holds 100 KB, then it is refused by its length without being scanned', () => {
    expect(parseChanges('risk', 'R-1', `impact ${'9'.repeat(100_000)}`, false)).toEqual({
      ok: false,
      problem: 'That is 100,007 characters; keep a command under 10,000',
    });
  });
});

describe("the update form's ID box", () => {
  it('when the ID is written any way a command takes, then it is read', () => {
    expect(parseItemId('risk', 'r 3')).toEqual({ ok: true, id: 'R-3' });
    expect(parseItemId('action', '4')).toEqual({ ok: true, id: 'A-4' });
    expect(parseItemId('action', 'A-17\u0000\u001b')).toEqual({ ok: true, id: 'A-17' });
  });

  it('when the box holds something else, then it asks for an ID, quoting what was given', () => {
    expect(parseItemId('risk', '<!channel>')).toEqual({
      ok: false,
      problem: '"<!channel>" isn\'t an ID. Which risk? Give an ID like R-3',
    });
    expect(parseItemId('risk', 'R-3 impact 3')).toEqual({
      ok: false,
      problem: '"R-3 impact 3" isn\'t an ID. Which risk? Give an ID like R-3',
    });
    expect(parseItemId('action', '\u200b')).toEqual({ ok: false, problem: 'Which action? Give an ID like A-4' });
  });
});
