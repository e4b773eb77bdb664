import { type ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT } from './run-command.js';

export interface BotProcess {
  child: ChildProcess;
  /** The bot's base URL, e.g. http://127.0.0.1:41234 (HTTP mode). */
  base: string;
  /** Everything the process has written to stdout and stderr so far. */
  log(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Ends the process if it is still running. */
  kill(): Promise<void>;
}

/**
 * `npm start`'s entry point in HTTP mode, as a child process with its own
 * environment on a free port; resolves once it says it is connected.
 */
export function startBotProcess(env: Record<string, string>, readyWithinMs = 20_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the bot did not start within ${readyWithinMs} ms:\n${output.join('')}`));
    }, readyWithinMs);
    let started = false;
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (started) return;
      const ready = /connected to Slack \(HTTP, (http:\/\/[^/]+)\/slack\/events\)/.exec(output.join(''));
      if (ready) {
        started = true;
        clearTimeout(timer);
        resolve({ child, base: ready[1]!, log: () => output.join(''), exited, kill });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before it started:\n${output.join('')}`));
    });
  });
}
