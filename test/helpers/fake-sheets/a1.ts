import { badRequest, type Spreadsheet, type Tab } from './types.js';

/** A range resolved against a tab: 0-based, end-exclusive; null ends run to the edge of the grid. */
export interface TabRange {
  tab: Tab;
  startRow: number;
  endRow: number | null;
  startCol: number;
  endCol: number | null;
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A title as Sheets writes it in a range: bare when it is a plain word, else quoted with quotes doubled. */
export function titleInRange(title: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title)
    ? title
    : `'${title.replace(/'/g, "''")}'`;
}

interface Corner {
  col: number | null;
  row: number | null;
}

function corner(text: string): Corner | null {
  const match = /^([A-Za-z]{0,3})(\d*)$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const row = match[2] === '' ? null : Number(match[2]);
  if (row === 0) return null;
  return { col: match[1] === '' ? null : columnIndex(match[1]!), row: row === null ? null : row - 1 };
}

/** Cells part of a range ("A1:B2", "A:A", "2:5", "A5") as bounds, or null when it is not one. */
function cellsPart(text: string): Omit<TabRange, 'tab'> | null {
  const [from, to, extra] = text.split(':');
  if (extra !== undefined || from === undefined) return null;
  const a = corner(from);
  const b = to === undefined ? a : corner(to);
  if (!a || !b) return null;
  // "A:B" and "2:5" are whole columns and whole rows; without a colon it must be one cell ("A1").
  if (to === undefined && (a.row === null || a.col === null)) return null;
  if ((a.col === null) !== (b.col === null)) return null;
  return {
    startRow: a.row ?? 0,
    endRow: b.row === null ? null : b.row + 1,
    startCol: a.col ?? 0,
    endCol: b.col === null ? null : b.col + 1,
  };
}

function splitTitle(range: string): { title: string | null; cells: string | null } {
  if (range.startsWith("'")) {
    let i = 1;
    let title = '';
    for (; i < range.length; i++) {
      if (range[i] === "'" && range[i + 1] === "'") {
        title += "'";
        i++;
        continue;
      }
      if (range[i] === "'") break;
      title += range[i];
    }
    if (i >= range.length) return { title: null, cells: null };
    const rest = range.slice(i + 1);
    if (rest === '') return { title, cells: null };
    return rest.startsWith('!') ? { title, cells: rest.slice(1) } : { title: null, cells: null };
  }
  const bang = range.lastIndexOf('!');
  return bang === -1 ? { title: range, cells: null } : { title: range.slice(0, bang), cells: range.slice(bang + 1) };
}

/**
 * Resolves A1 notation like Sheets: `'Audit log'`, `Risks!A1:Z`, `Risks!A:A`,
 * `Risks!A5:P5`; a bare "A1:B2" means the first tab. Tab titles match exactly.
 * Anything else, or a tab that does not exist, is 400 "Unable to parse range".
 */
export function parseRange(book: Spreadsheet, range: string): TabRange {
  const fail = () => badRequest(`Unable to parse range: ${range}`);
  const { title, cells } = splitTitle(range.trim());
  if (title !== null && cells === null) {
    const tab = book.sheets.find((t) => t.title === title);
    if (tab) return { tab, startRow: 0, endRow: null, startCol: 0, endCol: null };
    const bounds = range.includes("'") ? null : cellsPart(title);
    if (!bounds || !book.sheets[0]) throw fail();
    return { tab: book.sheets[0], ...bounds };
  }
  const tab = book.sheets.find((t) => t.title === title);
  const bounds = cells === null ? null : cellsPart(cells);
  if (!tab || !bounds) throw fail();
  return { tab, ...bounds };
}

/** A range as Sheets echoes it, open ends closed at the grid's edge: `Risks!A1:Z1000`. */
export function formatRange(r: TabRange, rows?: { endRow: number; endCol: number }): string {
  const endRow = rows?.endRow ?? r.endRow ?? r.tab.grid.rowCount;
  const endCol = rows?.endCol ?? r.endCol ?? r.tab.grid.columnCount;
  const start = `${columnLetters(r.startCol)}${r.startRow + 1}`;
  const end = `${columnLetters(Math.max(endCol, r.startCol + 1) - 1)}${Math.max(endRow, r.startRow + 1)}`;
  return `${titleInRange(r.tab.title)}!${start === end ? start : `${start}:${end}`}`;
}
