import { describe, expect, it } from 'vitest';
import { matchOwners, ownersOfSlackUser, rankOwners, withinOneEdit } from '../../src/domain/questions/owner-match.js';
import {
  QUESTION_EXAMPLES,
  type Question,
  type QuestionKind,
  understandQuestion,
  type Who,
} from '../../src/domain/questions/question.js';
import { readTimes } from '../../src/domain/questions/question-dates.js';
import type { Person } from '../../src/domain/register/register.js';

// Monday 23 November 2026.
const today = '2026-11-23';

// The owner and lead cells of the sample register, as written there (seeds 000, 001 and 002), and one lead, Maria Santos, added for "@maria".
const ownerNames = [
  'Director of commissioning',
  'PCT Dir of ommissioning',
  'Lead Commissioner',
  'service manager',
  'PCT commissioner',
  'Head of workforce development',
  'head of contracts',
  'Dir of Commissioning',
  'PCT Dir of Commissioning',
  'lead commissioners',
  'PCT Commissioner',
  'head of workforce development',
  'Lead Commissioner (PCT)',
  'Lead commissioner',
  'Planning officer & ASC lead',
  'ASC lead/Planning officer',
  'ASC Lead & Housing lead',
  'Planning Officer',
  'Commissioning leads',
  'Transformation Group on Market Development',
  'Paul Absolon',
  'Sue Scamell',
  'D. Woodward',
  'D.Woodward/ Derek Seymour.',
  'D.Woodward',
  'L.kavanagh',
  'P. Absolon',
  'L.Kavanagh',
  "Head of Adult's Services",
  'Maria Santos',
];

// The People tab: owner names as written, each with a Slack user where one is known.
const people: Person[] = (
  [
    ['Director of commissioning', 'U0SAMPLE01'],
    ['Dir of Commissioning', 'U0SAMPLE01'],
    ['PCT Dir of Commissioning', 'U0SAMPLE02'],
    ['Lead Commissioner', 'U0SAMPLE03'],
    ['lead commissioners', 'U0SAMPLE03'],
    ['Commissioning leads', 'U0SAMPLE03'],
    ['Lead Commissioner (PCT)', 'U0SAMPLE04'],
    ['PCT Commissioner', 'U0SAMPLE04'],
    ['service manager', 'U0SAMPLE05'],
    ['head of workforce development', 'U0SAMPLE06'],
    ['ASC lead', 'U0SAMPLE07'],
    ['Planning officer', null],
    ['Housing lead', null],
    ['Transformation Group on Market Development', null],
    ['Paul Absolon', 'U0SAMPLE08'],
    ['P. Absolon', 'U0SAMPLE08'],
    ['Sue Scamell', 'U0SAMPLE09'],
    ['D. Woodward', 'U0SAMPLE10'],
    ['Derek Seymour', null],
    ['L.kavanagh', 'U0SAMPLE11'],
    ["Head of Adult's Services", 'U0SAMPLE12'],
    ['Maria Santos', 'U0MARIA'],
  ] as const
).map(([name, slackUser]) => ({ name, slackUser, email: null }));

// The asker is the ASC lead.
const context = { today, ownerNames, people, items: [], askerId: 'U0SAMPLE07' };
const ask = (text: string) => understandQuestion(text, context);

const ALL: Who = { type: 'all' };
const ME: Who = { type: 'me' };
const owner = (asked: string, ...names: string[]): Who => ({ type: 'owner', names, asked });
const overdue = (kind: QuestionKind, who: Who): Question => ({ intent: 'overdue', kind, who });
const due = (kind: QuestionKind, who: Who, until: string, label: string): Question => ({
  intent: 'due',
  kind,
  who,
  until,
  label,
});
const show = (id: string): Question => ({ intent: 'show', id });
const top = (count: number): Question => ({ intent: 'top', count });
const changes = (since: string, label: string): Question => ({ intent: 'changes', since, label });
const REVIEWS: Question = { intent: 'reviews' };
const HELP: Question = { intent: 'help' };

