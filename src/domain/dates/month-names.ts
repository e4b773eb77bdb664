/** The months' names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// Names and three-letter abbreviations, lower case, plus the "Sept" people write.
const MONTH_NUMBERS = new Map<string, number>([
  ...MONTH_NAMES.flatMap(
    (name, i): Array<[string, number]> => [
      [name.toLowerCase(), i + 1],
      [name.slice(0, 3).toLowerCase(), i + 1],
    ],
  ),
  ['sept', 9],
]);

/** A month's number (1 for January) from a lower-case word as people write it ("march", "mar", "sept"); undefined for any other word. */
export function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS.get(word);
}
