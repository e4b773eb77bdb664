import type { IsoDate } from './cell.js';
import { dueSoonItems, overdueItems } from './due-items.js';
import { peopleDirectory, personKey } from './people.js';
import { isOpen, ownerOf, type Item, type Register } from './register.js';

export type ItemKind = Item['kind'];

function ofKind(items: readonly Item[], kind: ItemKind | null): Item[] {
  return items.filter((item) => kind === null || item.kind === kind);
}

/** Open items (of one kind, or both). */
export function openItems(register: Register, kind: ItemKind | null): Item[] {
  return ofKind([...register.risks, ...register.actions], kind).filter(isOpen);
}

/** Open items whose owner (or a risk's action owner, an action's lead) is the Slack user, through People. */
export function itemsOfSlackUser(register: Register, kind: ItemKind | null, slackUserId: string): Item[] {
  const directory = peopleDirectory(register.people);
  const owns = (cell: string) => directory.resolve(cell).people.some((person) => person.slackUser === slackUserId);
  return openItems(register, kind).filter((item) => owns(ownerOf(item)) || (item.kind === 'risk' && owns(item.actionOwner)));
}

/** Open items whose owner matches a name as typed: case, spacing and punctuation ignored, part of a name enough. */
export function itemsOfOwnerName(register: Register, kind: ItemKind | null, name: string): Item[] {
  const wanted = personKey(name);
  if (wanted === '') return [];
  return openItems(register, kind).filter((item) => personKey(ownerOf(item)).includes(wanted));
}

export function overdueOfKind(register: Register, kind: ItemKind | null, today: IsoDate): Item[] {
  return ofKind(overdueItems(register, today).map((dated) => dated.item), kind);
}

export function dueSoonOfKind(register: Register, kind: ItemKind | null, today: IsoDate, days: number): Item[] {
  return ofKind(dueSoonItems(register, today, days).map((dated) => dated.item), kind);
}
