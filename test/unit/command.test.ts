import { describe, expect, it } from 'vitest';
import { parseCommand, usageFor, usageLine } from '../../src/domain/commands/command.js';
import type { Command, CommandTarget } from '../../src/domain/commands/command-types.js';

type Reads = [behaviour: string, target: CommandTarget, text: string, command: Command];

const FIELDS_PROBLEM = 'fields are impact, probability, status, trend, progress, target date, owner, note';

function update(
  id: string,
  changes: Array<[Extract<Command, { kind: 'update' }>['changes'][number]['field'], string]>,
  note: string | null = null,
): Command {
  return { kind: 'update', id, changes: changes.map(([field, value]) => ({ field, value })), note };
}

const subCommands: Reads[] = [
  ['when there is no text at all, opens the modal', 'risk', '', { kind: 'modal' }],
  [
    'when the text is only spaces, tabs and non-breaking spaces, opens the modal',
    'action',
    ' \t\u00a0 ',
    { kind: 'modal' },
  ],
  ['"help" gives help', 'risk', 'help', { kind: 'help' }],
  ['"?" gives help', 'action', '?', { kind: 'help' }],
  ['"HELP" in capitals gives help', 'risk', 'HELP', { kind: 'help' }],
  ['help ignores what follows it', 'risk', 'help update', { kind: 'help' }],
  ['"new" asks for a new item', 'risk', 'new', { kind: 'new' }],
  ['"add" is new', 'action', 'add', { kind: 'new' }],
  ['"create" is new', 'action', 'Create', { kind: 'new' }],
  ['"digest" asks for the digest', 'risk', 'digest', { kind: 'digest' }],
  ['"show" with an ID shows it', 'risk', 'show R-3', { kind: 'show', id: 'R-3' }],
  ['"view" is show', 'risk', 'view R-7', { kind: 'show', id: 'R-7' }],
  ['"get" is show', 'action', 'GET a-12', { kind: 'show', id: 'A-12' }],
  ['an ID on its own shows it', 'risk', 'R-7', { kind: 'show', id: 'R-7' }],
  ['a spaced ID on its own shows it', 'action', 'a 4', { kind: 'show', id: 'A-4' }],
  ['"ls" is list', 'action', 'ls', { kind: 'list', filter: { type: 'all' } }],
  ['"set" is update', 'risk', 'set R-3 impact 2', update('R-3', [['impact', '2']])],
  ['"edit" is update', 'risk', 'Edit R-3 probability 1', update('R-3', [['probability', '1']])],
  ['"complete" is done', 'action', 'complete A-4', { kind: 'done', id: 'A-4', note: null }],
  ['"finish" is done', 'action', 'finish A-4', { kind: 'done', id: 'A-4', note: null }],
  ['"closed" is close', 'risk', 'closed R-3', { kind: 'close', id: 'R-3', note: null }],
];

const ids: Reads[] = [
  ['"r3" is R-3', 'risk', 'show r3', { kind: 'show', id: 'R-3' }],
  ['"R3" is R-3', 'risk', 'show R3', { kind: 'show', id: 'R-3' }],
  ['"R 3" (two words) is R-3', 'risk', 'show R 3', { kind: 'show', id: 'R-3' }],
  ['"r - 3" (three words) is R-3', 'risk', 'show r - 3', { kind: 'show', id: 'R-3' }],
  ['"R- 3" is R-3', 'risk', 'show R- 3', { kind: 'show', id: 'R-3' }],
  ['"R -3" is R-3', 'risk', 'show R -3', { kind: 'show', id: 'R-3' }],
  ['"R-03" loses its leading zero', 'risk', 'show R-03', { kind: 'show', id: 'R-3' }],
  ['a bare number is a risk for /risk', 'risk', 'show 3', { kind: 'show', id: 'R-3' }],
  ['a bare number is an action for /action', 'action', 'show 4', { kind: 'show', id: 'A-4' }],
  ['"#4" is a bare number', 'action', 'done #4', { kind: 'done', id: 'A-4', note: null }],
  ['an action ID given to /risk is kept for the caller to judge', 'risk', 'show A-4', { kind: 'show', id: 'A-4' }],
  ['a numbered plan ID like "IP-2.1" is kept', 'action', 'show ip-2.1', { kind: 'show', id: 'IP-2.1' }],
  [
    'a trailing colon after the ID is ignored',
    'action',
    'done A-4: "all signed"',
    { kind: 'done', id: 'A-4', note: 'all signed' },
  ],
  [
    'a two-word ID is followed by single-letter field names',
    'risk',
    'update R 3 i 3 p 2',
    update('R-3', [
      ['impact', '3'],
      ['probability', '2'],
    ]),
  ],
];

