import type { HeatMap } from '../domain/digest/heat-map.js';
import type { Scale } from '../domain/items/scale.js';
import type { Message } from '../messages/message.js';

/** The heat map posted with a digest, drawn by the adapter (an image for Slack). */
export interface HeatMapPicture {
  heatMap: HeatMap;
  scale: Scale;
  name: string;
  title: string;
}

/**
 * Where a board's digest goes: its Slack channel. The message carries its
 * ledger name (`messageKey`) so a later run can ask whether it arrived.
 */
export interface DigestPoster {
  wasDelivered(channel: string, messageKey: string, since: Date): Promise<boolean | null>;
  /** Posts the digest, and its heat map when there is one (a register keeping a plan alone has none). */
  post(channel: string, message: Message, messageKey: string, picture: HeatMapPicture | null): Promise<void>;
}
