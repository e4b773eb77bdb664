import { type Logger, LogLevel } from '@slack/bolt';
import { type Log, valueAsLogText } from './log.js';

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * The Logger that Bolt, its receiver and the Web API client are given, so
 * what they log goes through the bot's one redacting log instead of the
 * console. Objects they pass are not printed: Bolt's debug lines can hold
 * whole requests.
 */
export function libraryLogger(log: Log, level: LogLevel = LogLevel.WARN): Logger {
  let threshold = level;
  let name = 'slack';
  const at =
    (entryLevel: LogLevel) =>
    (...parts: unknown[]) => {
      if (ORDER.indexOf(entryLevel) < ORDER.indexOf(threshold)) return;
      log(`[${entryLevel.toUpperCase()}] ${name}: ${parts.map(valueAsLogText).join(' ')}`);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      threshold = next;
    },
    getLevel: () => threshold,
    setName: (next) => {
      name = next;
    },
  };
}