const updates: Reads[] = [
  [
    'a value runs until the next field name, and note goes apart',
    'action',
    'update A-4 status in progress progress 40 note "waiting on LPT"',
    update(
      'A-4',
      [
        ['status', 'in progress'],
        ['progress', '40'],
      ],
      'waiting on LPT',
    ),
  ],
  [
    'impact and probability',
    'risk',
    'update R-3 impact 3 probability 2',
    update('R-3', [
      ['impact', '3'],
      ['probability', '2'],
    ]),
  ],
  [
    '"consequence" is impact and "likelihood" is probability',
    'risk',
    'update R-3 consequence high likelihood almost certain',
    update('R-3', [
      ['impact', 'high'],
      ['probability', 'almost certain'],
    ]),
  ],
  ['"severity" is impact', 'risk', 'update R-3 severity 2', update('R-3', [['impact', '2']])],
  [
    'field names are case-insensitive',
    'risk',
    'UPDATE R-3 Impact 3 PROBABILITY 1',
    update('R-3', [
      ['impact', '3'],
      ['probability', '1'],
    ]),
  ],
  ['trend', 'risk', 'update R-3 trend no change', update('R-3', [['trend', 'no change']])],
  [
    '"target date" gives a raw target date',
    'risk',
    'update R-3 target date 31/03/2027',
    update('R-3', [['targetDate', '31/03/2027']]),
  ],
  [
    '"due" gives a raw target date of several words',
    'risk',
    'update R-3 due end of March 2027',
    update('R-3', [['targetDate', 'end of March 2027']]),
  ],
  ['"deadline" is target date', 'action', 'update A-4 deadline Dec 2026', update('A-4', [['targetDate', 'Dec 2026']])],
  ['"timescale" is target date', 'action', 'update A-4 timescale 2026/27', update('A-4', [['targetDate', '2026/27']])],
  ['"due date" is target date', 'action', 'update A-4 due date 1.4.27', update('A-4', [['targetDate', '1.4.27']])],
  [
    '"target" alone is target date',
    'action',
    'update A-4 target Mar - June 27',
    update('A-4', [['targetDate', 'Mar - June 27']]),
  ],
  [
    '"date" alone is target date',
    'action',
    'update A-4 date 31st March 2027',
    update('A-4', [['targetDate', '31st March 2027']]),
  ],
  [
    '"target resolution date", as on the risk log, is target date',
    'risk',
    'update R-3 target resolution date 31/12/2026',
    update('R-3', [['targetDate', '31/12/2026']]),
  ],
  [
    '"targetDate" in one word is target date',
    'risk',
    'update R-3 targetDate 2027-03-31',
    update('R-3', [['targetDate', '2027-03-31']]),
  ],
  ['"progress%" is progress', 'action', 'update A-4 progress% 55', update('A-4', [['progress', '55']])],
  ['"%" is progress', 'action', 'update A-4 % 55', update('A-4', [['progress', '55']])],
  ['"percent" is progress', 'action', 'update A-4 percent 55', update('A-4', [['progress', '55']])],
  [
    '"40 percent" after progress is its unit, not another field',
    'action',
    'update A-4 progress 40 percent status blocked',
    update('A-4', [
      ['progress', '40%'],
      ['status', 'blocked'],
    ]),
  ],
  ['"40 %" after progress is its unit', 'action', 'update A-4 progress 40 %', update('A-4', [['progress', '40%']])],
  [
    'an owner of several words',
    'action',
    'update A-4 owner Dir of Commissioning',
    update('A-4', [['owner', 'Dir of Commissioning']]),
  ],
  [
    '"lead" ending an owner\'s name stays in the name',
    'action',
    'update A-4 lead housing lead',
    update('A-4', [['owner', 'housing lead']]),
  ],
  [
    '"lead" starting an owner\'s name stays in the name',
    'action',
    'update A-4 owner Lead Commissioner (PCT) status open',
    update('A-4', [
      ['owner', 'Lead Commissioner (PCT)'],
      ['status', 'open'],
    ]),
  ],
  [
    '"lead" inside a name followed by another field stays in the name',
    'action',
    'update A-4 owner housing lead progress 10',
    update('A-4', [
      ['owner', 'housing lead'],
      ['progress', '10'],
    ]),
  ],
  [
    '"assignee" is owner',
    'action',
    'update A-4 assignee Head of Workforce Development',
    update('A-4', [['owner', 'Head of Workforce Development']]),
  ],
  [
    '"field=value" works',
    'risk',
    'update R-3 impact=3 probability=2',
    update('R-3', [
      ['impact', '3'],
      ['probability', '2'],
    ]),
  ],
  [
    '"field: value" works',
    'action',
    'update A-4 status: blocked progress: 20',
    update('A-4', [
      ['status', 'blocked'],
      ['progress', '20'],
    ]),
  ],
  [
    '"field = value" with spaces works',
    'action',
    'update A-4 status = blocked',
    update('A-4', [['status', 'blocked']]),
  ],
  ['"field:value" with no space works', 'risk', 'update R-3 p:2', update('R-3', [['probability', '2']])],
  [
    '"target date: …" works',
    'risk',
    'update R-3 target date: 30/06/2027',
    update('R-3', [['targetDate', '30/06/2027']]),
  ],
  [
    'a quoted value can hold field names',
    'action',
    'update A-4 owner "Programme lead for progress" status done',
    update('A-4', [
      ['owner', 'Programme lead for progress'],
      ['status', 'done'],
    ]),
  ],
  [
    'a value quoted straight after "="',
    'action',
    'update A-4 status="in progress"',
    update('A-4', [['status', 'in progress']]),
  ],
  [
    'a value in single quotes',
    'action',
    "update A-4 owner 'housing lead' progress 5",
    update('A-4', [
      ['owner', 'housing lead'],
      ['progress', '5'],
    ]),
  ],
  [
    "a value in Slack's smart double quotes",
    'action',
    'update A-4 status \u201cin progress\u201d note \u201cLPT slow\u201d',
    update('A-4', [['status', 'in progress']], 'LPT slow'),
  ],
  [
    'a value in smart single quotes, with an apostrophe inside',
    'action',
    'update A-4 note \u2018LPT\u2019s reply due\u2019 status blocked',
    update('A-4', [['status', 'blocked']], 'LPT\u2019s reply due'),
  ],
  [
    'an apostrophe inside a word is not a quote',
    'action',
    "update A-4 owner O'Brien status open",
    update('A-4', [
      ['owner', "O'Brien"],
      ['status', 'open'],
    ]),
  ],
  [
    'an unquoted note runs to the end, field names and all',
    'action',
    'update A-4 status blocked note waiting on a date from the lead',
    update('A-4', [['status', 'blocked']], 'waiting on a date from the lead'),
  ],
  [
    '"comment" is a note',
    'risk',
    'update R-3 impact 2 comment funding agreed',
    update('R-3', [['impact', '2']], 'funding agreed'),
  ],
  [
    '"reason" is a note',
    'action',
    'update A-4 target date 30/06/2027 reason "provider withdrew"',
    update('A-4', [['targetDate', '30/06/2027']], 'provider withdrew'),
  ],
  [
    'a quoted note before the fields',
    'action',
    'update A-4 note "board agreed" progress 60',
    update('A-4', [['progress', '60']], 'board agreed'),
  ],
  ['a note alone is an update', 'action', 'update A-4 note "no news from LPT"', update('A-4', [], 'no news from LPT')],
  [
    '"note: …" keeps the note as typed',
    'risk',
    'update R-3 note: funding & staff <both> "short"',
    update('R-3', [], 'funding & staff <both> "short"'),
  ],
  [
    'a status that is itself a field word on its own is a value',
    'action',
    'update A-4 owner lead',
    update('A-4', [['owner', 'lead']]),
  ],
];

