import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { WriteRequest } from '../../ports/register-store.js';
import type { WorkbookLog } from './file-error.js';

/** One confirmed write: what was asked, when, and the ID it is known by here (its change ID, or one of our own). */
export interface JournalEntry {
  id: string;
  /** ISO time the write was saved. */
  at: string;
  request: WriteRequest;
}

/**
 * How long a confirmed write is kept. A copy of the workbook opened before
 * the write can be saved over it at any time after, and the file showing the
 * change says nothing about copies still open elsewhere; a week covers a copy
 * left open over a weekend. Past that, putting back a change someone's save
 * removed would surprise more than it helps.
 */
export const JOURNAL_KEEP_MS = 7 * 24 * 3600_000;

/** The journal beside a workbook: `.register.xlsx.risk-bot-journal.jsonl`, hidden like the save's temporary copies. */
export function journalPath(workbook: string): string {
  return join(dirname(workbook), `.${basename(workbook)}.risk-bot-journal.jsonl`);
}

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const request = z.object({
  updates: z.array(
    z.object({
      tab: z.enum(['risks', 'actions']),
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), expected: cell, value: cell })),
    }),
  ),
  inserts: z.array(z.object({ tab: z.enum(['risks', 'actions', 'people']), values: z.record(z.string(), cell) })),
  audit: z.array(
    z.object({
      when: z.string(),
      who: z.string(),
      item: z.string(),
      field: z.string(),
      oldValue: z.string(),
      newValue: z.string(),
      via: z.enum(['command', 'button', 'modal', 'console', 'bot', 'import', 'sheet']),
      note: z.string(),
    }),
  ),
  changeId: z.string().optional(),
});
const entryLine = z.object({ id: z.string(), at: z.string(), request });
/** A journaled write that could not be put back (a person's edit won): never tried again. */
const settledLine = z.object({ settled: z.string(), at: z.string(), outcome: z.literal('refused') });
const line = z.union([entryLine, settledLine]);
type Line = z.infer<typeof line>;

/**
 * The journal of confirmed writes to one workbook: one JSON line per write,
 * appended (and synced to disk) once the write is saved, so a change that a
 * stale copy's save later removes can be put back. A line cut short by a
 * crash, or edited by hand into something else, is skipped.
 */
export class WorkbookJournal {
  readonly #workbook: string;
  readonly #path: string;
  readonly #log: WorkbookLog | undefined;
  #cache: { key: string; lines: Line[] } | undefined;
  #reported = new Set<string>();

  constructor(workbook: string, log?: WorkbookLog) {
    this.#workbook = workbook;
    this.#path = journalPath(workbook);
    this.#log = log;
  }

  get path(): string {
    return this.#path;
  }

  /** The writes kept (saved after `now` less the keeping time) and not settled, oldest first. */
  async entries(now: Date): Promise<JournalEntry[]> {
    const since = new Date(now.getTime() - JOURNAL_KEEP_MS).toISOString();
    const lines = await this.#read();
    const settled = new Set(lines.flatMap((l) => ('settled' in l ? [l.settled] : [])));
    return lines.flatMap((l) =>
      'request' in l && l.at >= since && !settled.has(l.id) ? [{ id: l.id, at: l.at, request: l.request }] : [],
    );
  }

  /** Appends a confirmed write; its ID is its change ID, else a new one of ours (never written to the workbook). */
  async recordWrite(request: WriteRequest, at: Date): Promise<void> {
    const { updates, inserts, audit, changeId } = request;
    const id = changeId ?? `workbook:${randomBytes(8).toString('hex')}`;
    // The request's data only: a check it carries (a function) was made on the read the write was planned on.
    await this.#append([{ id, at: at.toISOString(), request: { updates, inserts, audit, changeId } }]);
  }

  /** Marks journaled writes as not to be put back again. */
  async recordRefused(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length > 0)
      await this.#append(ids.map((id) => ({ settled: id, at: at.toISOString(), outcome: 'refused' as const })));
  }

  /** Rewrites the journal without the writes past keeping (and their settlements); returns how many went. */
  async prune(now: Date): Promise<number> {
    const since = new Date(now.getTime() - JOURNAL_KEEP_MS).toISOString();
    const lines = await this.#read();
    const kept = lines.filter((l) => l.at >= since);
    if (kept.length === lines.length) return 0;
    const temp = `${this.#path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await this.#writeSynced(temp, 'wx', kept);
      await rename(temp, this.#path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return lines.length - kept.length;
  }

  async #append(lines: Line[]): Promise<void> {
    await this.#writeSynced(this.#path, 'a+', lines);
  }

  async #writeSynced(path: string, flags: 'a+' | 'wx', lines: Line[]): Promise<void> {
    // Private to whoever runs the bot, like the workbook it copies changes from; the workbook's own mode when there is one.
    const handle = await open(path, flags, 0o600);
    try {
      const { size } = await handle.stat();
      // A line cut short by a crash must not swallow the next one.
      const last = size > 0 ? (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer.toString() : '\n';
      const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
      await handle.writeFile(`${last === '\n' || text === '' ? '' : '\n'}${text}`);
      await handle.sync();
      if (size === 0) await this.#matchWorkbookMode(path);
    } finally {
      await handle.close();
    }
  }

  async #matchWorkbookMode(path: string): Promise<void> {
    const mode = await stat(this.#workbook).then(
      (s) => s.mode & 0o666,
      () => undefined,
    );
    if (mode !== undefined) await chmod(path, mode).catch(() => undefined);
  }

  async #read(): Promise<Line[]> {
    let key: string;
    let text: string;
    try {
      const s = await stat(this.#path);
      key = `${s.size}:${s.mtimeMs}:${s.ino}`;
      if (this.#cache?.key === key) return this.#cache.lines;
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      // No journal yet; or a workbook name so long that none can be made beside it (saying so when one is added).
      if (code !== 'ENOENT' && code !== 'ENAMETOOLONG')
        this.#reportOnce(code, `could not read the journal ${this.#path} (${code})`);
      return [];
    }
    const lines: Line[] = [];
    for (const [n, raw] of text.split('\n').entries()) {
      if (raw.trim() === '') continue;
      const parsed = line.safeParse(safeJson(raw));
      if (parsed.success) lines.push(parsed.data);
      else this.#reportOnce(`line ${n + 1}`, `skipped line ${n + 1} of the journal ${this.#path}: not a journal line`);
    }
    this.#cache = { key, lines };
    return lines;
  }

  #reportOnce(what: string, text: string): void {
    if (this.#reported.has(what)) return;
    this.#reported.add(what);
    this.#log?.(`workbook: ${text}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
