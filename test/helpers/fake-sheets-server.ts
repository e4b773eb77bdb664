/**
 * A local, in-memory Google Sheets API v4 for tests, driven by the real
 * googleapis client:
 *
 *   const { keyJson, publicKeyPem } = makeServiceAccountKey();
 *   const server = await startFakeSheetsServer({ publicKeys: { [keyJson.client_email]: publicKeyPem } });
 *   const id = server.addSpreadsheet({ Risks: [['ID', 'Title'], ['R1', 'Flood']] });
 *   const auth = new JWT({ email: keyJson.client_email, key: keyJson.private_key, scopes: [SHEETS_SCOPE] });
 *   auth.useJWTAccessWithScope = true; // sign our own bearer JWT: no token exchange
 *   const sheets = google.sheets({ version: 'v4', auth, rootUrl: server.url });
 *   await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Risks'] }, { retry: false, timeout: 2000 });
 *
 * Call options matter: googleapis turns gaxios retries ON by default (3 tries
 * for GET/PUT on 429, 5xx and lost connections; POSTs never), so pass
 * `{ retry: false }` (or your own retryConfig) and a `timeout` in ms, as the
 * production SheetsApi does; otherwise counts include gaxios' own retries.
 *
 * What it implements (see fake-sheets/*.ts): spreadsheets.get/create/batchUpdate
 * (addSheet, deleteSheet, updateSheetProperties, setDataValidation,
 * add/deleteConditionalFormatRule, repeatCell, updateCells, appendCells,
 * append/insert/deleteDimension, add/deleteProtectedRange; all or nothing)
 * and values.get/batchGet/update/batchUpdate/append, with Google's trimming
 * of empty rows and cells, RAW vs USER_ENTERED, and Google-shaped errors.
 * Formulas are never evaluated: a formula cell reads back as "#FORMULA(=…)".
 */

import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicKeyOf, verifyBearer } from './fake-sheets/auth.js';
import { type DressedCell, dressCells, inspectCell } from './fake-sheets/cell-looks.js';
import { describeFault, FaultPlan, faultError } from './fake-sheets/faults.js';
import { humanRows, setHumanRows } from './fake-sheets/grid.js';
import { classify, serve } from './fake-sheets/routes.js';
import { buildSpreadsheet, cloneSpreadsheet, newSpreadsheetId } from './fake-sheets/spreadsheets-api.js';
import {
  ApiError,
  type CellValue,
  type DeveloperMetadata,
  type Fault,
  type GridRange,
  type RecordedRequest,
  type RequestKind,
  type Spreadsheet,
  type Tab,
} from './fake-sheets/types.js';

export { makeServiceAccountKey, type ServiceAccountKey, SHEETS_SCOPE } from './fake-sheets/auth.js';
export type { DressedCell } from './fake-sheets/cell-looks.js';
export { formulaMarker } from './fake-sheets/grid.js';
export type { CellValue, Fault, GridRange, RecordedRequest, RequestKind } from './fake-sheets/types.js';

