import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { REPO_ROOT } from '../test/helpers/run-command.js';
import { sampleWorkbookCopy } from '../test/helpers/slack-app-fixture.js';

/**
 * How soon `npm start`'s compiled bot serves: launched as a platform would
 * (node build/main.js, HTTP mode), the time until /healthz answers; and in
 * local mode, until the console has printed its first line. Median of five
 * each. Targets: /healthz within 1 s, the console within 1.5 s.
 */
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const healthz = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });

async function timeToHealthz(port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['build/main.js'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      REGISTER_WORKBOOK: sampleWorkbookCopy('bench-start-'),
    },
    stdio: 'ignore',
  });
  try {
    while (!(await healthz(port))) await new Promise((resolve) => setTimeout(resolve, 10));
    return performance.now() - started;
  } finally {
    child.kill('SIGKILL');
  }
}

function timeToConsole(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['build/main.js'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, REGISTER_WORKBOOK: sampleWorkbookCopy('bench-console-') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve) => {
    const ready = () => {
      resolve(performance.now() - started);
      child.kill('SIGKILL');
    };
    child.stdout.once('data', ready);
    child.stdin.end('quit\n');
  });
}

export async function benchStartup(): Promise<Record<string, string>> {
  spawnSync(process.execPath, ['scripts/ensure-built.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const health: number[] = [];
  const consoles: number[] = [];
  for (let i = 0; i < RUNS; i++) health.push(await timeToHealthz(39_200 + i));
  for (let i = 0; i < RUNS; i++) consoles.push(await timeToConsole());
  const show = (values: number[]) =>
    `${median(values).toFixed(0)} ms median (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;
  return {
    '/healthz served after launch (node build/main.js)': `${show(health)} (target 1000 ms)`,
    "local console's first line (node build/main.js)": `${show(consoles)} (target 1500 ms)`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, value] of Object.entries(await benchStartup()))
    process.stdout.write(`  ${label.padEnd(52)} ${value}\n`);
}
