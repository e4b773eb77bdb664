import { cellText } from '../cell.js';
import { mapHeaders } from './header-map.js';
import type { RawRow, RawTab, TabKey, TabLayout } from './raw-register.js';
import { missingTab, nonBlankLines, tabFromGrid, tabTitled } from './tab-from-grid.js';

/** A tab as a store holds it, before the bot knows what it is: its title and its rows from row 1. */
export interface SourceTab {
  title: string;
  grid: readonly RawRow[];
}

/**
 * The tabs looked for by what they hold when no tab has the configured
 * title. The Audit log is the bot's own: it is found by its title or made.
 */
export const FOUND_BY_HEADERS: readonly TabKey[] = ['risks', 'actions', 'people'];

/** Fewest columns a tab's header line must name, that no other kind of tab has, to be taken for that kind. */
const MIN_EVIDENCE = 2;

/** How far down a tab to look for its header line, as tabFromGrid does. */
const HEADER_SCAN_LINES = 10;

/** Words in a tab's title that say what it holds; they only break a tie between tabs. */
const TITLE_WORDS: Record<TabKey, RegExp> = {
  risks: /risk/i,
  actions: /action|plan|task/i,
  people: /people|owner|contact|staff|team/i,
  audit: /audit/i,
};

/**
 * For each kind of tab, how many columns of a header line name one of its
 * fields and no field of another kind: "Likelihood" says risks, "Due date"
 * actions, "Slack user" people, while "Status" or "Owner" say nothing.
 */
function evidence(headers: readonly string[], layouts: Record<TabKey, TabLayout>): Record<TabKey, number> {
  const claims = FOUND_BY_HEADERS.map(
    (key) => new Set(Object.values(mapHeaders(key, headers, layouts[key].headers).byField)),
  );
  const score = { risks: 0, actions: 0, people: 0, audit: 0 };
  FOUND_BY_HEADERS.forEach((key, i) => {
    score[key] = [...claims[i]!].filter((column) => claims.every((other, j) => j === i || !other.has(column))).length;
  });
  return score;
}

interface Candidate {
  source: SourceTab;
  order: number;
  score: Record<TabKey, number>;
}

/** What a tab's best header line says it holds (its first ten lines are tried, past titles above the headers). */
function candidate(source: SourceTab, order: number, layouts: Record<TabKey, TabLayout>): Candidate {
  const lines = nonBlankLines(source.grid).slice(0, HEADER_SCAN_LINES);
  const scores = lines.map((line) => evidence(line.cells.map(cellText), layouts));
  const best = (s: Record<TabKey, number>) => Math.max(...FOUND_BY_HEADERS.map((key) => s[key]));
  const score = scores.reduce((a, b) => (best(b) > best(a) ? b : a), { risks: 0, actions: 0, people: 0, audit: 0 });
  return { source, order, score };
}

/** The kind a candidate holds most clearly, or null when no kind leads or the evidence is too thin. */
function kindOf(c: Candidate): TabKey | null {
  const ranked = [...FOUND_BY_HEADERS].sort((a, b) => c.score[b] - c.score[a]);
  const [first, second] = ranked;
  if (c.score[first!] < MIN_EVIDENCE || c.score[first!] === c.score[second!]) return null;
  return first!;
}

/**
 * A register's tabs from the tabs a store holds. Each tab is the one with
 * its configured title when there is one (case and spaces aside); otherwise
 * the Risks, Actions and People tabs are found by what their header lines
 * hold: a workbook whose one tab is "Risk register", "Plan" or "Sheet1", or
 * a CSV file named as it was exported. Of two tabs that fit, the one naming
 * more of the fields wins, then the one whose title says so, then the first.
 * A kind no tab fits is missing, under its configured title.
 */
export function findTabs(sources: readonly SourceTab[], layouts: Record<TabKey, TabLayout>): Record<TabKey, RawTab> {
  const keys: readonly TabKey[] = ['risks', 'actions', 'people', 'audit'];
  const byTitle = new Map(keys.map((key) => [key, tabTitled(sources, (s) => s.title, layouts[key].title)] as const));
  const pinned = new Set([...byTitle.values()].filter((source) => source !== undefined));
  const open = sources
    .filter((source) => !pinned.has(source))
    .map((source, order) => candidate(source, order, layouts))
    .filter((c) => kindOf(c) !== null);
  const tabs = {} as Record<TabKey, RawTab>;
  for (const key of keys) {
    const { title, headers } = layouts[key];
    const titled = byTitle.get(key);
    if (titled !== undefined) {
      tabs[key] = tabFromGrid(key, titled.title, titled.grid, headers);
      continue;
    }
    const fits = FOUND_BY_HEADERS.includes(key) ? open.filter((c) => kindOf(c) === key) : [];
    const hint = (c: Candidate) => (TITLE_WORDS[key].test(c.source.title) ? 1 : 0);
    const [found] = fits.sort((a, b) => b.score[key] - a.score[key] || hint(b) - hint(a) || a.order - b.order);
    tabs[key] =
      found === undefined ? missingTab(key, title) : tabFromGrid(key, found.source.title, found.source.grid, headers);
  }
  return tabs;
}

/**
 * Which of a store's tabs a read must fetch: those with a configured title,
 * and, when a tab looked for by its headers has no tab of its title, every
 * other tab too, to find it among them.
 */
export function titlesToRead(titles: readonly string[], layouts: Record<TabKey, TabLayout>): string[] {
  const titled = (key: TabKey) => tabTitled(titles, (t) => t, layouts[key].title);
  if (FOUND_BY_HEADERS.every((key) => titled(key) !== undefined))
    return (['risks', 'actions', 'people', 'audit'] as const).map(titled).filter((t): t is string => t !== undefined);
  return [...titles];
}