const lists: Reads[] = [
  ['no argument lists everything', 'risk', 'list', { kind: 'list', filter: { type: 'all' } }],
  ['"all" lists everything', 'risk', 'list all', { kind: 'list', filter: { type: 'all' } }],
  ['"mine" lists my items', 'action', 'list mine', { kind: 'list', filter: { type: 'mine' } }],
  ['"my" lists my items', 'action', 'list my', { kind: 'list', filter: { type: 'mine' } }],
  ['"my actions" lists my items', 'action', 'list my actions', { kind: 'list', filter: { type: 'mine' } }],
  ['"overdue" lists overdue items', 'action', 'list overdue', { kind: 'list', filter: { type: 'overdue' } }],
  ['"late" lists overdue items', 'action', 'list LATE', { kind: 'list', filter: { type: 'overdue' } }],
  [
    '"due" alone leaves the days to the caller',
    'action',
    'list due',
    { kind: 'list', filter: { type: 'due', days: null } },
  ],
  ['"due 14" is 14 days', 'action', 'list due 14', { kind: 'list', filter: { type: 'due', days: 14 } }],
  ['"due in 7 days" is 7 days', 'action', 'list due in 7 days', { kind: 'list', filter: { type: 'due', days: 7 } }],
  [
    '"due within the next 10 days" is 10 days',
    'action',
    'list due within the next 10 days',
    { kind: 'list', filter: { type: 'due', days: 10 } },
  ],
  ['"due this week" is 7 days', 'action', 'list due this week', { kind: 'list', filter: { type: 'due', days: 7 } }],
  ['"due in 2 weeks" is 14 days', 'action', 'list due in 2 weeks', { kind: 'list', filter: { type: 'due', days: 14 } }],
  ['"due 30d" is 30 days', 'action', 'list due 30d', { kind: 'list', filter: { type: 'due', days: 30 } }],
  ['"due in a week" is 7 days', 'action', 'list due in a week', { kind: 'list', filter: { type: 'due', days: 7 } }],
  ['"due next week" is 14 days', 'action', 'list due next week', { kind: 'list', filter: { type: 'due', days: 14 } }],
  [
    '"all overdue actions" lists overdue items',
    'action',
    'list all overdue actions',
    { kind: 'list', filter: { type: 'overdue' } },
  ],
  ['"risks" alone lists everything', 'risk', 'list risks', { kind: 'list', filter: { type: 'all' } }],
  [
    'a word that names a JavaScript property is an owner name like any other',
    'risk',
    'list constructor',
    { kind: 'list', filter: { type: 'owner', name: 'constructor' } },
  ],
  ['"due today" is 0 days', 'action', 'list due today', { kind: 'list', filter: { type: 'due', days: 0 } }],
  [
    "a Slack mention with a name lists that user's items",
    'action',
    'list <@U012ABC|maria>',
    { kind: 'list', filter: { type: 'slackUser', userId: 'U012ABC' } },
  ],
  [
    "a bare Slack mention lists that user's items",
    'risk',
    'list <@W0ABC12>',
    { kind: 'list', filter: { type: 'slackUser', userId: 'W0ABC12' } },
  ],
  [
    '"for" before a mention is ignored',
    'risk',
    'list for <@U012ABC>',
    { kind: 'list', filter: { type: 'slackUser', userId: 'U012ABC' } },
  ],
  [
    'any other words are an owner name, as typed',
    'action',
    'list housing lead',
    { kind: 'list', filter: { type: 'owner', name: 'housing lead' } },
  ],
  [
    'an owner name keeps its capitals',
    'risk',
    'list Dir of Commissioning',
    { kind: 'list', filter: { type: 'owner', name: 'Dir of Commissioning' } },
  ],
  [
    '"for" before an owner name is dropped',
    'action',
    'list for Head of Workforce Development',
    { kind: 'list', filter: { type: 'owner', name: 'Head of Workforce Development' } },
  ],
  [
    'a quoted owner name is taken without its quotes',
    'action',
    'list "Mental Health Lead"',
    { kind: 'list', filter: { type: 'owner', name: 'Mental Health Lead' } },
  ],
  [
    'an escaped ampersand in an owner name is unescaped',
    'action',
    'list Health &amp; Social Care',
    { kind: 'list', filter: { type: 'owner', name: 'Health & Social Care' } },
  ],
];

