/** A column's letters as its 0-based index: A is 0, Z 25, AA 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

// A cell reference (D4, $D$4, AA10, Other!B3), not part of a name (LOG10), with an optional range end.
const REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(])/g;

/** A formula with its text ("…") and quoted tab names ('Q1 2026') blanked, so neither is taken for references. */
const withoutStrings = (formula: string) =>
  formula
    .replace(/"(?:[^"]|"")*"/g, (text) => ' '.repeat(text.length))
    .replace(/'(?:[^']|'')*'/g, (text) => `${' '.repeat(text.length - 1)}x`);

/** The columns (0-based) a formula refers to in sheet row `row`, ranges included. */
export function columnsInRow(formula: string, row: number): Set<number> {
  const columns = new Set<number>();
  const text = withoutStrings(formula);
  for (const match of text.matchAll(REFERENCE)) {
    // A reference to another tab (Lookup!B4) is not a cell of this row.
    if (text[(match.index ?? 0) - 1] === '!') continue;
    const [, , from = 'A', , fromRow = '0', , to, , toRow] = match;
    const first = Number(fromRow);
    const last = toRow === undefined ? first : Number(toRow);
    if (row < Math.min(first, last) || row > Math.max(first, last)) continue;
    const a = columnIndex(from);
    const b = to === undefined ? a : columnIndex(to);
    for (let c = Math.min(a, b); c <= Math.max(a, b); c++) columns.add(c);
  }
  return columns;
}

/**
 * Whether the formula in `column` of a row follows, directly or through
 * other formula cells of the row, one of the `inputs` columns: writing those
 * inputs then changes what the formula shows.
 */
export function formulaFollows(
  formulaAt: (column: number) => string | undefined,
  column: number,
  row: number,
  inputs: ReadonlySet<number>,
): boolean {
  const seen = new Set<number>();
  const visit = (at: number): boolean => {
    if (seen.has(at)) return false;
    seen.add(at);
    const formula = formulaAt(at);
    if (formula === undefined) return false;
    for (const referred of columnsInRow(formula, row)) if (inputs.has(referred) || visit(referred)) return true;
    return false;
  };
  return visit(column);
}

/** A formula filled down `rows` rows, as a spreadsheet does: relative row numbers move, `$`-anchored ones stay. */
export function fillDown(formula: string, rows: number): string {
  const blanked = withoutStrings(formula);
  let out = '';
  let last = 0;
  for (const match of blanked.matchAll(REFERENCE)) {
    const index = match.index ?? 0;
    const [, d1 = '', c1 = '', d2 = '', r1 = '', d3 = '', c2, d4 = '', r2] = match;
    const move = (anchor: string, row: string) => (anchor === '$' ? row : String(Number(row) + rows));
    const moved = `${d1}${c1}${d2}${move(d2, r1)}${c2 === undefined ? '' : `:${d3}${c2}${d4}${move(d4, r2 ?? '')}`}`;
    out += formula.slice(last, index) + moved;
    last = index + match[0].length;
  }
  return out + formula.slice(last);
}
