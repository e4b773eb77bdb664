import type { MappedTab } from '../../domain/register/mapped-tab.js';
import type { TabKey } from '../../domain/register/raw-register.js';
import type { CellWrite, WritePlan } from './plan-write.js';

function setCell({ tab, columns }: MappedTab, cell: CellWrite): void {
  if (cell.header) {
    tab.headers[cell.column] = String(cell.value);
    columns[cell.field] = cell.column;
    return;
  }
  let row = tab.rows.find((r) => r.row === cell.row);
  if (row === undefined) {
    row = { row: cell.row, cells: [] };
    tab.rows.push(row);
    tab.rows.sort((a, b) => a.row - b.row);
  }
  row.cells[cell.column] = cell.value;
}

/**
 * The register as it is once a planned write has landed: the same cells set
 * in a copy of the tabs as read, and a header the write adds put in the
 * tab's map. Lets several writes be planned against one read (each seeing
 * the ones before it) and keeps a read cache true after a write.
 */
export function applyPlanToTabs(tabs: Record<TabKey, MappedTab>, plan: WritePlan, auditTitle: string): void {
  if (plan.createAuditTab) {
    const audit = tabs.audit;
    tabs.audit = {
      ...audit,
      tab: { ...audit.tab, title: auditTitle, found: true, headerRow: 1, headers: [], rows: [] },
      columns: {},
      duplicates: [],
    };
  }
  for (const cell of [...plan.cells, ...plan.audit]) setCell(tabs[cell.tab], cell);
}
