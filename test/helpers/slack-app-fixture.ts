import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorDirectory } from '../../src/adapters/slack/actor-directory.js';
import { type RunningSlackApp, startSlackApp } from '../../src/adapters/slack/slack-app.js';
import type { SlackTiming } from '../../src/adapters/slack/slack-client.js';
import type { SlackDeps } from '../../src/adapters/slack/slack-deps.js';
import type { FakeSlackServer } from './fake-slack-server.js';
import { REPO_ROOT } from './run-command.js';

/**
 * Slack clients for tests: as many retries as in production, a few ms apart
 * instead of 1 s doubling; posts to one channel 10 ms apart instead of a
 * second (the pacing itself is tested in unit/channel-pacer.test.ts).
 */
export const QUICK_SLACK: SlackTiming = { retryWaits: { minTimeout: 5, maxTimeout: 20 }, postSpacingMs: 10 };

/** The signing secret the test apps check requests against (see slack-signing.ts). */
export const TEST_SIGNING_SECRET = 'test-signing-secret';

/** A fresh copy of the bundled sample register (built for 2026-11-23), for a test to write to. */
export function sampleWorkbookCopy(prefix = 'risk-bot-'): string {
  const path = join(mkdtempSync(join(tmpdir(), prefix)), 'register.xlsx');
  copyFileSync(join(REPO_ROOT, 'config/sample-register.xlsx'), path);
  return path;
}

/**
 * The real Slack app (Bolt's HTTP receiver) on a free local port, its Web
 * API pointed at the fake Slack server. People in the programme office and
 * the clock default to the settings' and the real one.
 */
export function startTestSlackApp(
  slack: FakeSlackServer,
  deps: Omit<SlackDeps, 'actors' | 'clock'> & Partial<Pick<SlackDeps, 'actors' | 'clock'>>,
): Promise<RunningSlackApp> {
  return startSlackApp(
    { actors: new ActorDirectory(deps.settings), clock: () => new Date(), ...deps },
    { botToken: 'xoxb-test', signingSecret: TEST_SIGNING_SECRET, apiUrl: slack.url },
    { port: 0, host: '127.0.0.1' },
  );
}
