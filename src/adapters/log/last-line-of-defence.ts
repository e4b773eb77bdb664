import { describeError, type Log, logRef, valueAsLogText } from './log.js';

/**
 * The process's last line of defence while it serves requests: an error
 * nothing caught (a rejected promise nobody awaited, an exception thrown
 * from a callback while handling a request) is logged as one short line
 * with a reference, and the bot goes on serving. Node's default would end
 * the process and print the whole error, with any request's headers in it.
 * Returns a function that removes the handlers.
 */
export function installLastLineOfDefence(log: Log, target: NodeJS.Process = process): () => void {
  const report = (what: string) => (error: unknown) => {
    log(`${what} (ref ${logRef()}), still serving: ${describeError(error, false).split('\n')[0]!.slice(0, 300)}`);
  };
  const onRejection = report('unhandled rejection');
  const onException = report('uncaught exception');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}

/**
 * Sends what libraries write with console.* to the bot's log, so it is
 * redacted like everything else (Bolt and the Web API client get their own
 * logger; this catches the rest).
 */
export function routeConsoleToLog(log: Log, target: Console = console): void {
  const line = (...parts: unknown[]) => log(parts.map(valueAsLogText).join(' '));
  target.log = line;
  target.info = line;
  target.warn = line;
  target.error = line;
  target.debug = () => undefined;
}
