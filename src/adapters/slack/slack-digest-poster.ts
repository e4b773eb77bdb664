import type { WebClient } from '@slack/web-api';
import type { Message } from '../../messages/message.js';
import type { DigestPoster, HeatMapPicture } from '../../ports/digest-poster.js';
import { heatMapPng } from '../heat-map/heat-map-png.js';
import { type ChannelPacer, pacerFor } from './channel-pacer.js';
import { findDelivered } from './find-delivered.js';
import { postMessage } from './post-message.js';

export const DIGEST_EVENT_TYPE = 'risk_bot_digest';

/**
 * The digest through the Slack Web API: the message (continued in its thread
 * past the block limit), paced per channel, with its ledger name in the
 * metadata; then the heat map uploaded to the channel (files.uploadV2: the
 * upload URL, the bytes, then completeUploadExternal).
 */
export class SlackDigestPoster implements DigestPoster {
  constructor(
    private readonly client: WebClient,
    private readonly pacer: ChannelPacer = pacerFor(client),
  ) {}

  wasDelivered(channel: string, messageKey: string, since: Date): Promise<boolean | null> {
    return findDelivered(this.client, channel, DIGEST_EVENT_TYPE, messageKey, since);
  }

  async post(channel: string, message: Message, messageKey: string, picture: HeatMapPicture | null): Promise<void> {
    await postMessage(this.client, channel, message, {
      before: () => this.pacer.turn(channel),
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { message: messageKey } },
    });
    if (picture === null) return;
    await this.pacer.turn(channel);
    await this.client.filesUploadV2({
      channel_id: channel,
      file: heatMapPng(picture.heatMap, picture.scale),
      filename: `${picture.name}.png`,
      title: picture.title,
      alt_text: 'Open risks by impact and probability, coloured by band; the digest message has the same grid as text.',
    });
  }
}
