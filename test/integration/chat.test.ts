import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryRegisterStore } from '../../src/adapters/memory/memory-store.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { sampleMemoryStore } from '../helpers/memory-register.js';
import { startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { eventBody, interactionBody, sendToApp } from '../helpers/slack-signing.js';

const SECRET = TEST_SIGNING_SECRET;
const TODAY = '2026-11-23';
const settings = loadSettings();

const slack = fakeSlackPerFile();
let app: RunningSlackApp;
let store: MemoryRegisterStore;

beforeEach(async () => {
  slack.addUser({ id: 'U0PLAN', email: 'planning.officer@example.org' });
  store = await sampleMemoryStore(settings);
  app = await startTestSlackApp(slack, { store, settings, today: () => TODAY, log: () => {} });
});
afterEach(async () => {
  await app.stop();
});

const send = (event: Record<string, unknown>, eventId?: string) =>
  sendToApp(app.url!, eventBody(event, eventId), { secret: SECRET });
const answerText = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks);

describe('questions in chat, answered in the thread', () => {
  it('a mention in a channel: "anything overdue for Head of Adult\'s Services?"', async () => {
    const result = await send({
      type: 'app_mention',
      user: 'U0SAMPLE03',
      channel: 'C0LEADS',
      ts: '1790000000.000100',
      text: '<@UBOT> anything overdue for head of adults services?',
    });
    expect(result.status).toBe(200);
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(reply!.args).toMatchObject({ channel: 'C0LEADS', thread_ts: '1790000000.000100' });
    expect(answerText(reply!)).toContain('Overdue items for Head of Adult');
    expect(answerText(reply!)).toContain('A-22');
    expect(answerText(reply!)).toContain('A-25');
    expect(answerText(reply!)).not.toContain('A-13');
  });

  it('a mention inside a thread is answered in that thread', async () => {
    await send({
      type: 'app_mention',
      user: 'U0SAMPLE03',
      channel: 'C0LEADS',
      ts: '1790000000.000300',
      thread_ts: '1790000000.000200',
      text: '<@UBOT> top 3 risks',
    });
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(reply!.args.thread_ts).toBe('1790000000.000200');
    expect(answerText(reply!)).toContain('Top 3 risks by rating');
  });

  it('a direct message: "show me R7"', async () => {
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DU0SAMPLE03',
      user: 'U0SAMPLE03',
      ts: '1790000000.000400',
      text: 'show me R7',
    });
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(reply!.args).toMatchObject({ channel: 'DU0SAMPLE03', thread_ts: '1790000000.000400' });
    expect(answerText(reply!)).toContain('R - 7: proposed changes not approved by Cabinet');
  });

  it('"what is overdue for me" means the asker\'s items, through People', async () => {
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DU0SAMPLE03',
      user: 'U0SAMPLE03',
      ts: '1790000000.000500',
      text: "what's overdue for me?",
    });
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(answerText(reply!)).toContain('R - 3');
    expect(answerText(reply!)).not.toContain('A-22');
  });

  it("one owner's items, with the owner given as a Slack mention", async () => {
    await send({
      type: 'app_mention',
      user: 'U0SAMPLE01',
      channel: 'C0LEADS',
      ts: '1790000000.000550',
      text: "<@UBOT> what's open for <@U0SAMPLE03>?",
    });
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(answerText(reply!)).toContain('Open items for Lead Commissioner');
    expect(answerText(reply!)).toContain('R - 11');
  });

  it('what it does not understand gets a polite list of what it can answer', async () => {
    await send({
      type: 'app_mention',
      user: 'U0SAMPLE03',
      channel: 'C0LEADS',
      ts: '1790000000.000600',
      text: '<@UBOT> book me a meeting room for friday',
    });
    const [reply] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(answerText(reply!)).toContain('top 5 risks');
  });

  it("its own messages, other bots' and edits are not answered; a retried event is answered once", async () => {
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DU0SAMPLE03',
      bot_id: 'BBOT',
      ts: '1790000000.000700',
      text: 'Overdue items',
    });
    await send({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'DU0SAMPLE03',
      ts: '1790000000.000800',
      message: { text: 'x' },
    });
    await send(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'DU0SAMPLE03',
        user: 'U0SAMPLE03',
        ts: '1790000000.000900',
        text: 'help',
      },
      'EvSAME',
    );
    await send(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'DU0SAMPLE03',
        user: 'U0SAMPLE03',
        ts: '1790000000.000900',
        text: 'help',
      },
      'EvSAME',
    );
    await slack.waitFor('chat.postMessage', 1, 8000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('the App Home', () => {
  const open = (user: string) => send({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
  const published = async () => {
    const [call] = await slack.waitFor('views.publish', 1, 8000);
    return {
      user: call!.args.user_id,
      text: JSON.stringify(call!.args.view),
      view: call!.args.view as { type: string; blocks: Array<{ type: string; elements?: Array<{ value?: string }> }> },
    };
  };

  it("a lead sees their open items, overdue first, each with the reminders' buttons", async () => {
    await open('U0SAMPLE03');
    const { user, text, view } = await published();
    expect(user).toBe('U0SAMPLE03');
    expect(view.type).toBe('home');
    const ids = view.blocks.filter((b) => b.type === 'actions').map((b) => JSON.parse(b.elements![0]!.value!).id);
    expect(ids[0]).toBe('R - 3'); // 16 days overdue
    expect(ids).toEqual(expect.arrayContaining(['R - 3', 'R - 10', 'R - 11']));
    expect(text).not.toContain('A-22');
    expect(text).toContain('Mark done');
    expect(text).toContain('1 overdue');
  });

  it('someone People knows by e-mail alone sees theirs too', async () => {
    await open('U0PLAN');
    expect((await published()).text).toContain('A-6');
  });

  it('an owner with nothing open is told so', async () => {
    await open('U0SAMPLE09'); // Sue Scamell: A-12 is done
    expect((await published()).text).toContain('Nothing open is yours');
  });

  it('someone not in People is told how to be added', async () => {
    await open('U0NOBODY');
    expect((await published()).text).toContain('does not list you');
  });

  it('after a button is pressed in the App Home, it is published again without the item', async () => {
    await open('U0PLAN');
    const { view } = await published();
    const block = view.blocks.find((b) => b.type === 'actions' && JSON.parse(b.elements![0]!.value!).id === 'A-6')! as {
      block_id?: string;
      elements: Array<{ value?: string }>;
    };
    await sendToApp(
      app.url!,
      interactionBody({
        type: 'block_actions',
        team: { id: 'T0TEST' },
        user: { id: 'U0PLAN', team_id: 'T0TEST' },
        api_app_id: 'A0TEST',
        trigger_id: `trig-${Math.random()}`,
        container: { type: 'view', view_id: 'VHOMEU0PLAN' },
        view: { id: 'VHOMEU0PLAN', type: 'home', blocks: view.blocks },
        actions: [
          {
            type: 'button',
            action_id: 'item_done',
            block_id: block.block_id ?? 'b1',
            value: block.elements[0]!.value,
            action_ts: '1',
          },
        ],
      }),
      { secret: SECRET },
    );
    const calls = await slack.waitFor('views.publish', 2, 8000);
    const a6 = '"id\\":\\"A-6\\"';
    expect(JSON.stringify(calls[0]!.args.view)).toContain(a6);
    expect(JSON.stringify(calls[1]!.args.view)).not.toContain(a6);
    expect(readRegister(await store.load(), settings, TODAY).actions.find((a) => a.key === 'A-6')!.status).toBe('Done');
  });
});
