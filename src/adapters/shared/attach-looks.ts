import type { RawRow, RawTab, TabKey } from '../../domain/register/raw-register.js';

/**
 * Puts the looks (formulas, number formats) a store read with its grids on
 * the rows of the tabs found in them, by tab title and row number: finding
 * the tabs keeps values only.
 */
export function attachLooks(
  tabs: Record<TabKey, RawTab>,
  sources: ReadonlyArray<{ title: string; grid: readonly RawRow[] }>,
): void {
  for (const tab of Object.values(tabs)) {
    const grid = tab.found ? sources.find((source) => source.title === tab.title)?.grid : undefined;
    if (grid === undefined) continue;
    const byRow = new Map(grid.flatMap((row) => (row.looks ? [[row.row, row.looks] as const] : [])));
    for (const row of tab.rows) {
      const looks = byRow.get(row.row);
      if (looks !== undefined) row.looks = looks;
    }
  }
}

/** The tabs without their looks: what a load hands out, the same whichever read it came from. */
export function withoutLooks(tabs: Record<TabKey, RawTab>): Record<TabKey, RawTab> {
  return Object.fromEntries(
    Object.entries(tabs).map(([key, tab]) => [
      key,
      { ...tab, rows: tab.rows.map(({ row, cells }) => ({ row, cells })) },
    ]),
  ) as Record<TabKey, RawTab>;
}