const finishing: Reads[] = [
  ['"done" with only an ID has no note', 'action', 'done A-4', { kind: 'done', id: 'A-4', note: null }],
  [
    '"done … note …" takes the note to the end',
    'action',
    'done A-4 note signed off by the board',
    { kind: 'done', id: 'A-4', note: 'signed off by the board' },
  ],
  [
    '"done" with a quoted note',
    'action',
    'done A-4 note "signed off"',
    { kind: 'done', id: 'A-4', note: 'signed off' },
  ],
  [
    '"done" with only a quoted text after the ID takes it as the note',
    'action',
    'done A-4 "signed off by the board"',
    { kind: 'done', id: 'A-4', note: 'signed off by the board' },
  ],
  [
    '"done" with smart quotes',
    'action',
    'done a4 \u201cdone at JCB\u201d',
    { kind: 'done', id: 'A-4', note: 'done at JCB' },
  ],
  [
    '"close" with a note',
    'risk',
    'close R-3 note funding confirmed',
    { kind: 'close', id: 'R-3', note: 'funding confirmed' },
  ],
  [
    '"close" with "reason"',
    'risk',
    'close r 3 reason: no longer applies',
    { kind: 'close', id: 'R-3', note: 'no longer applies' },
  ],
  ['"close" with an empty quoted note has no note', 'risk', 'close R-3 ""', { kind: 'close', id: 'R-3', note: null }],
];

