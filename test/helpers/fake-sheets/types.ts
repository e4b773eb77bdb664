import type { CellValue } from '../../../src/domain/cell.js';

export type { CellValue };

/** How the fake classifies a request, for `count()` and for matching faults. */
export type RequestKind =
  | 'values.batchGet'
  | 'values.batchUpdate'
  | 'values.append'
  | 'values.get'
  | 'values.update'
  | 'spreadsheets.get'
  | 'spreadsheets.batchUpdate'
  | 'spreadsheets.create'
  | 'developerMetadata.get'
  | 'developerMetadata.search'
  /** Someone tried an OAuth token exchange: always 404, the client should sign its own JWT. */
  | 'token'
  | 'unknown';

export type Fault =
  | { kind?: RequestKind; status: 429; retryAfterSeconds?: number }
  | { kind?: RequestKind; status: 500 | 503 | 400 | 403 | 404 }
  | { kind?: RequestKind; hang: true }
  | { kind?: RequestKind; drop: true }
  | { kind?: RequestKind; applyThenDrop: true }
  /** The connection is dropped at once and the request applied `afterMs` later: Google finishing a write the client gave up on. */
  | { kind?: RequestKind; applyLate: { afterMs: number } };

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  /** Decoded path without the query, e.g. `/v4/spreadsheets/ID/values/Risks!A1:Z:append`. */
  path: string;
  /** The path as sent (percent-encoded). */
  rawPath: string;
  /** Query parameters; a repeated one (`ranges`) is an array. */
  query: Record<string, string | string[]>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** HTTP status sent; null while pending and for hang, drop and applyThenDrop. */
  status: number | null;
  /** The fault served, if any: 'status:429', 'hang', 'drop', 'applyThenDrop'. */
  fault: string | null;
  /** Whether this request changed the stored state (true for an applyThenDrop write). */
  applied: boolean;
  /** Date.now() when the request was served (after any latency): when a read saw the sheet, or a write changed it. */
  servedAt?: number;
}

/** A cell as stored: a value, or a formula written with USER_ENTERED. Empty cells are absent. */
export type Stored = string | number | boolean | { formula: string; result?: string | number | boolean };

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
}

/** A GridRange as the API sends it: 0-based, end-exclusive, open when an end is missing. */
export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface Tab {
  sheetId: number;
  title: string;
  grid: GridProperties;
  /**
   * Rows of cells, sparse: only rows up to the last one holding a value exist,
   * each only up to its last value (holes are empty cells). Blank rows below
   * the data cost nothing.
   */
  rows: Array<Array<Stored | undefined> | undefined>;
  validations: Array<{ range: GridRange; rule: unknown }>;
  conditionalFormats: Array<Record<string, unknown>>;
  protectedRanges: Array<Record<string, unknown>>;
  /** Formats set by repeatCell / updateCells, in order: the range, the fields mask and the format given. */
  formats: Array<{ range: GridRange; fields: string; format: unknown }>;
  hidden?: boolean;
}

/**
 * Developer metadata (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata):
 * a key, an optional value, a location and a visibility; `metadataId` is
 * "the spreadsheet-scoped unique ID that identifies the metadata. IDs may be
 * specified when metadata is created ... Must be positive". The fake keeps
 * metadata on the spreadsheet or a sheet only: row and column locations
 * (which Google moves with inserted rows) are not modelled, as nothing here uses them.
 */
export interface DeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  location: { spreadsheet?: boolean; sheetId?: number };
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface Spreadsheet {
  spreadsheetId: string;
  title: string;
  sheets: Tab[];
  nextProtectedRangeId: number;
  developerMetadata: DeveloperMetadata[];
}

export type GoogleStatus =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const STATUS_OF: Record<number, GoogleStatus> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** An error the fake answers with, in Google's JSON shape. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): { error: { code: number; message: string; status: GoogleStatus } } {
    return { error: { code: this.code, message: this.message, status: STATUS_OF[this.code] ?? 'INTERNAL' } };
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
