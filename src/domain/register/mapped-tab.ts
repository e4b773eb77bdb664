import { DATE_FIELDS } from './fields.js';
import { type HeaderProblem, mapHeaders, type UnusedColumn } from './header-map.js';
import { type HeaderSynonyms, type RawTab, TAB_KEYS, type TabKey, type TabLayout } from './raw-register.js';

/**
 * A tab of one read with its header line mapped to fields. A read is mapped
 * once, and everything done with it (reading items, finding the row to
 * write, adding Audit log lines) uses that one map.
 */
export interface MappedTab {
  tab: RawTab;
  synonyms: HeaderSynonyms;
  /** The 0-based column of each field the header line names. */
  columns: Record<string, number>;
  /** Header cells naming a field a second time: ignored, and reported. */
  duplicates: HeaderProblem[];
  /** Headed columns no field reads: left alone, and listed by `check`. */
  unused: UnusedColumn[];
}

export function mapTab(tab: RawTab, synonyms: HeaderSynonyms): MappedTab {
  const { byField, problems, unused } = mapHeaders(tab.key, tab.headers, synonyms);
  return { tab, synonyms, columns: byField, duplicates: problems, unused };
}

/** Every tab of one read, each mapped with the header words its layout gives. */
export function mapTabs(
  tabs: Record<TabKey, RawTab>,
  layouts: Record<TabKey, Pick<TabLayout, 'headers'>>,
): Record<TabKey, MappedTab> {
  return Object.fromEntries(TAB_KEYS.map((key) => [key, mapTab(tabs[key], layouts[key].headers)])) as Record<
    TabKey,
    MappedTab
  >;
}

/** The tabs as read, without their maps: what a store hands out from a load. */
export function rawTabsOf(tabs: Record<TabKey, MappedTab>): Record<TabKey, RawTab> {
  return Object.fromEntries(TAB_KEYS.map((key) => [key, tabs[key].tab])) as Record<TabKey, RawTab>;
}

/** The columns that hold one calendar date each, as serial numbers shown as dates. */
export function dateColumns(mapped: MappedTab): number[] {
  return Object.entries(mapped.columns)
    .filter(([field]) => DATE_FIELDS.has(field))
    .map(([, column]) => column);
}