const slackText: Reads[] = [
  [
    'runs of spaces collapse inside values',
    'action',
    'update   A-4    owner   Dir   of  Commissioning',
    update('A-4', [['owner', 'Dir of Commissioning']]),
  ],
  ['tabs and newlines are spaces', 'risk', 'update\tR-3\nimpact\t3', update('R-3', [['impact', '3']])],
  ['non-breaking spaces are spaces', 'risk', 'show\u00a0R\u00a03', { kind: 'show', id: 'R-3' }],
  ['control characters are spaces', 'risk', 'show\u0007R-3\u0000', { kind: 'show', id: 'R-3' }],
  ['&lt; and &gt; are unescaped', 'risk', 'update R-3 note risk &lt;high&gt;', update('R-3', [], 'risk <high>')],
  ['"&amp;lt;" unescapes once, to "&lt;"', 'risk', 'update R-3 note a &amp;lt; b', update('R-3', [], 'a &lt; b')],
  ['leading and trailing spaces are trimmed', 'action', '   show A-4   ', { kind: 'show', id: 'A-4' }],
];

describe('parseCommand reads the text after /risk and /action', () => {
  describe.each([
    ['sub-commands and their synonyms', subCommands],
    ['IDs, however they are written', ids],
    ['updates', updates],
    ['list filters', lists],
    ['done and close', finishing],
    ['text as Slack sends it', slackText],
  ] as const)('%s', (_group, cases) => {
    it.each(cases)('%s', (_behaviour, target, text, command) => {
      expect(parseCommand(target, text)).toEqual({ ok: true, command });
    });
  });
});

