/** A CSV file's text as lines of fields, and the separator it was found to use. */
export interface CsvText {
  rows: string[][];
  separator: ',' | ';' | '\t';
}

const SEPARATORS = [',', ';', '\t'] as const;

/**
 * The separator of the header line: the one it holds most often outside
 * quotes. Spreadsheets in much of Europe export with ";" because "," is their
 * decimal mark; a tab-separated export is read too. A tie, or a line with
 * none (a one-column file), is read with commas.
 */
function detectSeparator(text: string): CsvText['separator'] {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return SEPARATORS.reduce((best, separator) => (counts.get(separator)! > counts.get(best)! ? separator : best));
}

/**
 * Reads CSV text as RFC 4180 describes it, and as spreadsheets write it: a
 * byte-order mark is dropped; lines end in CRLF, LF or CR; a field in double
 * quotes may hold separators, line breaks and quotes (doubled, `""`); spaces
 * are kept. A quote inside an unquoted field is kept as written, and a quoted
 * field left open runs to the end of the file, since a person's file should
 * be read as far as it can be rather than refused.
 */
export function parseCsv(input: string): CsvText {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (at < text.length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) endField();
    else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[at + 1] === '\n') at += 1;
    } else field += char;
    at += 1;
  }
  // A last line without a line break still counts; a final line break adds no empty line.
  if (field !== '' || row.length > 0 || quoted) endRow();
  return { rows, separator };
}
