import { Readable, Writable } from 'node:stream';
import { vi } from 'vitest';
import { redactingLog } from '../../src/adapters/log/log.js';
import { runRiskBot } from '../../src/cli/run-risk-bot.js';
import { runLocalMode } from '../../src/composition/local-mode.js';
import { readEnv } from '../../src/config/env.js';
import type { CommandResult } from './run-command.js';
import { QUICK_SLACK } from './slack-app-fixture.js';

/**
 * `risk-bot` with these arguments, in this process: src/cli.ts's own entry
 * function, given only `env` (no .env file, nothing inherited), its output
 * collected. Slack's retries and posts wait a few ms; everything else is as the bin runs it.
 */
export async function riskBot(args: readonly string[], env: Record<string, string> = {}): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await runRiskBot(args, {
    env: { ...env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    slackTiming: QUICK_SLACK,
  });
  return { code, stdout, stderr };
}

/**
 * `npm start` without Slack credentials (local mode), in this process:
 * runLocalMode, which src/main.ts calls, given `stdin` as piped input, as `npm start < file` runs it.
 */
export async function localMode(env: Record<string, string>, stdin = ''): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const log = redactingLog((line) => (stderr += `${line}\n`));
  const code = await runLocalMode(
    readEnv({ ...env }),
    { input: Readable.from(stdin === '' ? [] : [stdin]), output, interactive: false },
    log,
  );
  return { code, stdout, stderr };
}

/**
 * Runs `run` with everything else this process prints (process.stdout and
 * stderr, the console) caught: what a child process would have shown beside
 * its own output, for tests that no secret is printed anywhere.
 */
export async function withStrayOutput<T>(run: () => Promise<T>): Promise<{ result: T; stray: string }> {
  let stray = '';
  const catchText = (chunk: unknown) => {
    stray += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk);
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(catchText),
    vi.spyOn(process.stderr, 'write').mockImplementation(catchText),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi
        .spyOn(console, method)
        .mockImplementation((...args: unknown[]) => void catchText(`${args.map(String).join(' ')}\n`)),
    ),
  ];
  try {
    return { result: await run(), stray };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
