import { formatDate } from '../domain/dates/calendar.js';
import type { Rag } from '../domain/register/rag.js';
import type { Item } from '../domain/register/register.js';

const RAG_MARKS: Record<Rag, string> = { Red: '🔴', Amber: '🟠', Green: '🟢', Blue: '🔵' };

/** A RAG colour named in words as well as colour, as every band is: "🔴 Red". */
export function ragText(rag: Rag): string {
  return `${RAG_MARKS[rag]} ${rag}`;
}

/**
 * An item's status in words, saying where the bot's reading came from when
 * the status word alone does not say it: "Accepted (open, no reminders)",
 * "Closed on Tue 3 Mar 2026 (Date closed)", "open (no status given)".
 */
export function statusText(item: Item): string {
  const word = item.status;
  switch (item.stateFrom) {
    case 'date-closed': {
      const was = word && word.toLowerCase() !== 'closed' ? `; the status says "${word}"` : '';
      return `Closed on ${formatDate(item.dateClosed!)} (Date closed)${was}`;
    }
    case 'progress':
      return 'Done (100% progress, no status given)';
    case 'rag':
      return 'Complete (RAG Blue, no status given)';
    case 'unknown':
      return `"${word}" (not a status word the bot knows; read as open)`;
    case 'none':
      return 'open (no status given)';
    default:
      return item.state === 'open-not-chased' ? `${word} (open, no reminders)` : word;
  }
}

/** An item's status in a list line: the word, or what stands for it, with its RAG colour. */
export function statusShort(item: Item): string {
  const word =
    item.stateFrom === 'word' || item.stateFrom === 'unknown'
      ? item.status
      : item.state === 'closed'
        ? 'closed'
        : item.rag === null
          ? 'open'
          : '';
  return [word, item.rag === null ? '' : ragText(item.rag)].filter(Boolean).join(', ');
}
