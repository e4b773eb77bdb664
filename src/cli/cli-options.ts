import { parseArgs } from 'node:util';
import { isValidIsoDate } from '../domain/dates/timescale.js';

const COMMANDS = ['check', 'digest', 'nudges', 'setup-sheet', 'import', 'export'] as const;
const FILE_COMMANDS: readonly string[] = ['import', 'export'];

export const USAGE = `Usage: risk-bot <command> [options]

Commands:
  check     the data-quality report; exits 1 when there are errors
  digest    the weekly digest as the board would see it
  digest --post
            posts the digest and its heat map to the board's channel now (SLACK_BOT_TOKEN),
            with the schedule's code and ledger: once a day at most
  nudges    the reminders that would be sent today, and to whom (dry run)
  nudges --send
            sends today's reminders now through Slack (SLACK_BOT_TOKEN), with the
            scheduled run's code and ledger: what went out already is not sent again
  setup-sheet [--sheet ID | --new TITLE]
            makes a Google Sheet a register: tabs, headers, drop-downs, band colours (safe to run again)
  import FILE --sheet ID
            copies a register (.xlsx, .csv, or a folder of .csv files) into an empty Google Sheet, then sets it up
  import FILE --workbook NEW.xlsx
            copies a register (a .csv export, say) into a new workbook the bot can keep
  export FILE.xlsx [--sheet ID]
            writes the Google Sheet register to a new workbook

Options:
  --workbook FILE   the register as an .xlsx workbook (default: REGISTER_WORKBOOK, else the local sample);
                    a .csv file or a folder of them is read only: import it to change it
  --sheet ID        the register as a Google Sheet (default: REGISTER_SHEET_ID, else the board's sheetId in config)
  --config FILE     settings merged over config/default.json
  --today DATE      the date to compute for, as YYYY-MM-DD (default: today in the configured time zone)
  --format FORMAT   text (default) or json
  --help            this text`;

export interface CliOptions {
  command: (typeof COMMANDS)[number];
  /** The workbook file of import and export. */
  file?: string | undefined;
  /** setup-sheet --new: the title of a spreadsheet to create. */
  newTitle?: string | undefined;
  workbook?: string | undefined;
  sheet?: string | undefined;
  config?: string | undefined;
  today?: string | undefined;
  format: 'text' | 'json';
  /** nudges --send: send today's reminders rather than preview them. */
  send?: boolean;
  /** digest --post: post the digest to the board's channel rather than print it. */
  post?: boolean;
}

/** A usage mistake: the message says what was wrong; the caller prints the usage after it. */
export class UsageError extends Error {}

const VALUE_OPTIONS = ['workbook', 'sheet', 'new', 'config', 'today', 'format'];

/**
 * `--sheet ID` with the ID as the next argument even when it starts with a
 * dash: Google's spreadsheet IDs are drawn from letters, digits, - and _, and
 * parseArgs would take "-1Bx…" for an option. Another option's name is left
 * alone, so `--sheet --today …` still says the ID is missing.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const isValueOption = arg.startsWith('--') && VALUE_OPTIONS.includes(arg.slice(2));
    if (isValueOption && next !== undefined && /^-[^-]/.test(next)) {
      args.push(`${arg}=${next}`);
      i += 1;
    } else args.push(arg);
  }
  return args;
}

/** Reads argv with node's parseArgs; a mistake in it is a usage error. */
function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: joinDashValues(argv),
      allowPositionals: true,
      options: {
        workbook: { type: 'string' },
        sheet: { type: 'string' },
        new: { type: 'string' },
        config: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
        send: { type: 'boolean', default: false },
        post: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseCliOptions(argv: readonly string[]): CliOptions | 'help' {
  const { values, positionals } = readArgs(argv);
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return 'help';
  const [command, ...rest] = positionals;
  const file = FILE_COMMANDS.includes(command!) ? rest.shift() : undefined;
  const extra = rest;
  if (FILE_COMMANDS.includes(command!) && file === undefined)
    throw new UsageError(`${command} needs a workbook file, e.g. risk-bot ${command} register.xlsx --sheet ID`);
  if (command === 'import' && values.sheet === undefined && values.workbook === undefined)
    throw new UsageError(
      'import needs --sheet ID (a Google Sheet) or --workbook NEW.xlsx (a new workbook) to copy into',
    );
  if (values.new !== undefined && (command !== 'setup-sheet' || values.sheet !== undefined))
    throw new UsageError('--new TITLE goes with setup-sheet, instead of --sheet');
  if (!(COMMANDS as readonly string[]).includes(command!))
    throw new UsageError(`unknown command "${command}"; use one of ${COMMANDS.join(', ')}`);
  if (values.workbook !== undefined && values.sheet !== undefined)
    throw new UsageError('give --workbook or --sheet, not both');
  if (values.post && command !== 'digest') throw new UsageError('--post goes with digest: risk-bot digest --post');
  if (values.send && command !== 'nudges') throw new UsageError('--send goes with nudges: risk-bot nudges --send');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values.today !== undefined && !isValidIsoDate(values.today))
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${values.today}"`);
  return {
    command: command as CliOptions['command'],
    file,
    newTitle: values.new,
    workbook: values.workbook,
    sheet: values.sheet,
    config: values.config,
    today: values.today,
    format: values.format,
    send: values.send,
    post: values.post,
  };
}