const HOUSING = ['Housing lead', 'ASC Lead & Housing lead'];
const DIRECTOR = ['Director of commissioning', 'Dir of Commissioning'];
const ASC = ['ASC lead', 'Planning officer & ASC lead', 'ASC lead/Planning officer', 'ASC Lead & Housing lead'];

const overdueQuestions: Array<[text: string, question: Question]> = [
  ["<@UBOT> what's overdue?", overdue('any', ALL)],
  ["hey <@UBOT>, what's overdue?", overdue('any', ALL)],
  ['whats overdue', overdue('any', ALL)],
  ['Anything overdue?', overdue('any', ALL)],
  ['overdue actions pls', overdue('action', ALL)],
  ['which risks are overdue?', overdue('risk', ALL)],
  ['any late actions? 👀', overdue('action', ALL)],
  ["what's running late :eyes:", overdue('any', ALL)],
  ['anything past its target date?', overdue('any', ALL)],
  ['_what\u2019s overdue?_', overdue('any', ALL)],
  ["wot's overdeu", overdue('any', ALL)],
  ["what's overdue for the housing lead?", overdue('any', owner('housing lead', ...HOUSING))],
  ['anything overdue for the housing lead?', overdue('any', owner('housing lead', ...HOUSING))],
  ['Whats overdue 4 the housing lead', overdue('any', owner('housing lead', ...HOUSING))],
  ['whats overdue for housng lead', overdue('any', owner('housng lead', ...HOUSING))],
  ['what is late for @maria', overdue('any', owner('@maria', 'Maria Santos'))],
  ["what's late for <@U0SAMPLE01>", overdue('any', owner('<@U0SAMPLE01>', ...DIRECTOR))],
  ['<@UBOT> overdue for <@U0SAMPLE08|paul>', overdue('any', owner('@paul', 'Paul Absolon', 'P. Absolon'))],
  ["what's overdue for <@U0SAMPLE07>", overdue('any', ME)],
  ['what have I got overdue?', overdue('any', ME)],
  ['my overdue actions', overdue('action', ME)],
  ['anything of mine late?', overdue('any', ME)],
  ['am I behind on anything', overdue('any', ME)],
  ["what's overdue for me", overdue('any', ME)],
  [
    'Dir of Commissioning overdue actions?',
    overdue('action', owner('Dir of Commissioning', 'Dir of Commissioning', 'Director of commissioning')),
  ],
  ["what's overdue for the director of commissioning", overdue('any', owner('director of commissioning', ...DIRECTOR))],
  ["what's overdue for Dir of Comm", overdue('any', owner('Dir of Comm', ...DIRECTOR))],
  [
    "can you show me what's late for the director of commissioning please",
    overdue('any', owner('director of commissioning', ...DIRECTOR)),
  ],
  ['is the ASC lead behind on anything?', overdue('any', owner('ASC lead', ...ASC))],
  ["any of L.kavanagh's actions late?", overdue('action', owner('L.kavanagh', 'L.kavanagh', 'L.Kavanagh'))],
  ['has paul absolon got anything overdue', overdue('any', owner('paul absolon', 'Paul Absolon', 'P. Absolon'))],
  [
    'overdue for D Woodward',
    overdue('any', owner('D Woodward', 'D. Woodward', 'D.Woodward', 'D.Woodward/ Derek Seymour.')),
  ],
  [
    'late actions for the head of workforce dev',
    overdue('action', owner('head of workforce dev', 'Head of workforce development', 'head of workforce development')),
  ],
  [
    'OVERDUE RISKS FOR LEAD COMMISSIONER',
    overdue('risk', owner('LEAD COMMISSIONER', 'Lead Commissioner', 'Lead commissioner', 'lead commissioners')),
  ],
  [
    'anything overdue for the planning officer?',
    overdue(
      'any',
      owner(
        'planning officer',
        'Planning Officer',
        'Planning officer',
        'Planning officer & ASC lead',
        'ASC lead/Planning officer',
      ),
    ),
  ],
  [
    "what's overdue for head of adults services",
    overdue('any', owner('head of adults services', "Head of Adult's Services")),
  ],
  ["what's overdue for paul and sue", overdue('any', owner('paul and sue', 'Paul Absolon', 'Sue Scamell'))],
  [
    "what's overdue for the housing lead and the ASC lead",
    overdue(
      'any',
      owner('housing lead and the ASC lead', 'ASC Lead & Housing lead', 'Housing lead', ...ASC.slice(0, 3)),
    ),
  ],
  ['what is overdue for Bob?', overdue('any', { type: 'unknownOwner', asked: 'Bob' })],
  ['overdue for <@U0NOBODY>', overdue('any', { type: 'unknownOwner', asked: '<@U0NOBODY>' })],
];

