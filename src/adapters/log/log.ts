import { randomUUID } from 'node:crypto';
import { redact } from './redact.js';

/** Where the bot's log lines go: one line of text at a time. */
export type Log = (text: string) => void;

/** A log entry longer than this is cut: one request must not be able to flood the log. */
export const MAX_LOG_ENTRY = 4000;

/**
 * The one way into the bot's log: every entry is cleaned of secrets (the
 * bot's own, and anything shaped like a token, key, cookie or credential
 * header) and cut to a bounded length before it is written.
 */
export function redactingLog(write: (line: string) => void, knownSecrets: readonly string[] = []): Log {
  return (text) => {
    const clean = redact(text, knownSecrets);
    write(
      clean.length > MAX_LOG_ENTRY
        ? `${clean.slice(0, MAX_LOG_ENTRY)}… (${clean.length - MAX_LOG_ENTRY} more characters cut)`
        : clean,
    );
  };
}

/** A new short reference: the person is given it, and the log line with the details carries it. */
export function logRef(): string {
  return randomUUID().slice(0, 8);
}

/** The log of a bot process: standard error, through redaction. */
export function processLog(knownSecrets: readonly string[] = []): Log {
  return redactingLog((line) => process.stderr.write(`${line}\n`), knownSecrets);
}

/**
 * An error as log text: its name, message and (if asked) stack, never the
 * object itself. Node's inspection of an error prints every property, and
 * errors from HTTP clients and servers hold requests with their headers.
 */
export function describeError(error: unknown, withStack = true): string {
  if (error instanceof Error) {
    const head = `${error.name}: ${error.message}`;
    if (!withStack || error.stack === undefined) return head;
    // The stack repeats the message first; keep only its frames.
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    return [head, ...frames].join('\n');
  }
  if (typeof error === 'string' || typeof error === 'number' || typeof error === 'boolean')
    return `thrown ${typeof error}: ${String(error).slice(0, 200)}`;
  return `a thrown ${error === null ? 'null' : typeof error} (not an Error)`;
}

/** Any value a library hands its logger, as log text: errors by name and message, objects never inspected. */
export function valueAsLogText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return describeError(value, false);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return `(${typeof value})`;
}
