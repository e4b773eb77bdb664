import type { DigestPictures } from '../domain/digest/pictures/digest-pictures.js';
import type { Message } from '../messages/message.js';

export type { DigestPicture, DigestPictures } from '../domain/digest/pictures/digest-pictures.js';

/**
 * Where a board's digest goes: its Slack channel. The message carries its
 * ledger name (`messageKey`) so a later run can ask whether it arrived.
 */
export interface DigestPoster {
  wasDelivered(channel: string, messageKey: string, since: Date): Promise<boolean | null>;
  /**
   * Posts the digest, then its pictures when there are any (a register keeping
   * a plan alone has none): the heat map to the channel, the trend in the
   * digest's thread. The adapter draws them from their SVG text.
   */
  post(channel: string, message: Message, messageKey: string, pictures: DigestPictures | null): Promise<void>;
}
