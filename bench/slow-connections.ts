import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { startBotProcess } from '../test/helpers/bot-process.js';
import { startFakeSlackServer } from '../test/helpers/fake-slack-server.js';
import { rawRequest, requestHead } from '../test/helpers/raw-http.js';
import { sampleWorkbookCopy } from '../test/helpers/slack-app-fixture.js';

/**
 * Memory a crowd of slow senders can make the bot hold: 300 connections each
 * declaring a 1 MiB body to /slack/events and sending it slowly, first with
 * no Slack signature (refused before any body is read), then with a
 * well-formed but wrong one (bodies read within the shared budget). The bot
 * is `npm start`'s entry point in HTTP mode; its resident memory is sampled
 * from /proc. Target: under 50 MiB added.
 */
const CONNECTIONS = 300;
const BODY_BYTES = 1024 * 1024;
const HOLD_MS = 6000;

const rssMiB = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function slowSender(
  base: string,
  headers: Record<string, string>,
  chunk: Buffer,
): { socket: Socket; answered: Promise<string> } {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  let sent = 0;
  const timer = setInterval(() => {
    if (sent >= BODY_BYTES || socket.destroyed) return;
    socket.write(chunk);
    sent += chunk.length;
  }, 50);
  const answered = new Promise<string>((resolve) => {
    let first = '';
    socket.on('data', (data: Buffer) => {
      first ||= data.toString('latin1').split('\r\n')[0] ?? '';
    });
    socket.on('close', () => {
      clearInterval(timer);
      resolve(first || 'closed without answer');
    });
    socket.on('error', () => undefined);
  });
  socket.write(
    requestHead('POST', '/slack/events', {
      'Content-Type': 'application/json',
      'Content-Length': String(BODY_BYTES),
      ...headers,
    }).replace('Connection: close\r\n', ''),
  );
  return { socket, answered };
}

async function crowd(
  base: string,
  pid: number,
  headers: () => Record<string, string>,
): Promise<{ peak: number; statuses: Map<string, number>; healthMs: number }> {
  const chunk = Buffer.alloc(16 * 1024, 0x7b);
  const senders = Array.from({ length: CONNECTIONS }, () => slowSender(base, headers(), chunk));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 100);
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS / 2));
  const started = performance.now();
  const health = await rawRequest(base, requestHead('GET', '/healthz'), '', 5000);
  const healthMs = health.status === 200 ? performance.now() - started : Number.NaN;
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS / 2));
  clearInterval(sampler);
  for (const { socket } of senders) socket.destroy();
  const statuses = new Map<string, number>();
  for (const answer of await Promise.all(senders.map((s) => s.answered))) {
    const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? answer;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  return { peak, statuses, healthMs };
}

export async function benchSlowConnections(): Promise<Record<string, string>> {
  const slack = await startFakeSlackServer();
  const bot = await startBotProcess({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: slack.url,
    REGISTER_WORKBOOK: sampleWorkbookCopy('bench-slow-'),
  });
  try {
    const pid = bot.child.pid!;
    for (let i = 0; i < 20; i++) await rawRequest(bot.base, requestHead('GET', '/healthz'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = rssMiB(pid);
    const unsigned = await crowd(bot.base, pid, () => ({}));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const between = rssMiB(pid);
    const forged = await crowd(bot.base, pid, () => ({
      'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)),
      'X-Slack-Signature': `v0=${'0'.repeat(64)}`,
    }));
    const describe = (run: typeof unsigned, from: number) =>
      `+${(run.peak - from).toFixed(1)} MiB peak (target under 50); answers ${[...run.statuses].map(([status, n]) => `${status}×${n}`).join(', ')}; /healthz meanwhile in ${run.healthMs.toFixed(0)} ms`;
    return {
      'bot resident memory before': `${before.toFixed(1)} MiB`,
      [`${CONNECTIONS} slow unsigned 1 MiB bodies`]: describe(unsigned, before),
      [`${CONNECTIONS} slow 1 MiB bodies, wrongly signed`]: describe(forged, between),
      'bot still up after': bot.child.exitCode === null ? 'yes' : `no (exit ${bot.child.exitCode})`,
    };
  } finally {
    await bot.kill();
    await slack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, value] of Object.entries(await benchSlowConnections()))
    process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}
