/** How a file writes its numeric dates: 31/03/2027 (day first, as in the UK) or 03/31/2027 (month first, as in the US). */
export type DateOrder = 'day-first' | 'month-first';

/**
 * A date written in numbers alone, as a US export writes it too: "31/03/2027", "3/31/27",
 * "03-31-2027", a time after it allowed. Not dotted ("1.13.12" numbers a plan's sections,
 * and dotted dates are European, day first), nor dashed with a two-digit year ("12-13-14").
 */
const NUMERIC_DATE =
  /^(\d{1,2})(\/|-(?=\d{1,2}-\d{4}))(\d{1,2})\2(\d{4}|\d{2})(\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?$/i;

/**
 * How the file's numeric dates are written, as the file itself shows it:
 * day first, unless some date has a second part over 12 ("03/31/2027") and
 * none has a first part over 12. Where the file shows both, or neither, it
 * is read day first, the UK convention the bot keeps everywhere, and a date
 * that then cannot be a date ("03/31/2027") is reported on its row.
 */
export function dateOrder(rows: ReadonlyArray<readonly string[]>): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const row of rows) {
    for (const cell of row) {
      const match = NUMERIC_DATE.exec(cell.trim());
      if (!match) continue;
      if (Number(match[1]) > 12) dayFirst = true;
      if (Number(match[3]) > 12) monthFirst = true;
    }
  }
  return monthFirst && !dayFirst ? 'month-first' : 'day-first';
}

/**
 * A month-first file's numeric dates, as ISO dates ("03/31/2027" is
 * "2027-03-31"), which the bot reads the same in every register; any other
 * text is left as written. A time after the date is dropped: registers
 * track days. Two-digit years are 20xx.
 */
export function monthFirstToIso(cell: string): string {
  const match = NUMERIC_DATE.exec(cell.trim());
  if (!match) return cell;
  const [, month, , day, year] = match;
  const fullYear = year!.length === 2 ? `20${year}` : year!;
  return `${fullYear}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}
