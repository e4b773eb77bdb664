import type { Board, Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { dateInZone } from '../domain/dates/calendar.js';
import { buildDigest, type Digest } from '../domain/digest/digest.js';
import { requireReadable } from '../domain/register/read-register.js';
import type { Register } from '../domain/register/register.js';
import { digestMessage } from '../messages/digest-message.js';
import type { Message } from '../messages/message.js';

export type DigestSettings = Pick<Settings, 'boards' | 'digest' | 'reminders' | 'tabs' | 'timeZone' | 'scale'>;

/** The day an Audit log timestamp falls on in the board's time zone; null for text that is not a time. */
export function auditDay(timeZone: string): (when: string) => IsoDate | null {
  return (when) => {
    const instant = new Date(when);
    return Number.isNaN(instant.getTime()) ? null : dateInZone(instant, timeZone);
  };
}

/** A board's digest of its register as of `today`, with the board's scale and the configured lengths. */
export function boardDigest(
  register: Register,
  settings: DigestSettings,
  today: IsoDate,
  board: Board = settings.boards[0]!,
): { digest: Digest; message: Message } {
  requireReadable(register);
  const digest = buildDigest(register, today, {
    scale: board.scale,
    topRisks: settings.digest.topRisks,
    dueSoonDays: settings.reminders.dueSoonDays,
    boardId: board.id,
    synonyms: { risks: settings.tabs.risks.headers, actions: settings.tabs.actions.headers },
    dayOf: auditDay(settings.timeZone),
  });
  return { digest, message: digestMessage(digest, board.name) };
}