export interface FakeSheetsServer {
  /** 'http://127.0.0.1:PORT/': pass as rootUrl. */
  url: string;
  /** Stops listening and destroys every connection, hanging ones included. */
  close(): Promise<void>;
  /** Creates a spreadsheet with tabs (title → rows of cells; null = empty) and returns its ID. */
  addSpreadsheet(tabs: Record<string, CellValue[][]>, id?: string): string;
  /** What a person sees: tab title → rows, trailing empty rows and cells trimmed, empty cells null. */
  snapshot(spreadsheetId: string): Record<string, CellValue[][]>;
  /** A person edits a tab between requests (sort, insert rows, edit cells): rows in, rows out. */
  humanEdit(spreadsheetId: string, title: string, edit: (rows: CellValue[][]) => CellValue[][]): void;
  /**
   * A person's edit that lands in the instant before the next write to the
   * spreadsheet is applied (after the client's read, while its write is on
   * the wire): the edit is made when the write arrives, then the write runs.
   */
  duringNextWrite(spreadsheetId: string, title: string, edit: (rows: CellValue[][]) => CellValue[][]): void;
  /** Developer metadata of a spreadsheet, as stored. */
  developerMetadata(spreadsheetId: string): readonly DeveloperMetadata[];
  /** Every request received since the last resetCounts(), in order. */
  readonly requests: RecordedRequest[];
  /** Requests received of one kind (or all), since the last resetCounts(); faulted ones count too. */
  count(kind?: RequestKind): number;
  /** Requests that changed stored state (of one kind, or all), including applyThenDrop writes whose answer was lost. */
  appliedCount(kind?: RequestKind): number;
  /** Empties `requests`, which is what count() and appliedCount() read. */
  resetCounts(): void;
  /** Faults to serve, consumed in order by the next matching requests (by kind, or any kind when omitted). */
  injectFaults(...faults: Fault[]): void;
  /** Injected faults not yet served. */
  pendingFaults(): readonly Fault[];
  /** Random faults for soak tests: this fraction of requests get a random fault from the list, from a seeded generator. */
  setRandomFaults(options: { rate: number; faults: Fault[]; seed: number } | null): void;
  /** Added latency for every request, or for requests of one kind only, in ms (0 takes it off). */
  setLatency(ms: number, kind?: RequestKind): void;
  /** Accepts JWTs signed by another key (e.g. a second service account). */
  registerKey(clientEmail: string, publicKeyPem: string): void;
  /** Tab properties as stored (sheetId, grid size, frozen rows). */
  sheetProperties(
    spreadsheetId: string,
    title: string,
  ): { sheetId: number; title: string; index: number; rowCount: number; columnCount: number; frozenRowCount: number };
  /** Data-validation rules set on a tab, with their ranges. */
  validations(spreadsheetId: string, title: string): Array<{ range: GridRange; rule: unknown }>;
  /** Conditional-format rules of a tab, in order. */
  conditionalFormats(spreadsheetId: string, title: string): unknown[];
  /** Protected ranges of a tab. */
  protectedRanges(spreadsheetId: string, title: string): unknown[];
  /** Formats set by repeatCell and updateCells, in order. */
  formats(spreadsheetId: string, title: string): Array<{ range: GridRange; fields: string; format: unknown }>;
  /** Sets cells up as a person would: formulas (with the result they show), number formats. */
  dressCells(spreadsheetId: string, title: string, cells: readonly DressedCell[]): void;
  /** One cell as a person inspects it: value, formula and number format (row 1-based, column 0-based). */
  inspectCell(spreadsheetId: string, title: string, row: number, column: number): ReturnType<typeof inspectCell>;
}

export interface FakeSheetsServerOptions {
  /** client_email → PEM public key of each service account allowed in. */
  publicKeys: Record<string, string>;
  /** Clock for JWT iat/exp checks (default Date.now). */
  now?: () => number;
}

type Query = Record<string, string | string[]>;

