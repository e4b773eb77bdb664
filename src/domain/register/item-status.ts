import type { IsoDate } from '../cell.js';
import type { Rag } from './rag.js';
import type { StatusState } from './status-words.js';

/**
 * What decided an item's state: its status word, a date in its Date closed
 * column, 100% progress or a Blue RAG where it has no status word, a word the
 * bot does not know (read as open), or nothing at all (open).
 */
export type StateSource = 'word' | 'date-closed' | 'progress' | 'rag' | 'unknown' | 'none';

/** An item's status as read: the word, the state it means and why, its RAG colour and date closed. */
export interface ItemStatus {
  /** The status word, spelled as the vocabulary spells it when known, else as the cell has it; '' when blank. */
  status: string;
  state: StatusState;
  stateFrom: StateSource;
  rag: Rag | null;
  /** The Date closed column's date, when it holds one. */
  dateClosed: IsoDate | null;
}