const dueQuestions: Array<[text: string, question: Question]> = [
  ["what's due this week?", due('any', ALL, '2026-11-29', 'this week')],
  ['which actions are due before Christmas', due('action', ALL, '2026-12-24', 'before Christmas')],
  ['anything due in the next 10 days?', due('any', ALL, '2026-12-03', 'in the next 10 days')],
  ['due in 10 days', due('any', ALL, '2026-12-03', 'in the next 10 days')],
  [
    "what's due next week for the housing lead",
    due('any', owner('housing lead', ...HOUSING), '2026-12-06', 'next week'),
  ],
  ['what have I got due tomorrow?', due('any', ME, '2026-11-24', 'tomorrow')],
  ['anything due today', due('any', ALL, '2026-11-23', 'today')],
  ['risks due by 31/03/2027', due('risk', ALL, '2027-03-31', 'by Wed, 31 Mar 2027')],
  ['actions due by end of March', due('action', ALL, '2027-03-31', 'by the end of March 2027')],
  ["what's due this month", due('any', ALL, '2026-11-30', 'this month')],
  ["what's due in december?", due('any', ALL, '2026-12-31', 'by the end of December 2026')],
  ["what's coming up?", due('any', ALL, '2026-12-07', 'in the next 14 days')],
  ['upcoming deadlines for Paul', due('any', owner('Paul', 'Paul Absolon'), '2026-12-07', 'in the next 14 days')],
  ['anything due before friday?', due('any', ALL, '2026-11-26', 'before Fri, 27 Nov 2026')],
  ["what's due by Friday for me", due('any', ME, '2026-11-27', 'by Fri, 27 Nov 2026')],
  ["what's due by next Friday", due('any', ALL, '2026-12-04', 'by Fri, 4 Dec 2026')],
  ['due in the next fortnight', due('any', ALL, '2026-12-07', 'in the next fortnight')],
  ['which tasks are due before the new year?', due('action', ALL, '2026-12-31', 'before the new year')],
  ['anything for me before xmas? 🎄', due('any', ME, '2026-12-24', 'before Christmas')],
  ['actions due by 15/12', due('action', ALL, '2026-12-15', 'by Tue, 15 Dec 2026')],
  ["what's due over the next couple of weeks", due('any', ALL, '2026-12-07', 'in the next 2 weeks')],
  ['due by year end', due('any', ALL, '2027-03-31', 'by the end of the financial year')],
  ['anything due in a 5 day window?', due('any', ALL, '2026-11-28', 'in the next 5 days')],
];

const showQuestions: Array<[text: string, question: Question]> = [
  ['show me R7', show('R-7')],
  ['what about A-12?', show('A-12')],
  ['R7?', show('R-7')],
  ['r 7', show('R-7')],
  ['tell me about risk 3', show('R-3')],
  ["How's action 4 going?", show('A-4')],
  ['<@UBOT> *R-07*', show('R-7')],
  ['status of a12 please', show('A-12')],
  ["what's the status of A 4", show('A-4')],
  ['any update on R - 7?', show('R-7')],
  ['is A-3 overdue?', show('A-3')],
];