function queryOf(url: URL): Query {
  const query: Query = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? all[0]! : all;
  }
  return query;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSheetsServer(options: FakeSheetsServerOptions): Promise<FakeSheetsServer> {
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyObject>(
    Object.entries(options.publicKeys).map(([email, pem]) => [email, publicKeyOf(pem)]),
  );
  const books = new Map<string, Spreadsheet>();
  const requests: RecordedRequest[] = [];
  const faults = new FaultPlan();
  const pendingEdits = new Map<string, Array<() => void>>();
  const WRITES: ReadonlySet<RequestKind> = new Set([
    'spreadsheets.batchUpdate',
    'values.batchUpdate',
    'values.update',
    'values.append',
  ]);
  let latencyMs = 0;
  const latencyByKind = new Map<RequestKind, number>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    const route = classify(req.method ?? 'GET', url.pathname);
    let body: unknown;
    let badJson = false;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      badJson = true;
      body = text;
    }
    const record: RecordedRequest = {
      kind: route.kind,
      method: req.method ?? '',
      path: decodeURIComponentSafe(url.pathname),
      rawPath: url.pathname,
      query: queryOf(url),
      body,
      status: null,
      fault: null,
      applied: false,
    };
    requests.push(record);
    const reply = (status: number, payload: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, payload, headers);
    };
    const replyError = (error: ApiError) => reply(error.code, error.body, error.headers);
    const latency = latencyByKind.get(route.kind) ?? latencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (route.kind === 'token') {
      return replyError(
        new ApiError(
          404,
          `fake Sheets server: ${req.method} ${url.pathname} looks like an OAuth token exchange; the client must sign its own JWT (JWT.useJWTAccessWithScope = true).`,
        ),
      );
    }
    if (route.kind === 'unknown')
      return replyError(new ApiError(404, `fake Sheets server: no such method ${req.method} ${record.path}`));
    try {
      verifyBearer(req.headers.authorization, keys, now());
    } catch (error) {
      return replyError(error as ApiError);
    }
    const fault = faults.take(route.kind);
    if (fault) record.fault = describeFault(fault);
    if (fault && 'hang' in fault) return; // never answered; close() destroys the socket
    if (fault && 'drop' in fault) {
      req.socket.destroy();
      return;
    }
    if (fault && 'status' in fault) return replyError(faultError(fault, route.kind));
    if (WRITES.has(route.kind) && route.spreadsheetId !== null) {
      const edits = pendingEdits.get(route.spreadsheetId) ?? [];
      pendingEdits.delete(route.spreadsheetId);
      for (const edit of edits) edit();
    }
    if (fault && 'applyLate' in fault) {
      // The client sees the connection drop now; Google finishes the write later, on the sheet as it is then.
      req.socket.destroy();
      setTimeout(() => {
        try {
          if (!badJson) record.applied = serve(books, route, record.query, body).applied;
        } catch {
          // A late write that fails (e.g. its fence was already used) changes nothing.
        }
      }, fault.applyLate.afterMs).unref();
      return;
    }
    try {
      if (badJson) throw new ApiError(400, 'Invalid JSON payload received.');
      record.servedAt = Date.now();
      const outcome = serve(books, route, record.query, body);
      record.applied = outcome.applied;
      if (fault && 'applyThenDrop' in fault) {
        req.socket.destroy();
        return;
      }
      reply(200, outcome.body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (fault && 'applyThenDrop' in fault) {
        req.socket.destroy();
        return;
      }
      replyError(error);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(
        res,
        500,
        new ApiError(500, `fake Sheets server crashed: ${error instanceof Error ? error.stack : String(error)}`).body,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const bookOf = (id: string): Spreadsheet => {
    const book = books.get(id);
    if (!book) throw new Error(`fake Sheets server: no spreadsheet ${id}`);
    return book;
  };
  const tabOf = (id: string, title: string): Tab => {
    const tab = bookOf(id).sheets.find((t) => t.title === title);
    if (!tab)
      throw new Error(
        `fake Sheets server: spreadsheet ${id} has no tab "${title}" (tabs: ${bookOf(id)
          .sheets.map((t) => t.title)
          .join(', ')})`,
      );
    return tab;
  };
  const humanEdit = (id: string, title: string, edit: (rows: CellValue[][]) => CellValue[][]): void => {
    tabOf(id, title);
    const draft = cloneSpreadsheet(bookOf(id));
    const tab = draft.sheets.find((t) => t.title === title)!;
    setHumanRows(tab, edit(humanRows(tab)));
    books.set(id, draft);
  };
  const tally = (kind: RequestKind | undefined, applied: boolean) =>
    requests.filter((r) => (kind === undefined || r.kind === kind) && (!applied || r.applied)).length;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    addSpreadsheet(tabs, id = newSpreadsheetId()) {
      if (books.has(id)) throw new Error(`fake Sheets server: spreadsheet ${id} already exists`);
      books.set(id, buildSpreadsheet(id, `Spreadsheet ${id}`, tabs));
      return id;
    },
    // A person does not see hidden tabs (the bot's scratch tab) unless they go looking.
    snapshot: (id) =>
      Object.fromEntries(
        bookOf(id)
          .sheets.filter((tab) => !tab.hidden)
          .map((tab) => [tab.title, humanRows(tab)]),
      ),
    duringNextWrite(id, title, edit) {
      tabOf(id, title);
      pendingEdits.set(id, [...(pendingEdits.get(id) ?? []), () => humanEdit(id, title, edit)]);
    },
    developerMetadata: (id) => bookOf(id).developerMetadata,
    humanEdit,
    count: (kind) => tally(kind, false),
    appliedCount: (kind) => tally(kind, true),
    resetCounts: () => {
      requests.length = 0;
    },
    injectFaults: (...list) => faults.inject(list),
    pendingFaults: () => faults.pending,
    setRandomFaults: (random) => faults.setRandom(random),
    setLatency: (ms, kind) => {
      if (kind === undefined) {
        latencyMs = ms;
        latencyByKind.clear();
      } else latencyByKind.set(kind, ms);
    },
    registerKey: (email, pem) => {
      keys.set(email, publicKeyOf(pem));
    },
    sheetProperties(id, title) {
      const tab = tabOf(id, title);
      return { sheetId: tab.sheetId, title: tab.title, index: bookOf(id).sheets.indexOf(tab), ...tab.grid };
    },
    validations: (id, title) => tabOf(id, title).validations,
    conditionalFormats: (id, title) => tabOf(id, title).conditionalFormats,
    protectedRanges: (id, title) => tabOf(id, title).protectedRanges,
    formats: (id, title) => tabOf(id, title).formats,
    dressCells: (id, title, cells) => dressCells(tabOf(id, title), cells),
    inspectCell: (id, title, row, column) => inspectCell(tabOf(id, title), row, column),
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
