import { cellText, type IsoDate } from '../cell.js';
import type { Scale } from '../items/scale.js';
import { TAB_FIELDS } from './fields.js';
import { findById } from './find-by-id.js';
import type { MappedTab } from './mapped-tab.js';
import type { Problem } from './problem.js';
import type { RegisterLayout, TabKey } from './raw-register.js';
import { readActionRow } from './read-actions.js';
import { peopleIn } from './read-register.js';
import { readRiskRow } from './read-risks.js';
import { readFieldTab } from './read-tab.js';
import type { Action, Person, Register, Risk } from './register.js';
import { tabStatusVocabulary } from './status-vocabulary.js';

/** One item read from a mapped read alone, by ID, with the status words given. */
function oneItem(
  tabs: Record<TabKey, MappedTab>,
  scale: Scale,
  statuses: Register['statuses'],
  id: string,
  today: IsoDate,
): Risk | Action {
  const candidates = (['risks', 'actions'] as const).flatMap((kind) => {
    const mapped = tabs[kind];
    const column = mapped.columns.id;
    if (!mapped.tab.found || column === undefined) return [];
    return mapped.tab.rows.map((raw) => ({ kind, mapped, raw, row: raw.row, id: cellText(raw.cells[column]) }));
  });
  const { kind, mapped, raw } = findById(candidates, (candidate) => candidate.id, id);
  const problems: Problem[] = [];
  if (kind === 'risks') {
    const one = readFieldTab({ ...mapped, tab: { ...mapped.tab, rows: [raw] } }, TAB_FIELDS.risks);
    return readRiskRow(one, one.rows[0]!, scale, statuses.risks, today, problems)!;
  }
  const one = readFieldTab({ ...mapped, tab: { ...mapped.tab, rows: [raw] } }, TAB_FIELDS.actions);
  return readActionRow(one, one.rows[0]!, statuses.actions, today, problems)!;
}

/**
 * One item as a mapped read holds it, with the People tab: what deciding
 * whether someone may change it needs, read from a write's own read without
 * reading the whole register again. Its state is read with the built-in
 * status words: who may change an item does not depend on its state.
 */
export function itemAndPeople(
  tabs: Record<TabKey, MappedTab>,
  scale: Scale,
  id: string,
  today: IsoDate,
): { item: Risk | Action; people: Person[] } {
  const builtIn = { risks: tabStatusVocabulary('risks'), actions: tabStatusVocabulary('actions') };
  return { item: oneItem(tabs, scale, builtIn, id, today), people: peopleIn(tabs) };
}

/**
 * One item as a write's own read holds it, with what planning a change to
 * it needs of the register (the columns its tab has, the status words): a
 * command is planned again on that read (WriteRequest.replan).
 */
export function itemOnRead(
  tabs: Record<TabKey, MappedTab>,
  settings: RegisterLayout,
  id: string,
  today: IsoDate,
): { item: Risk | Action; register: Pick<Register, 'columns' | 'statuses'> } {
  const statuses = {
    risks: tabStatusVocabulary('risks', settings.tabs.risks.statuses),
    actions: tabStatusVocabulary('actions', settings.tabs.actions.statuses),
  };
  const columns = {
    risks: new Set<string>(TAB_FIELDS.risks.filter((field) => tabs.risks.columns[field] !== undefined)),
    actions: new Set<string>(TAB_FIELDS.actions.filter((field) => tabs.actions.columns[field] !== undefined)),
  };
  return { item: oneItem(tabs, settings.scale, statuses, id, today), register: { columns, statuses } };
}
