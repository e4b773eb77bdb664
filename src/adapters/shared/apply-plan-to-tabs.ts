import type { CellWrite, WritePlan } from './plan-write.js';
import type { RawTab, TabKey } from '../../domain/register/raw-register.js';

function setCell(tab: RawTab, cell: CellWrite): void {
  if (cell.header) {
    tab.headers[cell.column] = String(cell.value);
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
 * in a copy of the tabs as read. Lets several writes be planned against one
 * read (each seeing the ones before it) and keeps a read cache true after a write.
 */
export function applyPlanToTabs(tabs: Record<TabKey, RawTab>, plan: WritePlan, auditTitle: string): void {
  if (plan.createAuditTab) tabs.audit = { ...tabs.audit, title: auditTitle, found: true, headerRow: 1, headers: [], rows: [] };
  for (const cell of [...plan.cells, ...plan.audit]) setCell(tabs[cell.tab], cell);
}