const otherQuestions: Array<[text: string, question: Question]> = [
  ['top 5 risks', top(5)],
  ['top risks', top(5)],
  ['what are the biggest risks?', top(5)],
  ['worst 3 risks', top(3)],
  ['top ten risks please', top(10)],
  ['the 3 biggest risks', top(3)],
  ['🔥 Highest rated risks? 🔥', top(5)],
  ['give me the top 3', top(3)],
  ['reviews overdue', REVIEWS],
  ['which risks need reviewing?', REVIEWS],
  ['any stale risks?', REVIEWS],
  ["which risks haven't been updated in a month", REVIEWS],
  ['overdue reviews for the housing lead', REVIEWS],
  ['what changed this week?', changes('2026-11-16', 'this week')],
  ["what's changed since Monday", changes('2026-11-16', 'since Mon, 16 Nov 2026')],
  ['changes in the last 7 days', changes('2026-11-16', 'in the last 7 days')],
  ['anything new since friday?', changes('2026-11-20', 'since Fri, 20 Nov 2026')],
  ["what's new?", changes('2026-11-16', 'in the last 7 days')],
  ['any updates since 1 Nov', changes('2026-11-01', 'since Sun, 1 Nov 2026')],
  ['what happened yesterday', changes('2026-11-22', 'since yesterday')],
  ["what's changed this month", changes('2026-11-01', 'this month')],
  ['what did i miss this week', changes('2026-11-16', 'this week')],
  ['help', HELP],
  ['<@UBOT>', HELP],
  ['what can you do?', HELP],
  ['hi 👋', HELP],
  ['HELP!!', HELP],
];

describe('understandQuestion understands the ways people ask', () => {
  it.each(overdueQuestions)('overdue: "%s"', (text, question) => expect(ask(text)).toEqual(question));
  it.each(dueQuestions)('due: "%s"', (text, question) => expect(ask(text)).toEqual(question));
  it.each(showQuestions)('show: "%s"', (text, question) => expect(ask(text)).toEqual(question));
  it.each(otherQuestions)('"%s"', (text, question) => expect(ask(text)).toEqual(question));

  it('covers at least 60 phrasings', () => {
    expect(
      overdueQuestions.length + dueQuestions.length + showQuestions.length + otherQuestions.length,
    ).toBeGreaterThanOrEqual(60);
  });
});

const declined: Array<[text: string, reason: string]> = [
  ["what's the weather like in Leeds?", "Sorry, I didn't understand that."],
  ['tell me a joke', "Sorry, I didn't understand that."],
  ['which risks are increasing?', "Sorry, I didn't understand that."],
  ["what's blocked?", "Sorry, I didn't understand that."],
  ['how many risks are there', "Sorry, I didn't understand that."],
  ['what slipped more than once?', "Sorry, I didn't understand that."],
  ['asdfghjkl', "Sorry, I didn't understand that."],
  ['send the digest', "Sorry, I didn't understand that."],
  ['book a meeting room for friday', "Sorry, I didn't understand that."],
  ['close R7', "I can't change the register from chat"],
  ['please mark A-3 as done', '/action done A-3'],
  ['add a new risk about funding cuts', '/risk new'],
  ['R7 and A-12', 'I can show one item at a time: ask for R-7, then A-12.'],
  ["what's due by 31/02/2027", '"31/02/2027" is not a valid date: February 2027 has 28 days'],
  ['top 5 actions', 'I rank risks by their rating, not actions'],
];

