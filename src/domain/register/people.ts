import type { Person } from './register.js';

/** A name as matched: case, spacing and punctuation do not matter ("D.Woodward" = "d woodward"). */
export function personKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The people a cell names: "D.Woodward/ Derek Seymour" and "ASC Lead & Housing lead" name two. */
export function namesIn(cell: string): string[] {
  return cell
    .split(/\s*(?:[/&;,+]|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => personKey(part) !== '');
}

export interface PeopleDirectory {
  /** The People entry for a name as written, or null. */
  find(name: string): Person | null;
  /**
   * Everyone a cell names: the whole cell when People has it as written,
   * else each name in it. `missing` holds the names People lacks.
   */
  resolve(cell: string): { people: Person[]; missing: string[] };
}

export function peopleDirectory(people: readonly Person[]): PeopleDirectory {
  const byKey = new Map<string, Person>();
  for (const person of people) if (!byKey.has(personKey(person.name))) byKey.set(personKey(person.name), person);
  const find = (name: string): Person | null => byKey.get(personKey(name)) ?? null;
  return {
    find,
    resolve(cell) {
      if (personKey(cell) === '') return { people: [], missing: [] };
      const whole = find(cell);
      if (whole) return { people: [whole], missing: [] };
      const names = namesIn(cell);
      const found = names.map(find);
      return {
        people: found.filter((person): person is Person => person !== null),
        missing: names.filter((_, i) => found[i] === null),
      };
    },
  };
}
