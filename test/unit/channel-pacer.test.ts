import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelPacer } from '../../src/adapters/slack/channel-pacer.js';

describe('posts paced at one a second per channel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a burst to one channel goes out a second apart; another channel does not wait for it', async () => {
    const pacer = new ChannelPacer(1000, () => Date.now());
    const sentAt: Array<[string, number]> = [];
    const post = (channel: string) =>
      pacer.turn(channel).then(() => {
        sentAt.push([channel, Date.now()]);
      });
    const all = Promise.all([post('C0BOARD'), post('C0BOARD'), post('C0BOARD'), post('DU0LEAD')]);
    await vi.advanceTimersByTimeAsync(5000);
    await all;
    expect(sentAt.filter(([channel]) => channel === 'C0BOARD').map(([, at]) => at)).toEqual([0, 1000, 2000]);
    expect(sentAt.find(([channel]) => channel === 'DU0LEAD')![1]).toBe(0);
  });

  it('a post after a quiet spell goes out at once', async () => {
    const pacer = new ChannelPacer(1000, () => Date.now());
    await pacer.turn('C0BOARD');
    await vi.advanceTimersByTimeAsync(3000);
    const before = Date.now();
    await pacer.turn('C0BOARD');
    expect(Date.now()).toBe(before);
  });
});
