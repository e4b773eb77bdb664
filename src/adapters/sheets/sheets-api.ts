// The Sheets API alone: the googleapis index loads every Google API (about 0.8 s at each start, against 0.1 s).

import type { JWT } from 'google-auth-library';
import { sheets, type sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import { ReadLimiter } from './read-limiter.js';
import { type BackoffOptions, backoffDelayMs, type Failure } from './retry-policy.js';
import { describeFailure, sheetsFailureError } from './sheets-error.js';

export interface SheetsApiOptions {
  spreadsheetId: string;
  auth: JWT;
  /** API root, e.g. "https://sheets.googleapis.com/" (the default) or a local test server. */
  rootUrl?: string | undefined;
  timeoutMs: number;
  maxAttempts: number;
  readsPerMinute: number;
  backoff: BackoffOptions;
  sleep?: (ms: number) => Promise<void>;
}

/** A failed call, with what it means for retrying. */
export class SheetsCallError extends Error {
  constructor(
    readonly failure: Failure,
    options: { cause: unknown },
  ) {
    super(failure.message, options);
    this.name = 'SheetsCallError';
  }
}

export interface SheetInfo {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The few Sheets v4 calls the bot makes, each with a time-out. googleapis'
 * own retries are off: it would retry POSTs never and GETs blindly. Reads
 * here retry 429 and 5xx with backoff; writes are tried once and the store
 * decides, because a write whose answer was lost may have been applied.
 */
export class SheetsApi {
  readonly spreadsheetId: string;
  readonly #sheets: sheets_v4.Sheets;
  readonly #options: SheetsApiOptions;
  readonly #limiter: ReadLimiter;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: SheetsApiOptions) {
    this.spreadsheetId = options.spreadsheetId;
    this.#options = options;
    this.#sleep = options.sleep ?? sleeper;
    this.#limiter = new ReadLimiter(options.readsPerMinute, Date.now, this.#sleep);
    this.#sheets = sheets({
      version: 'v4',
      auth: options.auth,
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    });
  }

  /** Resolves when a read may go out under the quota, without taking it (ReadLimiter.ready). */
  readReady(): Promise<void> {
    return this.#limiter.ready();
  }

  get #call() {
    return { timeout: this.#options.timeoutMs, retry: false } as const;
  }

  /** Tries `call` once; a failure becomes a SheetsCallError that says whether retrying is safe. */
  async once<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new SheetsCallError(describeFailure(error), { cause: error });
    }
  }

  /** Waits before attempt `attempt` (0-based) after `failure`. */
  async backoff(attempt: number, failure: Failure): Promise<void> {
    await this.#sleep(backoffDelayMs(attempt, failure.retryAfterSeconds, this.#options.backoff));
  }

  get maxAttempts(): number {
    return this.#options.maxAttempts;
  }

  /** A read, within the read budget, retried on 429 and 5xx; a read changes nothing, so retrying is always safe. */
  async read<T>(action: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.#limiter.take();
      try {
        return await this.once(call);
      } catch (error) {
        const { failure } = error as SheetsCallError;
        if (failure.kind === 'permanent' || attempt + 1 >= this.#options.maxAttempts)
          throw sheetsFailureError(failure, action, error, true);
        await this.backoff(attempt, failure);
      }
    }
  }

  async sheetInfos(): Promise<SheetInfo[]> {
    const response = await this.read('reading the list of tabs', () =>
      this.#sheets.spreadsheets.get(
        {
          spreadsheetId: this.spreadsheetId,
          fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
        },
        this.#call,
      ),
    );
    return (response.data.sheets ?? []).map(({ properties: p }) => ({
      sheetId: p?.sheetId ?? 0,
      title: p?.title ?? '',
      rowCount: p?.gridProperties?.rowCount ?? 0,
      columnCount: p?.gridProperties?.columnCount ?? 0,
    }));
  }

  /** The tabs with the columns (0-based) their conditional-format rules cover, for setup. */
  async layout(): Promise<Array<SheetInfo & { formattedColumns: Set<number> }>> {
    const response = await this.read('reading the tabs and their formatting', () =>
      this.#sheets.spreadsheets.get(
        {
          spreadsheetId: this.spreadsheetId,
          fields: 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),conditionalFormats(ranges))',
        },
        this.#call,
      ),
    );
    return (response.data.sheets ?? []).map(({ properties: p, conditionalFormats }) => {
      const formattedColumns = new Set<number>();
      for (const range of (conditionalFormats ?? []).flatMap((rule) => rule.ranges ?? [])) {
        for (let c = range.startColumnIndex ?? 0; c < (range.endColumnIndex ?? (range.startColumnIndex ?? 0) + 1); c++)
          formattedColumns.add(c);
      }
      return {
        sheetId: p?.sheetId ?? 0,
        title: p?.title ?? '',
        rowCount: p?.gridProperties?.rowCount ?? 0,
        columnCount: p?.gridProperties?.columnCount ?? 0,
        formattedColumns,
      };
    });
  }

  /** Creates a new spreadsheet (for setup-sheet without an ID) and returns its ID. */
  async createSpreadsheet(title: string): Promise<string> {
    // Tried once: a retried create whose first answer was lost would leave two spreadsheets.
    try {
      const response = await this.once(() =>
        this.#sheets.spreadsheets.create({ requestBody: { properties: { title } } }, this.#call),
      );
      return response.data.spreadsheetId ?? '';
    } catch (error) {
      throw sheetsFailureError((error as SheetsCallError).failure, 'creating the spreadsheet', error);
    }
  }

  /** Whole tabs' values, dates as serial numbers: one request however many tabs. */
  async batchGetValues(ranges: readonly string[]): Promise<sheets_v4.Schema$ValueRange[]> {
    const response = await this.read('reading the register', () =>
      this.#sheets.spreadsheets.values.batchGet(
        {
          spreadsheetId: this.spreadsheetId,
          ranges: [...ranges],
          majorDimension: 'ROWS',
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        },
        this.#call,
      ),
    );
    return response.data.valueRanges ?? [];
  }

  /**
   * Whole tabs' cells with what a write must keep (one request, like
   * batchGetValues): each cell's value, its formula and its number format.
   */
  async batchGetCells(ranges: readonly string[]): Promise<sheets_v4.Schema$Sheet[]> {
    const response = await this.read('reading the register', () =>
      this.#sheets.spreadsheets.get(
        {
          spreadsheetId: this.spreadsheetId,
          ranges: [...ranges],
          includeGridData: true,
          fields:
            'sheets(properties(title),data(startRow,startColumn,rowData(values(effectiveValue,userEnteredValue.formulaValue,userEnteredFormat.numberFormat))))',
        },
        this.#call,
      ),
    );
    return response.data.sheets ?? [];
  }

  /** One atomic spreadsheets.batchUpdate, tried once. */
  async batchUpdate(requests: sheets_v4.Schema$Request[]): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
    const response = await this.once(() =>
      this.#sheets.spreadsheets.batchUpdate(
        { spreadsheetId: this.spreadsheetId, requestBody: { requests } },
        this.#call,
      ),
    );
    return response.data;
  }

  /**
   * One atomic batchUpdate, tried once, that also returns the cells of
   * `ranges` as the batch left them (includeSpreadsheetInResponse with grid
   * data): what the write did, seen before anyone can change it again.
   */
  async batchUpdateSeeing(
    requests: sheets_v4.Schema$Request[],
    ranges: readonly string[],
  ): Promise<sheets_v4.Schema$Spreadsheet | undefined> {
    const response = await this.once(() =>
      this.#sheets.spreadsheets.batchUpdate(
        {
          spreadsheetId: this.spreadsheetId,
          requestBody: {
            requests,
            includeSpreadsheetInResponse: ranges.length > 0,
            responseRanges: [...ranges],
            responseIncludeGridData: ranges.length > 0,
          },
        },
        this.#call,
      ),
    );
    return response.data.updatedSpreadsheet ?? undefined;
  }

  /** The cells of `ranges` (values as entered and as shown), within the read budget. */
  async gridData(ranges: readonly string[]): Promise<sheets_v4.Schema$Spreadsheet> {
    const response = await this.read('reading back what a write did', () =>
      this.#sheets.spreadsheets.get(
        {
          spreadsheetId: this.spreadsheetId,
          ranges: [...ranges],
          includeGridData: true,
          fields:
            'sheets(properties(title),data(startRow,startColumn,rowData(values(userEnteredValue,effectiveValue))))',
        },
        this.#call,
      ),
    );
    return response.data;
  }

  /** A developer metadata entry's value by ID; null when there is no entry with that ID. */
  async metadataValue(metadataId: number): Promise<string | null> {
    try {
      const response = await this.read("looking for a write's fence", () =>
        this.#sheets.spreadsheets.developerMetadata.get({ spreadsheetId: this.spreadsheetId, metadataId }, this.#call),
      );
      return response.data.metadataValue ?? '';
    } catch (error) {
      if ((error as { details?: { status?: unknown } }).details?.status === 404) return null;
      throw error;
    }
  }

  /** Developer metadata entries with a key: their IDs and values. */
  async metadataWithKey(metadataKey: string): Promise<Array<{ metadataId: number; value: string }>> {
    const response = await this.read('looking for old fences', () =>
      this.#sheets.spreadsheets.developerMetadata.search(
        {
          spreadsheetId: this.spreadsheetId,
          requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey } }] },
        },
        this.#call,
      ),
    );
    return (response.data.matchedDeveloperMetadata ?? []).flatMap(({ developerMetadata: m }) =>
      m?.metadataId === undefined || m.metadataId === null
        ? []
        : [{ metadataId: m.metadataId, value: m.metadataValue ?? '' }],
    );
  }

  /** Values written RAW (text stays text, never a formula), tried once. */
  async updateValuesRaw(data: sheets_v4.Schema$ValueRange[]): Promise<void> {
    await this.once(() =>
      this.#sheets.spreadsheets.values.batchUpdate(
        { spreadsheetId: this.spreadsheetId, requestBody: { valueInputOption: 'RAW', data } },
        this.#call,
      ),
    );
  }
}
