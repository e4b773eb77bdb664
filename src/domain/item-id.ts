/**
 * The form of an item ID used for matching: `R - 1`, `r1`, `R 1`, `R-01` and
 * `R1` are all `R-1`. IDs that are not letters-then-number are upper-cased
 * with spaces removed. Dashes of every kind and full-width characters count as their plain forms.
 */
export function canonicalId(text: string): string {
  // NFKC turns full-width letters and digits into plain ones; Excel's autocorrect turns "-" into an en dash.
  const compact = text
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  const match = /^([A-Z]+)[-_.]?0*(\d+)$/.exec(compact);
  if (!match) return compact;
  return `${match[1]}-${match[2] === '' ? '0' : match[2]}`;
}

// One collator for every sort: creating one per comparison is slow on 10,000 rows.
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Orders IDs and names as people expect: "R-2" before "R-10", case ignored. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
