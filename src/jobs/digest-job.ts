import type { WebClient } from '@slack/web-api';
import { postMessage } from '../adapters/slack/post-message.js';
import type { Settings } from '../config/settings.js';
import { dateInZone } from '../domain/calendar.js';
import type { RegisterStore } from '../ports/register-store.js';
import { boardDigest } from '../use-cases/board-digest.js';
import { loadRegister } from '../use-cases/load-register.js';
import type { Job } from './job.js';

/** The weekly digest slot: the board's digest posted to its channel at the configured schedule. */
export function digestJob(deps: { store: RegisterStore; settings: Settings; client: WebClient; log: (text: string) => void }): Job {
  return {
    name: 'digest',
    schedule: deps.settings.digest.schedule,
    async run(firedAt) {
      const channel = deps.settings.boards[0]?.channel;
      if (!channel) {
        deps.log('digest: no board channel is configured (boards[0].channel), so the digest was not posted');
        return;
      }
      const today = dateInZone(firedAt, deps.settings.timeZone);
      const { message } = boardDigest(await loadRegister(deps.store, deps.settings, today), deps.settings, today);
      await postMessage(deps.client, channel, message);
    },
  };
}
