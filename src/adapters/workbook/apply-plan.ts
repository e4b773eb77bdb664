import type ExcelJS from 'exceljs';
import type { Settings } from '../../config/settings.js';
import type { RawTab, TabKey } from '../../domain/register/raw-register.js';
import type { CellWrite, WritePlan } from '../shared/plan-write.js';
import { writeCell } from './cell-values.js';
import { findWorksheet } from './read-tab.js';

/** A deep copy, because exceljs shares style objects among cells (see writeCell). */
function copyStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return structuredClone(style);
}

/**
 * Before a cell holding the master of a shared formula (what Excel stores for
 * a column filled down, like "Rating (I x P)" = F2*G2) is overwritten, its
 * copies get their own formula: exceljs refuses to save clones whose master
 * is gone ("Shared Formula master must exist").
 */
function releaseSharedFormula(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const { shareType, ref } = cell.model as { shareType?: string; ref?: string };
  if (shareType !== 'shared' || !ref) return;
  const [from = '', to = from] = ref.split(':');
  const start = sheet.getCell(from);
  const end = sheet.getCell(to);
  for (let row = Number(start.row); row <= Number(end.row); row += 1) {
    for (let column = Number(start.col); column <= Number(end.col); column += 1) {
      const clone = sheet.findCell(row, column);
      const value = clone?.value;
      if (!clone || typeof value !== 'object' || value === null || !('sharedFormula' in value)) continue;
      if (value.sharedFormula === cell.address) clone.value = { formula: clone.formula, result: value.result };
    }
  }
}

function setCell(sheet: ExcelJS.Worksheet, write: CellWrite): void {
  const cell = sheet.getCell(write.row, write.column + 1);
  releaseSharedFormula(sheet, cell);
  if (write.formula !== undefined) {
    // A formula copied from the row above (never text a user typed): exceljs wants it without its "=".
    cell.value = { formula: write.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
    return;
  }
  writeCell(cell, write.value, write.isDate, write.numberFormat?.pattern);
  if (write.header) cell.style = { ...copyStyle(cell.style), font: { ...cell.style.font, bold: true } };
}

/**
 * Applies a checked plan to the loaded workbook: only the planned cells are
 * set; a new row takes the look (borders, fonts, formats) of the data row
 * above it so it sits in the table like the rows a human added.
 */
export function applyPlan(
  workbook: ExcelJS.Workbook,
  tabs: Record<TabKey, RawTab>,
  plan: WritePlan,
  settings: Settings['tabs'],
): void {
  const sheets = new Map<TabKey, ExcelJS.Worksheet>();
  const sheetOf = (key: TabKey): ExcelJS.Worksheet => {
    const sheet = sheets.get(key) ?? findWorksheet(workbook, tabs[key].title);
    if (!sheet) throw new Error(`the "${tabs[key].title}" tab vanished between checking and writing`);
    sheets.set(key, sheet);
    return sheet;
  };
  if (plan.createAuditTab) {
    sheets.set('audit', workbook.addWorksheet(settings.audit.title, { views: [{ state: 'frozen', ySplit: 1 }] }));
  }
  for (const { tab, row, styleFrom } of plan.insertedRows) {
    if (styleFrom === 0) continue;
    const sheet = sheetOf(tab);
    const target = sheet.getRow(row);
    sheet.getRow(styleFrom).eachCell({ includeEmpty: true }, (cell, column) => {
      target.getCell(column).style = copyStyle(cell.style);
    });
  }
  for (const write of [...plan.cells, ...plan.audit]) setCell(sheetOf(write.tab), write);
}