type Refuses = [
  behaviour: string,
  target: CommandTarget,
  text: string,
  problem: string,
  usage: 'all' | 'show' | 'list' | 'update' | 'done' | 'close' | 'new' | 'digest',
];

const refusals: Refuses[] = [
  ['an unknown command is named', 'risk', 'frobnicate R-3', 'Unknown command "frobnicate"', 'all'],
  [
    'a word that names a JavaScript property is no command',
    'risk',
    'constructor',
    'Unknown command "constructor"',
    'all',
  ],
  [
    'a word that names a JavaScript property is no field',
    'risk',
    'update R-3 __proto__ 3',
    'I don\'t know the field "__proto__"',
    'update',
  ],
  [
    'a very long unknown word is cut short in the problem',
    'risk',
    'x'.repeat(500),
    `Unknown command "${'x'.repeat(40)}…"`,
    'all',
  ],
  ['a quoted first word is not a command', 'risk', '"show" R-3', 'Unknown command', 'all'],
  ['show without an ID asks which risk', 'risk', 'show', 'Which risk? Give an ID like R-3', 'show'],
  ['show without an ID asks which action', 'action', 'show', 'Which action? Give an ID like A-4', 'show'],
  ['show with two IDs takes one', 'risk', 'show R-3 R-4', '"show" takes one ID, like /risk show R-3', 'show'],
  [
    'show with a word that is no ID names the word',
    'risk',
    'show flooding',
    '"flooding" isn\'t an ID. Which risk?',
    'show',
  ],
  ['update without an ID asks which', 'action', 'update', 'Which action? Give an ID like A-4', 'update'],
  ['update that starts with a field has no ID', 'risk', 'update impact 3', '"impact" isn\'t an ID', 'update'],
  ['update with no fields says there is nothing to change', 'risk', 'update R-3', 'Nothing to change', 'update'],
  [
    'an unknown field is named, with the fields',
    'risk',
    'update R-3 colour red',
    `I don't know the field "colour"; ${FIELDS_PROBLEM}`,
    'update',
  ],
  [
    'an unknown field written with "=" is named without the value',
    'risk',
    'update R-3 colour=red',
    'the field "colour"',
    'update',
  ],
  [
    'a field at the end without a value is named',
    'risk',
    'update R-3 impact 3 probability',
    '"probability" needs a value',
    'update',
  ],
  [
    'a field with only a field after it is named',
    'action',
    'update A-4 status progress 40',
    '"status" needs a value',
    'update',
  ],
  ['a field with an empty quoted value is named', 'action', 'update A-4 status ""', '"status" needs a value', 'update'],
  ['"field:" with nothing after it is named', 'action', 'update A-4 note:', '"note" needs a value', 'update'],
  [
    'the same field twice is refused',
    'action',
    'update A-4 status blocked status done',
    'You gave status twice; give each field once',
    'update',
  ],
  [
    'the same field by two names is refused, naming both',
    'risk',
    'update R-3 impact 3 severity 2',
    'You gave impact twice ("impact" and "severity")',
    'update',
  ],
  ['two notes are refused', 'action', 'update A-4 note "a" comment "b"', 'You gave note twice', 'update'],
  [
    'a quoted value without a field asks which field',
    'action',
    'update A-4 "in progress"',
    'Which field is "in progress" for?',
    'update',
  ],
  [
    'done with words after the ID but no note',
    'action',
    'done A-4 because the board said so',
    'After the ID, "done" takes only a note',
    'done',
  ],
  ['done without an ID asks which', 'action', 'done', 'Which action?', 'done'],
  ['close with a note field but no note', 'risk', 'close R-3 note', '"note" needs a value', 'close'],
  ['close with text after a quoted note', 'risk', 'close R-3 "x" y', 'takes only a note', 'close'],
  [
    'due with words that are no number of days',
    'action',
    'list due next blue moon',
    'I can\'t read "due next blue moon"',
    'list',
  ],
  ['a mention mixed with other words', 'action', 'list <@U012ABC> overdue', 'give only them', 'list'],
  ['new with text after it', 'risk', 'new Loss of funding', '"new" takes nothing after it', 'new'],
  ['digest with text after it', 'risk', 'digest now please', '"digest" takes nothing after it', 'digest'],
  [
    'text over 10,000 characters',
    'action',
    `update A-4 note ${'x'.repeat(10_000)}`,
    'keep a command under 10,000',
    'all',
  ],
];

