import { applyRequests } from './batch-requests.js';
import { getMetadata, searchMetadata } from './metadata.js';
import { cloneSpreadsheet, createSpreadsheet, spreadsheetResource } from './spreadsheets-api.js';
import { ApiError, badRequest, type RequestKind, type Spreadsheet } from './types.js';
import * as values from './values-api.js';

export interface Route {
  kind: RequestKind;
  spreadsheetId: string | null;
  /** The A1 range of values.get / values.update / values.append, decoded. */
  range: string | null;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * What a request is, from its method and raw path. googleapis expands
 * {range} with url-template, so "!" ":" "'" and spaces in a range arrive
 * percent-encoded and a literal ":" only ever starts a method suffix.
 */
export function classify(method: string, rawPath: string): Route {
  const route = (kind: RequestKind, id: string | null = null, range: string | null = null): Route => ({
    kind,
    spreadsheetId: id && decode(id),
    range: range && decode(range),
  });
  if (/\/token$|\/oauth2\//.test(rawPath)) return route('token');
  if (rawPath === '/v4/spreadsheets') return route(method === 'POST' ? 'spreadsheets.create' : 'unknown');
  const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(rawPath);
  if (!m) return route('unknown');
  const [, id, rest] = m as unknown as [string, string, string];
  const table: Record<string, RequestKind> = {
    'GET ': 'spreadsheets.get',
    'POST :batchUpdate': 'spreadsheets.batchUpdate',
    'GET /values:batchGet': 'values.batchGet',
    'POST /values:batchUpdate': 'values.batchUpdate',
    'POST /developerMetadata:search': 'developerMetadata.search',
  };
  const fixed = table[`${method} ${rest}`];
  if (fixed) return route(fixed, id);
  const metadata = /^\/developerMetadata\/(\d+)$/.exec(rest);
  if (metadata && method === 'GET') return route('developerMetadata.get', id, metadata[1]!);
  const v = /^\/values\/(.+?)(:append)?$/.exec(rest);
  if (!v) return route('unknown');
  const append = v[2] !== undefined;
  if (append && method === 'POST') return route('values.append', id, v[1]!);
  if (!append && method === 'GET') return route('values.get', id, v[1]!);
  if (!append && method === 'PUT') return route('values.update', id, v[1]!);
  return route('unknown');
}

export interface Outcome {
  body: unknown;
  /** Whether stored state changed. */
  applied: boolean;
}

type Query = Record<string, string | string[]>;

/**
 * BatchUpdateSpreadsheetRequest's includeSpreadsheetInResponse,
 * responseRanges and responseIncludeGridData
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate#request-body):
 * the spreadsheet as the batch left it, limited to those ranges, with their
 * cells when grid data is asked for. It is the state the batch produced,
 * before any later edit.
 */
function updatedSpreadsheet(draft: Spreadsheet, json: Record<string, unknown>): Record<string, unknown> {
  if (json.includeSpreadsheetInResponse !== true) return {};
  const ranges = Array.isArray(json.responseRanges) ? (json.responseRanges as string[]) : [];
  return {
    updatedSpreadsheet: spreadsheetResource(draft, {
      ...(ranges.length > 0 ? { ranges } : {}),
      includeGridData: json.responseIncludeGridData === true ? 'true' : 'false',
    }),
  };
}

/**
 * Serves a classified, authenticated request against the stored books.
 * Writes are applied to a copy that replaces the original only when the
 * whole request succeeded, so a 400 anywhere in a batch changes nothing.
 */
export function serve(books: Map<string, Spreadsheet>, route: Route, query: Query, body: unknown): Outcome {
  const json = (body ?? {}) as Record<string, unknown>;
  if (route.kind === 'spreadsheets.create') {
    const book = createSpreadsheet(json);
    books.set(book.spreadsheetId, book);
    return { body: spreadsheetResource(book), applied: true };
  }
  const book = route.spreadsheetId === null ? undefined : books.get(route.spreadsheetId);
  if (!book) throw new ApiError(404, 'Requested entity was not found.');
  const write = (change: (draft: Spreadsheet) => unknown): Outcome => {
    const draft = cloneSpreadsheet(book);
    const result = change(draft);
    books.set(book.spreadsheetId, draft);
    return { body: result, applied: true };
  };
  const range = route.range ?? '';
  switch (route.kind) {
    case 'spreadsheets.get':
      return { body: spreadsheetResource(book, query), applied: false };
    case 'values.batchGet':
      return { body: values.batchGet(book, query), applied: false };
    case 'values.get':
      return { body: values.get(book, range, query), applied: false };
    case 'spreadsheets.batchUpdate':
      return write((draft) => ({
        spreadsheetId: draft.spreadsheetId,
        replies: applyRequests(draft, json.requests),
        ...updatedSpreadsheet(draft, json),
      }));
    case 'developerMetadata.get':
      return { body: getMetadata(book, Number(range)), applied: false };
    case 'developerMetadata.search':
      return { body: searchMetadata(book, json), applied: false };
    case 'values.batchUpdate':
      return write((draft) => values.batchUpdate(draft, json));
    case 'values.update':
      return write((draft) => values.update(draft, range, query, json));
    case 'values.append':
      return write((draft) => values.append(draft, range, query, json));
    default:
      throw badRequest(`unroutable ${route.kind}`);
  }
}
