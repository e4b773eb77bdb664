/**
 * A process with no shutdown of its own (local mode, a risk-bot command)
 * exits through process.exit on SIGTERM, SIGINT or SIGHUP, with the shell's
 * usual code, instead of the signal's default ending: that skips the exit
 * handlers, which give up a workbook's lock.
 */
export function exitOnSignals(): void {
  const codes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  for (const [signal, code] of Object.entries(codes)) process.once(signal, () => process.exit(code));
}
