import type { WebClient } from '@slack/web-api';
import type { Message } from '../../messages/message.js';
import type { DigestPicture, DigestPictures, DigestPoster } from '../../ports/digest-poster.js';
import { svgPng } from '../pictures/svg-png.js';
import { type ChannelPacer, pacerFor } from './channel-pacer.js';
import { findDelivered } from './find-delivered.js';
import { postMessage } from './post-message.js';

export const DIGEST_EVENT_TYPE = 'risk_bot_digest';

/**
 * The digest through the Slack Web API: the message (continued in its thread
 * past the block limit), paced per channel, with its ledger name in the
 * metadata; then the heat map uploaded to the channel and the trend to the
 * digest's thread, each drawn to PNG from its SVG (files.uploadV2: the
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

  async post(channel: string, message: Message, messageKey: string, pictures: DigestPictures | null): Promise<void> {
    const posted = await postMessage(this.client, channel, message, {
      before: () => this.pacer.turn(channel),
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { message: messageKey } },
    });
    if (pictures === null) return;
    await this.upload(channel, pictures.heatMap);
    if (pictures.trend !== null && posted.ts !== undefined) await this.upload(channel, pictures.trend, posted.ts);
  }

  private async upload(channel: string, picture: DigestPicture, threadTs?: string): Promise<void> {
    await this.pacer.turn(channel);
    const file = {
      file: svgPng(picture.svg, picture.width),
      filename: `${picture.name}.png`,
      title: picture.title,
      alt_text: picture.altText,
    };
    await this.client.filesUploadV2(
      threadTs === undefined ? { channel_id: channel, ...file } : { channel_id: channel, thread_ts: threadTs, ...file },
    );
  }
}
