import { describe, expect, it } from 'vitest';
import { readRag } from '../../src/domain/register/rag.js';
import { lookupStatus, statusWordsProblems, tabStatusVocabulary } from '../../src/domain/register/status-vocabulary.js';
import type { StatusState } from '../../src/domain/register/status-words.js';

/** A public template's status words, as it writes them, and the state each should read as. */
interface TemplateWords {
  template: string;
  url: string;
  kind: 'risks' | 'actions';
  words: Array<[string, StatusState]>;
}

const TEMPLATES: TemplateWords[] = [
  {
    template: 'PRINCE2 risk register (AXELOS, PRINCE2 Agile A.25: "active or closed")',
    url: 'https://publications.axelos.com/PRINCE2Agile2016/content.aspx?page=pra_204',
    kind: 'risks',
    words: [
      ['Active', 'open'],
      ['Closed', 'closed'],
    ],
  },
  {
    template: 'PMI risk life cycle (Hillson, "The life cycle of a project risk")',
    url: 'http://exclusive.multibriefs.com/content/the-life-cycle-of-a-project-risk/business-management-services-risk-management',
    kind: 'risks',
    words: [
      ['Draft', 'open'],
      ['Rejected', 'closed'],
      ['Escalated', 'open'],
      ['Active', 'open'],
      ['Deleted', 'closed'],
      ['Expired', 'closed'],
      ['Closed', 'closed'],
      ['Occurred', 'open'],
    ],
  },
  {
    template: 'PMBOK course risk register (Deraya)',
    url: 'https://sites.google.com/view/deraya/monitoring-controlling-phase/risk-register',
    kind: 'risks',
    words: [
      ['Assessed', 'open'],
      ['Planned', 'open'],
      ['In-Process', 'open'],
      ['Closed', 'closed'],
      ['Not occurred', 'closed'],
      ['Rejected', 'closed'],
    ],
  },
  {
    template: 'Local government strategic risk register, the four Ts (Reading Borough Council)',
    url: 'https://democracy.reading.gov.uk/mgAi.aspx?ID=13423',
    kind: 'risks',
    words: [
      ['Treat', 'open'],
      ['Tolerate', 'open-not-chased'],
      ['Tolerated', 'open-not-chased'],
      ['Transfer', 'closed'],
      ['Terminate', 'closed'],
      ['Terminated', 'closed'],
    ],
  },
  {
    template: 'ISO 31000-style risk register (beekeeper-lab/foundry compliance-risk template)',
    url: 'https://github.com/beekeeper-lab/foundry/blob/main/ai-team-library/personas/compliance-risk/templates/risk-register.md',
    kind: 'risks',
    words: [
      ['Open', 'open'],
      ['Mitigating', 'open'],
      ['Accepted', 'open-not-chased'],
      ['Closed', 'closed'],
    ],
  },
  {
    template: 'Project risk register (brandon-barry-1/cursor-pm-copilot template)',
    url: 'https://github.com/brandon-barry-1/cursor-pm-copilot/blob/main/workspace/templates/risk-register.md',
    kind: 'risks',
    words: [
      ['Open', 'open'],
      ['Mitigated', 'closed'],
      ['Accepted', 'open-not-chased'],
      ['Transferred', 'closed'],
    ],
  },
  {
    template: 'Notion risk register (Status property: Not started, In progress, Done)',
    url: 'https://florentine-aspen-457.notion.site/How-to-use-1adb582b661080548161e82dd7f1eea1',
    kind: 'risks',
    words: [
      ['Not Started', 'open'],
      ['In Progress', 'open'],
      ['Done', 'closed'],
    ],
  },
  {
    template: 'Project action items template',
    url: 'https://www.scribd.com/document/620668226/project-actions-template',
    kind: 'actions',
    words: [
      ['Open', 'open'],
      ['Closed', 'closed'],
      ['Deferred', 'open-not-chased'],
    ],
  },
  {
    template: 'Target status key (Telescope)',
    url: 'https://telescope-ai.atlassian.net/wiki/pages/diffpages.action?originalId=1861713976&pageId=1861779521',
    kind: 'actions',
    words: [
      ['NOT STARTED', 'open'],
      ['ON TRACK', 'open'],
      ['COMPLETE', 'closed'],
      ['AT RISK', 'open'],
      ['OFF TRACK', 'open'],
    ],
  },
  {
    template: 'Project statuses (Manager Toolkit)',
    url: 'https://www.manager-toolkit.com/help/features/projects/project-statuses/',
    kind: 'actions',
    words: [
      ['Idea', 'open'],
      ['In Progress', 'open'],
      ['On Hold', 'open-not-chased'],
      ['Completed', 'closed'],
      ['Cancelled', 'closed'],
    ],
  },
  {
    template: 'Action item statuses (Pricefx)',
    url: 'https://pricefx.atlassian.net/wiki/spaces/KB/pages/4601184348/Action+Item+Status',
    kind: 'actions',
    words: [
      ['OPEN', 'open'],
      ['DONE', 'closed'],
      ['REJECTED', 'closed'],
      ['BLOCKED', 'open'],
      ['POSTPONED', 'open-not-chased'],
    ],
  },
  {
    template: 'Improvement plan monitoring (Universitat de les Illes Balears)',
    url: 'https://ugep.uib.eu/Arees/Seguiment/PdM/FAQ_PdM/Detall/What-elements-are-included-in-the-monitoring.cid707183',
    kind: 'actions',
    words: [
      ['not yet started', 'open'],
      ['postponed', 'open-not-chased'],
      ['cancelled', 'closed'],
      ['in progress', 'open'],
      ['finalised', 'closed'],
    ],
  },
  {
    template: 'Action timeline statuses (ReliaSoft)',
    url: 'https://help.reliasoft.com/weibull20/action_timeline_and_status.htm',
    kind: 'actions',
    words: [
      ['Not Started', 'open'],
      ['Past Due', 'open'],
      ['In Progress', 'open'],
      ['Completed - On Time', 'closed'],
      ['Completed - Late', 'closed'],
    ],
  },
  {
    template: 'Action plan follow-up (MEGA HOPEX)',
    url: 'https://doc.mega.com/hopex-v5-en/IRM/GRC_Common_Features/GRC_Analyse.Action_Plan_Follow-Up.html',
    kind: 'actions',
    words: [
      ['On Time', 'open'],
      ['Delayed', 'open'],
      ['Canceled', 'closed'],
      ['Closed', 'closed'],
    ],
  },
];