const owned = (kind: QuestionKind, who: Who): Question => ({ intent: 'owned', kind, who });
const ownedQuestions: Array<[text: string, question: Question]> = [
  ['housing lead?', owned('any', owner('housing lead', ...HOUSING))],
  ['what does the housing lead own?', owned('any', owner('housing lead', ...HOUSING))],
  [
    'items for the Dir of Commissioning',
    owned('any', owner('Dir of Commissioning', 'Dir of Commissioning', 'Director of commissioning')),
  ],
  ["what's open for the ASC lead", owned('any', owner('ASC lead', ...ASC))],
  ['what actions is the housing lead working on?', owned('action', owner('housing lead', ...HOUSING))],
  ['what do I own', owned('any', ME)],
  ["what's on my plate?", owned('any', ME)],
  ['which risks are open?', owned('risk', ALL)],
  ["what's open and overdue for the housing lead?", overdue('any', owner('housing lead', ...HOUSING))],
];

describe("understandQuestion: one owner's open items", () => {
  it.each(ownedQuestions)('"%s"', (text, question) => expect(ask(text)).toEqual(question));
});

describe('understandQuestion declines politely, saying what it can answer', () => {
  it.each(declined)('"%s"', (text, reason) => {
    const question = ask(text);
    expect(question.intent).toBe('unknown');
    const reply = question.intent === 'unknown' ? question.reply : '';
    expect(reply).toContain(reason);
    for (const example of QUESTION_EXAMPLES) expect(reply).toContain(example);
  });

  it('when thanked, says so without the list', () => {
    expect(ask('thanks!')).toEqual({
      intent: 'unknown',
      reply: 'You\'re welcome! Ask me "help" to see what I can answer.',
    });
  });

  it('reads a long message quickly', () => {
    const started = performance.now();
    expect(ask(`${'what is due and overdue for the housing lead '.repeat(200)}?`).intent).toBe('overdue');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('when the text is longer than a command may be, declines without reading it', () => {
    expect(ask(`what's overdue ${'x'.repeat(20_000)}`).intent).toBe('unknown');
  });
});

describe('matchOwners finds register owner names as people type them', () => {
  const cases: Array<[asked: string, names: string[]]> = [
    ['Dir of Commissioning', ['Dir of Commissioning', 'Director of commissioning']],
    ['director of commissioning', DIRECTOR],
    ['Directr of Comissioning', DIRECTOR],
    ['HOUSING LEAD', ['ASC Lead & Housing lead']],
    ['housing', ['ASC Lead & Housing lead']],
    ['the housing team', ['ASC Lead & Housing lead']],
    ['lkavanagh', ['L.kavanagh', 'L.Kavanagh']],
    ['pct dir', ['PCT Dir of ommissioning', 'PCT Dir of Commissioning']],
    ['Asst Dir of Commissioning', []],
    ['head of adults', ["Head of Adult's Services"]],
    ['market development', ['Transformation Group on Market Development']],
    [
      'ASC lead and housing lead',
      ['ASC Lead & Housing lead', 'Planning officer & ASC lead', 'ASC lead/Planning officer'],
    ],
    ['@maria', ['Maria Santos']],
    ['lead', []],
    ['nobody at all', []],
  ];
  it.each(cases)('"%s"', (asked, names) => expect(matchOwners(asked, ownerNames)).toEqual(names));

  it('keeps only the closest: "Dir of Commissioning" does not bring in the PCT director', () => {
    const ranked = rankOwners('Dir of Commissioning', ownerNames);
    expect(ranked.slice(0, 2).map((fit) => [fit.name, fit.tier])).toEqual([
      ['Dir of Commissioning', 0],
      ['Director of commissioning', 0],
    ]);
    expect(ranked.find((fit) => fit.name === 'PCT Dir of Commissioning')?.tier).toBe(1);
  });

  it('a Slack user stands for the register cells that name any of their People names', () => {
    expect(ownersOfSlackUser('U0SAMPLE01', people, ownerNames)).toEqual(DIRECTOR);
    expect(ownersOfSlackUser('u0sample07', people, ownerNames)).toEqual([...ASC.slice(1), 'ASC lead']);
    expect(ownersOfSlackUser('U0NOBODY', people, ownerNames)).toEqual([]);
  });

  it.each([
    ['overdue', 'overdeu', true],
    ['housing', 'housng', true],
    ['housng', 'housing', true],
    ['lead', 'load', true],
    ['same', 'same', true],
    ['kitten', 'sitting', false],
    ['overdue', 'overdone', false],
    ['ab', 'ba', true],
    ['abc', 'cab', false],
  ] as const)('"%s" and "%s" one edit apart: %s', (a, b, near) => expect(withinOneEdit(a, b)).toBe(near));
});

describe('readTimes reads time phrases ahead and back', () => {
  const words = (text: string) => text.split(' ');
  it.each([
    ['before christmas', '2026-12-24'],
    ['by the end of the month', '2026-11-30'],
    ['by end of next week', '2026-12-06'],
    ['before march', '2027-02-28'],
    ['within a month', '2026-12-23'],
    ['by the weekend', '2026-11-29'],
    ['by 29/02', '2028-02-29'],
  ])('"%s" reaches %s', (text, until) => expect(readTimes(words(text), today).phrases[0]?.until?.date).toBe(until));

  it('on a Monday, "this week" looking back is the week just gone', () => {
    expect(readTimes(words('this week'), today).phrases[0]?.since?.date).toBe('2026-11-16');
    expect(readTimes(words('this week'), '2026-11-25').phrases[0]?.since?.date).toBe('2026-11-23');
  });

  it('"may" on its own is not the month', () =>
    expect(readTimes(words('may i see what is due'), today).phrases).toEqual([]));
});

// Registers numbered as public templates number them, each as chat sees it: the IDs as written, and which are risks.
const register = (risks: string[], actions: string[]) => [
  ...risks.map((id) => ({ id, kind: 'risk' as const })),
  ...actions.map((id) => ({ id, kind: 'action' as const })),
];
const SCHEMES = {
  // PRINCE2 risk register and an action log.
  prince2: register(['RISK-001', 'RISK-002', 'RISK-003'], ['ACT-001', 'ACT-002']),
  // A PMBOK-style log, numbered without padding.
  pmbok: register(['RSK-1', 'RSK-2', 'RSK-12'], ['T-1', 'T-2']),
  // An NHS trust log, zero-padded without a dash.
  nhs: register(['R001', 'R002'], ['A001', 'A012']),
  // A health-and-safety log (H1, H2) beside a plan numbered by section (1.1, 1.10, 2.1).
  sections: register(['H1', 'H2'], ['1.1', '1.10', '2.1']),
  // Both RISK-001 and R-1 in one register: never read as each other.
  mixed: register(['RISK-001', 'R-1', 'PR-RSK-007'], ['A-1']),
  // Rows numbered 1, 2, 3 and nothing else.
  numbered: register(['1', '2', '3', '5'], []),
};
const askIn = (scheme: keyof typeof SCHEMES, text: string) =>
  understandQuestion(text, { ...context, items: SCHEMES[scheme] });

describe("understandQuestion finds an item by the register's own IDs", () => {
  const cases: Array<[scheme: keyof typeof SCHEMES, text: string, question: Question]> = [
    ['prince2', 'show me RISK-001', show('RISK-001')],
    ['prince2', 'what about risk-3?', show('RISK-003')],
    ['prince2', 'tell me about risk 2', show('RISK-002')],
    ['prince2', 'how is ACT-2 going?', show('ACT-002')],
    ['prince2', 'status of action 1', show('ACT-001')],
    ['prince2', 'show me RISK-009', show('RISK-9')],
    ['prince2', 'show me R7', show('R-7')],
    ['pmbok', 'show me RSK-001', show('RSK-1')],
    ['pmbok', 'rsk 12?', show('RSK-12')],
    ['pmbok', 'what about RSK-1', show('RSK-1')],
    ['pmbok', 'show me T2', show('T-2')],
    ['nhs', 'show me R001', show('R001')],
    ['nhs', 'show me R-1', show('R001')],
    ['nhs', 'what about A12', show('A012')],
    ['nhs', 'tell me about risk 2', show('R002')],
    ['sections', 'show me H1', show('H1')],
    ['sections', 'h2 please', show('H2')],
    ['sections', 'show me 2.1', show('2.1')],
    ['sections', 'what about 1.10?', show('1.10')],
    ['sections', "how's action 1.1 going", show('1.1')],
    ['mixed', 'show me RISK-001', show('RISK-001')],
    ['mixed', 'show me R-1', show('R-1')],
    ['mixed', 'show me r1', show('R-1')],
    ['mixed', 'show me pr-rsk-7', show('PR-RSK-007')],
    ['numbered', 'risk 5', show('5')],
    ['numbered', 'tell me about #3', show('3')],
    ['numbered', 'top 5 risks', top(5)],
    ['numbered', "what's due in 2 weeks?", due('any', ALL, '2026-12-07', 'in the next 2 weeks')],
    ['sections', 'anything due by 31.03.2027?', due('any', ALL, '2027-03-31', 'by Wed, 31 Mar 2027')],
  ];
  it.each(cases)('%s: "%s"', (scheme, text, question) => expect(askIn(scheme, text)).toEqual(question));

  const declines: Array<[scheme: keyof typeof SCHEMES, text: string, reason: string]> = [
    ['mixed', 'risk 1?', 'I can show one item at a time: ask for RISK-001, then R-1.'],
    ['sections', 'H1 and H2', 'I can show one item at a time: ask for H1, then H2.'],
    ['prince2', 'close RISK-002', '/risk update RISK-002 … or /risk done RISK-002'],
    ['prince2', 'please mark ACT-001 as done', '/action done ACT-001'],
  ];
  it.each(declines)('%s: "%s" is declined', (scheme, text, reason) => {
    const question = askIn(scheme, text);
    expect(question.intent === 'unknown' ? question.reply : '').toContain(reason);
  });
});

describe('understandQuestion: owners whose names are ordinary words', () => {
  const roles = [
    'Team Lead',
    'Change Manager',
    'Programme Office',
    'Risk Manager',
    'Head of Change',
    'Lead Commissioner',
  ];
  const askRoles = (text: string) => understandQuestion(text, { ...context, ownerNames: roles, people: [] });
  const cases: Array<[text: string, question: Question]> = [
    ['what does Team Lead own?', owned('any', owner('Team Lead', 'Team Lead'))],
    ['what does the team lead own', owned('any', owner('team lead', 'Team Lead'))],
    ['team lead?', owned('any', owner('team lead', 'Team Lead'))],
    ['what does Change Manager own?', owned('any', owner('Change Manager', 'Change Manager'))],
    ["what's overdue for the change manager?", overdue('any', owner('change manager', 'Change Manager'))],
    ['anything for the Programme Office?', owned('any', owner('Programme Office', 'Programme Office'))],
    [
      "what's due this week for the programme office",
      due('any', owner('programme office', 'Programme Office'), '2026-11-29', 'this week'),
    ],
    ['what does the Risk Manager own?', owned('any', owner('Risk Manager', 'Risk Manager'))],
    ['which risks does the risk manager own', owned('risk', owner('risk manager', 'Risk Manager'))],
    ["what's open for the head of change", owned('any', owner('head of change', 'Head of Change'))],
    ['what changed this week?', changes('2026-11-16', 'this week')],
    ['any changes for the lead commissioner?', changes('2026-11-16', 'in the last 7 days')],
  ];
  it.each(cases)('"%s"', (text, question) => expect(askRoles(text)).toEqual(question));

  it('a name of role words alone fits only a name of exactly those words', () => {
    expect(matchOwners('the team lead', roles)).toEqual(['Team Lead']);
    expect(matchOwners('lead', roles)).toEqual([]);
  });
});
