import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { MemoryLeases } from '../leases/memory-leases.js';
import type { Leases } from '../../ports/leases.js';
import { deliveryKey } from './delivery-dedupe.js';
import { registerItemButtons } from './listeners/actions/item-buttons.js';
import { registerAppHome } from './listeners/events/app-home.js';
import { registerQuestions } from './listeners/events/questions.js';
import { registerItemCommands } from './listeners/commands/item-command.js';
import { registerNewDateSubmitted } from './listeners/views/new-date-submitted.js';
import { registerNewItemSubmitted } from './listeners/views/new-item-submitted.js';
import { registerUpdateSubmitted } from './listeners/views/update-submitted.js';
import { refuseFutureRequest, refuseOversizedRequest } from './request-guard.js';
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
  stop(): Promise<void>;
}

/** How long a delivery is remembered: Slack retries within minutes; a replay is refused by age after five. */
const DELIVERY_LEASE_MS = 30 * 60_000;

function register(app: App, deps: SlackDeps, leases: Leases): void {
  // Slack retries deliveries it thinks failed, and a request can be replayed: each one is run once, by one instance.
  app.use(async (args) => {
    const key = deliveryKey(args.body as Record<string, unknown>);
    if (key !== null && !(await leases.take(`delivery:${key}`, DELIVERY_LEASE_MS))) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  });
  // Bolt's default prints the whole error, which for a Web API failure can hold request details: the stack is enough.
  app.error(async (error) => {
    deps.log(`slack listener failed: ${error.stack ?? error.message}`);
  });
  registerItemCommands(app, deps);
  registerUpdateSubmitted(app, deps);
  registerNewItemSubmitted(app, deps);
  registerItemButtons(app, deps);
  registerNewDateSubmitted(app, deps);
  registerQuestions(app, deps);
  registerAppHome(app, deps);
}

const clientOptions = (connection: SlackConnection) => slackClientOptions(connection.apiUrl);

/**
 * Starts the Slack app: Socket Mode when an app token is set, else HTTP on
 * `port` with Slack's requests at /slack/events and a health check at
 * /healthz. Requests stamped more than five minutes ahead are refused before
 * Bolt, which checks only the old side, sees them.
 */
export async function startSlackApp(deps: SlackDeps, connection: SlackConnection, port: number, host = '0.0.0.0'): Promise<RunningSlackApp> {
  const leases = deps.leases ?? new MemoryLeases();
  const logLevel = LogLevel.WARN;
  if (connection.appToken) {
    const app = new App({ token: connection.botToken, appToken: connection.appToken, socketMode: true, logLevel, clientOptions: clientOptions(connection) });
    register(app, deps, leases);
    await app.start();
    return { url: null, stop: () => app.stop() as Promise<void> };
  }
  const receiver = new HTTPReceiver({
    signingSecret: connection.signingSecret,
    endpoints: '/slack/events',
    logLevel,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); } }],
  });
  const app = new App({ token: connection.botToken, receiver, logLevel, clientOptions: clientOptions(connection) });
  register(app, deps, leases);
  const server: Server = createServer((req, res) => {
    if (refuseOversizedRequest(req, res) || refuseFutureRequest(req, res, Math.floor(deps.clock().getTime() / 1000))) return;
    receiver.requestListener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/slack/events`,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
