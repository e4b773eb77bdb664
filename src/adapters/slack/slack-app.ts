import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Leases } from '../../ports/leases.js';
import { frontDoor, SLACK_EVENTS_PATH, type SlackListener } from '../http/front-door.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../http/http-limits.js';
import { startHttpServer } from '../http/http-server.js';
import { MemoryLeases } from '../leases/memory-leases.js';
import { libraryLogger } from '../log/library-logger.js';
import { describeError } from '../log/log.js';
import { type WorkEntry, WorkInProgress } from '../shared/work-in-progress.js';
import { deliveryKey } from './delivery-dedupe.js';
import { registerItemButtons } from './listeners/actions/item-buttons.js';
import { registerItemCommands } from './listeners/commands/item-command.js';
import { registerAppHome } from './listeners/events/app-home.js';
import { registerQuestions } from './listeners/events/questions.js';
import { registerNewDateSubmitted } from './listeners/views/new-date-submitted.js';
import { registerNewItemSubmitted } from './listeners/views/new-item-submitted.js';
import { registerUpdateSubmitted } from './listeners/views/update-submitted.js';
import { slackClientOptions } from './slack-client.js';
import type { SlackDeps } from './slack-deps.js';

export interface SlackConnection {
  botToken: string;
  signingSecret: string;
  /** With an app-level token the app uses Socket Mode; without, HTTP. */
  appToken?: string | undefined;
  apiUrl?: string | undefined;
}

export interface RunningSlackApp {
  /** HTTP mode: where Slack sends requests, e.g. http://127.0.0.1:3000/slack/events. */
  url: string | null;
  /** What the app is working on for people; a shutdown waits for it. */
  inProgress: WorkInProgress;
  /**
   * Stops taking requests (new ones are refused, the health check fails),
   * lets those in progress finish until `graceMs`, then closes.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long a delivery is remembered: Slack retries within minutes; a replay is refused by age after five. */
const DELIVERY_LEASE_MS = 30 * 60_000;

const UNFINISHED_TEXT =
  'The bot was stopped while working on your request, before it could confirm it. ' +
  'Look at the item before sending it again: the change may not have been made.';

/** How to tell the person behind a delivery that the bot stopped before finishing it. */
function tellUnfinished(args: Record<string, unknown>, client: WebClient): WorkEntry['tellUnfinished'] {
  const body = args.body as { type?: string; user?: { id?: string } };
  if (typeof args.respond === 'function') {
    const respond = args.respond as (message: Record<string, unknown>) => Promise<unknown>;
    return async () => {
      await respond({ response_type: 'ephemeral', replace_original: false, text: UNFINISHED_TEXT });
    };
  }
  const user = body.user?.id;
  if (body.type === 'view_submission' && typeof user === 'string')
    return async () => {
      await client.chat.postMessage({ channel: user, text: UNFINISHED_TEXT });
    };
  // Events (questions, the Home tab) change nothing: there is nothing to own up to.
  return undefined;
}

function register(app: App, deps: SlackDeps, leases: Leases, inProgress: WorkInProgress): void {
  // Slack retries deliveries it thinks failed, and a request can be replayed: each one is run once, by one instance.
  // The lease stops a retry while this instance lives; the delivery's change ID in the Audit log stops one after a restart.
  app.use(async (args) => {
    const key = deliveryKey(args.body as Record<string, unknown>);
    if (key !== null && !(await leases.take(`delivery:${key}`, DELIVERY_LEASE_MS))) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    args.context.deliveryKey = key;
    const entry: WorkEntry = {
      what: `Slack ${(args.body as { type?: string }).type ?? 'request'}`,
      ...(key === null ? {} : { lease: `delivery:${key}` }),
    };
    const tell = tellUnfinished(args as unknown as Record<string, unknown>, args.client);
    await inProgress.run(tell === undefined ? entry : { ...entry, tellUnfinished: tell }, () => args.next());
  });
  // Bolt's default prints the whole error, which for a Web API failure can hold request details: the stack is enough.
  app.error(async (error) => {
    deps.log(`slack listener failed: ${describeError(error)}`);
  });
  registerItemCommands(app, deps);
  registerUpdateSubmitted(app, deps);
  registerNewItemSubmitted(app, deps);
  registerItemButtons(app, deps);
  registerNewDateSubmitted(app, deps);
  registerQuestions(app, deps);
  registerAppHome(app, deps);
}

export interface SlackAppOptions {
  port: number;
  host?: string;
  limits?: HttpLimits;
  inProgress?: WorkInProgress;
}

/**
 * Starts the Slack app: Socket Mode when an app token is set, else HTTP on
 * the bot's own server (see front-door.ts), with Slack's requests at
 * /slack/events and a health check at /healthz. Bolt and the Web API log
 * through the bot's redacting log.
 */
export async function startSlackApp(
  deps: SlackDeps,
  connection: SlackConnection,
  options: SlackAppOptions,
): Promise<RunningSlackApp> {
  const leases = deps.leases ?? new MemoryLeases();
  const inProgress = options.inProgress ?? new WorkInProgress();
  const logger: Logger = libraryLogger(deps.log, LogLevel.WARN);
  const clientOptions = slackClientOptions(connection.apiUrl, deps.log);
  if (connection.appToken) {
    const app = new App({
      token: connection.botToken,
      appToken: connection.appToken,
      socketMode: true,
      logger,
      clientOptions,
    });
    register(app, deps, leases, inProgress);
    await app.start();
    return {
      url: null,
      inProgress,
      stop: async (graceMs = 0) => {
        await inProgress.whenIdle(graceMs);
        await app.stop();
      },
    };
  }
  const receiver = new HTTPReceiver({ signingSecret: connection.signingSecret, endpoints: SLACK_EVENTS_PATH, logger });
  const app = new App({ token: connection.botToken, receiver, logger, clientOptions });
  register(app, deps, leases, inProgress);
  const limits = options.limits ?? DEFAULT_HTTP_LIMITS;
  let stopping = false;
  const handler = frontDoor({
    slack: receiver.requestListener as SlackListener,
    signingSecret: connection.signingSecret,
    nowSeconds: () => Math.floor(deps.clock().getTime() / 1000),
    log: deps.log,
    limits,
    stopping: () => stopping,
  });
  const host = options.host ?? '0.0.0.0';
  const server = await startHttpServer(handler, options.port, host, limits);
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.port}${SLACK_EVENTS_PATH}`,
    inProgress,
    stop: async (graceMs = 0) => {
      stopping = true;
      await server.close(graceMs);
    },
  };
}
