import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Whether the Redis tests are skipped: only when redis-server is not installed
 * and REQUIRE_REDIS is not set. CI sets it (and installs the package), so
 * there they always run; on a fresh machine `npm test` still passes, saying
 * what it skipped.
 */
export const SKIP_REDIS = process.env.REQUIRE_REDIS !== '1' && spawnSync('redis-server', ['--version']).status !== 0;
if (SKIP_REDIS)
  process.stderr.write(
    'redis-server is not installed: the Redis and scale-out tests are skipped (apt-get install redis-server to run them).\n',
  );

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real redis-server (the Debian package; CI installs it) on a free local
 * port, in memory only, for tests of what several instances share.
 */
export async function startRedisServer(): Promise<RunningRedis> {
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`redis-server could not be started (apt-get install redis-server): ${(error as Error).message}`);
  }
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (apt-get install redis-server): ${error.message}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
