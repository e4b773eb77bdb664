import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { SAMPLE_DAY, sampleMemoryStore } from '../helpers/memory-register.js';
import { startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

/** When Google's quota makes an answer slow, the person hears "working on it" after a second, then the answer. */
const settings = loadSettings();
const slack = fakeSlackPerFile();

async function appWithRegisterTaking(delayMs: number) {
  const memory = await sampleMemoryStore(settings);
  const store: RegisterStore = {
    load: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return memory.load();
    },
    write: (request) => memory.write(request),
  };
  return startTestSlackApp(slack, { store, settings, today: () => SAMPLE_DAY, log: () => {} });
}

const showR1 = (url: string) =>
  sendToApp(
    url,
    slashCommandBody({ command: '/risk', text: 'show R-1', userId: 'U0SAMPLE01', responseUrl: slack.responseUrl() }),
    {
      secret: TEST_SIGNING_SECRET,
    },
  );

describe('an answer that takes a while', () => {
  it('when the register takes 1.5 s, then "working on it" comes after about a second, then the answer', async () => {
    const app = await appWithRegisterTaking(1500);
    try {
      await showR1(app.url!);
      const [answer] = await slack.waitFor('response_url', 1, 5000);
      const [note] = await slack.waitFor('response_url:note', 1, 100);
      expect(JSON.stringify(note!.args)).toContain('Working on it: Google Sheets is busy');
      expect(JSON.stringify(answer!.args)).toContain('R - 1');
      // On one response_url: the note first, then the answer.
      expect(note!.args.path).toBe(answer!.args.path);
    } finally {
      await app.stop();
    }
  });

  it('when the answer is quick, then there is no such note', async () => {
    const app = await appWithRegisterTaking(0);
    try {
      await showR1(app.url!);
      await slack.waitFor('response_url', 1, 5000);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(slack.responses).toHaveLength(1);
      expect(slack.progressNotes).toHaveLength(0);
    } finally {
      await app.stop();
    }
  });
});