const CASES = TEMPLATES.flatMap(({ template, url, kind, words }) =>
  words.map(([word, state]) => ({ template, url, kind, word, state })),
);

describe('the built-in status words', () => {
  it.each(CASES)('when $template writes "$word" for $kind, then it is read as $state', ({ kind, word, state }) => {
    expect(lookupStatus(tabStatusVocabulary(kind), word)?.state).toBe(state);
  });

  it.each([
    ['Closed (transferred to the ICB)', 'closed'],
    ['Closed - accepted by the board', 'closed'],
    ['on-hold', 'open-not-chased'],
    ['  MONITORING ', 'open'],
  ] as const)('when a cell says "%s", then the word in it is found (%s)', (text, state) => {
    const kind = text.includes('hold') ? 'actions' : 'risks';
    expect(lookupStatus(tabStatusVocabulary(kind), text)?.state).toBe(state);
  });

  it('when a word is no status at all, then it is not found', () => {
    expect(lookupStatus(tabStatusVocabulary('risks'), 'Half done')).toBeUndefined();
    expect(lookupStatus(tabStatusVocabulary('actions'), 'Green')).toBeUndefined();
  });

  it('when settings give a word, then it is added, and a built-in word given again takes the new state', () => {
    const vocabulary = tabStatusVocabulary('risks', { 'Escalated to board': 'open-not-chased', monitoring: 'closed' });
    expect(lookupStatus(vocabulary, 'escalated to board')).toEqual({
      word: 'Escalated to board',
      state: 'open-not-chased',
    });
    expect(lookupStatus(vocabulary, 'Monitoring')).toEqual({ word: 'monitoring', state: 'closed' });
    expect(lookupStatus(vocabulary, 'Accepted')?.state).toBe('open-not-chased');
  });

  it('when settings spell one word twice with different states, or give a word of punctuation, then each is named', () => {
    expect(statusWordsProblems({ 'On hold': 'open-not-chased', 'on-hold': 'open', '--': 'open' })).toEqual([
      { word: 'on-hold', message: expect.stringContaining('same word as "On hold"') },
      { word: '--', message: 'a status word needs letters or digits' },
    ]);
  });
});

describe('RAG cells', () => {
  it.each([
    // BRAG: Blue for completed and handed over, http://www.iwise2.com/rag-status
    ['Red', 'Red'],
    ['AMBER', 'Amber'],
    ['green', 'Green'],
    ['Blue', 'Blue'],
    ['R', 'Red'],
    ['A', 'Amber'],
    ['G', 'Green'],
    ['B', 'Blue'],
    ['Complete', 'Blue'],
    // Home Office partnership action plans rate Red, Yellow, Green
    ['Yellow', 'Amber'],
  ])('when a RAG cell says "%s", then it is %s', (text, rag) => {
    expect(readRag(text)).toEqual({ kind: 'rag', rag });
  });

  it('when a RAG cell says something else, then it is unknown, and a blank one is none', () => {
    expect(readRag('Purple')).toEqual({ kind: 'unknown', text: 'Purple' });
    expect(readRag('  ')).toEqual({ kind: 'none' });
  });
});
