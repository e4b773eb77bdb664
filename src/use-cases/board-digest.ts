import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { buildDigest, type Digest } from '../domain/digest.js';
import type { Register } from '../domain/register.js';
import { digestMessage } from '../messages/digest-message.js';
import type { Message } from '../messages/message.js';

/** The board's digest of a register as of `today`, with the board's scale and the configured lengths. */
export function boardDigest(register: Register, settings: Pick<Settings, 'boards' | 'digest' | 'reminders'>, today: IsoDate): { digest: Digest; message: Message } {
  const board = settings.boards[0]!;
  const digest = buildDigest(register, today, { scale: board.scale, topRisks: settings.digest.topRisks, dueSoonDays: settings.reminders.dueSoonDays });
  return { digest, message: digestMessage(digest, board.name) };
}