describe('parseCommand explains what it cannot read', () => {
  it.each(refusals)('%s', (_behaviour, target, text, problem, usage) => {
    const parse = parseCommand(target, text);
    expect(parse.ok).toBe(false);
    if (parse.ok) return;
    expect(parse.problem).toContain(problem);
    expect(parse.usage).toBe(usage === 'all' ? usageFor(target) : usageLine(target, usage));
  });

  it('a needs-a-value problem shows the field with an example value', () => {
    expect(parseCommand('risk', 'update R-9 probability')).toMatchObject({
      ok: false,
      problem: '"probability" needs a value, like /risk update R-9 probability 2',
    });
  });

  it('text at exactly 10,000 characters is still read', () => {
    const text = `update A-4 note ${'x'.repeat(10_000 - 'update A-4 note '.length)}`;
    expect(parseCommand('action', text)).toMatchObject({ ok: true, command: { kind: 'update', id: 'A-4' } });
  });

  // Speed belongs in bench/; this checks a hostile run of quote characters still gets an answer.
  it('a long run of quotes, equals signs and colons gets an answer, not a crash', () => {
    const text = `update R-3 impact ${'"=:\u201c'.repeat(2_000)}`;
    expect(typeof parseCommand('risk', text).ok).toBe('boolean');
  });
});

describe('usageFor', () => {
  it.each(['risk', 'action'] as const)('for /%s, names every sub-command, one line each', (target) => {
    const usage = usageFor(target);
    for (const verb of ['show', 'list', 'update', 'done', 'close', 'new', 'digest', 'help']) {
      expect(usage.split('\n').filter((line) => line.startsWith(`/${target} ${verb} `))).toHaveLength(1);
    }
    expect(usage).toContain('Fields: impact, probability, status, trend, progress, target date, owner, note');
  });

  it.each(['risk', 'action'] as const)('for /%s, every example it gives parses', (target) => {
    const examples = usageFor(target)
      .split('\n')
      .flatMap((line) => {
        const at = line.indexOf('e.g. ');
        return at === -1 ? [] : [line.slice(at + 'e.g. '.length)];
      });
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      expect(parseCommand(target, example.slice(`/${target} `.length)), example).toMatchObject({ ok: true });
    }
  });
});

describe('a quoted note that holds quotes itself', () => {
  it('runs to the last quote, so a formula-looking note is kept whole (and stored as text)', () => {
    const parsed = parseCommand('action', 'update A-17 note "=HYPERLINK("https://evil.example","click")"');
    expect(parsed).toMatchObject({
      ok: true,
      command: { kind: 'update', note: '=HYPERLINK("https://evil.example","click")' },
    });
  });

  it('a quoted note followed by another field still ends at its own quote', () => {
    const parsed = parseCommand('action', 'update A-17 note "waiting on LPT" progress 40');
    expect(parsed).toMatchObject({
      ok: true,
      command: { note: 'waiting on LPT', changes: [{ field: 'progress', value: '40' }] },
    });
  });

  it('joiners inside emoji and words are kept; stray ones are dropped', () => {
    const parsed = parseCommand('action', 'update A-17 note "family 👩\u200d👧 and می\u200cخواهم" \u200d');
    expect(parsed).toMatchObject({ ok: true, command: { note: 'family 👩\u200d👧 and می\u200cخواهم' } });
  });
});
