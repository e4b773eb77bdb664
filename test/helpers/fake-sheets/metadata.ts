import { getCell, growGrid, setCell } from './grid.js';
import { rangeIn, tabById } from './grid-ranges.js';
import { ApiError, type DeveloperMetadata, type Spreadsheet } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON from the client; each handler checks what it reads
type Json = Record<string, any>;
type Handler = (book: Spreadsheet, body: Json, fail: (message: string) => Error) => Json | undefined;

const MAX_ID = 2 ** 31 - 1;

/**
 * DataFilter.developerMetadataLookup
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/DataFilter#DeveloperMetadataLookup):
 * every field given must match; metadataLocation is matched for the
 * spreadsheet and sheet locations the fake keeps.
 */
export function lookUpMetadata(book: Spreadsheet, filter: Json | undefined): DeveloperMetadata[] {
  const lookup = (filter?.developerMetadataLookup ?? {}) as Json;
  const location = (lookup.metadataLocation ?? {}) as Json;
  return book.developerMetadata.filter(
    (m) =>
      (lookup.metadataId === undefined || m.metadataId === lookup.metadataId) &&
      (lookup.metadataKey === undefined || m.metadataKey === lookup.metadataKey) &&
      (lookup.metadataValue === undefined || m.metadataValue === lookup.metadataValue) &&
      (lookup.visibility === undefined || m.visibility === lookup.visibility) &&
      (location.spreadsheet === undefined || m.location.spreadsheet === location.spreadsheet) &&
      (location.sheetId === undefined || m.location.sheetId === location.sheetId),
  );
}

/** A metadata entry as the API shows it, with its location's type spelt out. */
export function metadataResource(m: DeveloperMetadata): Json {
  const locationType = m.location.spreadsheet ? 'SPREADSHEET' : 'SHEET';
  return { ...m, location: { locationType, ...m.location } };
}

/** developerMetadata.get: 404 when no entry has the ID, as for any missing resource. */
export function getMetadata(book: Spreadsheet, id: number): Json {
  const found = book.developerMetadata.find((m) => m.metadataId === id);
  if (!found) throw new ApiError(404, `No developer metadata with id ${id}.`);
  return metadataResource(found);
}

/** developerMetadata.search: the entries matching any of the data filters. */
export function searchMetadata(book: Spreadsheet, body: Json): Json {
  const filters: Json[] = Array.isArray(body.dataFilters) ? body.dataFilters : [];
  const matched = new Map<number, DeveloperMetadata>();
  for (const filter of filters)
    for (const m of lookUpMetadata(book, filter)) if (!matched.has(m.metadataId)) matched.set(m.metadataId, m);
  const list = [...matched.values()].map((m) => ({
    developerMetadata: metadataResource(m),
    dataFilters: filters.filter((f) => lookUpMetadata(book, f).includes(m)),
  }));
  return list.length > 0 ? { matchedDeveloperMetadata: list } : {};
}

export const METADATA_HANDLERS: Record<string, Handler> = {
  /**
   * CreateDeveloperMetadataRequest: the key and visibility are required, an
   * ID given must be positive and, being spreadsheet-scoped and unique, not
   * in use: a second create with the same ID fails the whole batch.
   */
  createDeveloperMetadata(book, body, fail) {
    const given = (body.developerMetadata ?? {}) as Json;
    if (typeof given.metadataKey !== 'string' || given.metadataKey === '') throw fail('metadataKey is required');
    if (given.visibility !== 'DOCUMENT' && given.visibility !== 'PROJECT') throw fail('visibility is required');
    const location = (given.location ?? {}) as Json;
    if (location.spreadsheet !== true && typeof location.sheetId !== 'number')
      throw fail('the fake Sheets server keeps metadata on the spreadsheet or a sheet only');
    if (typeof location.sheetId === 'number') tabById(book, location.sheetId, fail);
    let id = given.metadataId;
    if (id !== undefined && (!Number.isInteger(id) || id <= 0 || id > MAX_ID))
      throw fail('metadataId must be positive');
    if (id !== undefined && book.developerMetadata.some((m) => m.metadataId === id))
      throw fail(`Developer metadata with ID ${id} already exists.`);
    while (id === undefined || book.developerMetadata.some((m) => m.metadataId === id))
      id = 1 + Math.floor(Math.random() * (MAX_ID - 1));
    const entry: DeveloperMetadata = {
      metadataId: id,
      metadataKey: given.metadataKey,
      ...(typeof given.metadataValue === 'string' ? { metadataValue: given.metadataValue } : {}),
      location: location.spreadsheet === true ? { spreadsheet: true } : { sheetId: location.sheetId },
      visibility: given.visibility,
    };
    book.developerMetadata.push(entry);
    return { createDeveloperMetadata: { developerMetadata: metadataResource(entry) } };
  },
  /** DeleteDeveloperMetadataRequest: deletes every entry its data filter matches (none is not an error). */
  deleteDeveloperMetadata(book, body) {
    const deleted = lookUpMetadata(book, body.dataFilter);
    book.developerMetadata = book.developerMetadata.filter((m) => !deleted.includes(m));
    return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted.map(metadataResource) } };
  },
  /**
   * CopyPasteRequest (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#CopyPasteRequest)
   * with PASTE_NORMAL or PASTE_VALUES: the source's cells are copied whole
   * to the destination's top-left (beyond its end if smaller). Google
   * shifts a formula's relative references by the distance moved; the fake
   * does not, so it refuses to move a formula to another row or column.
   */
  copyPaste(book, body, fail) {
    const source = rangeIn(book, body.source, fail);
    const destination = rangeIn(book, body.destination, fail);
    const pasteType = body.pasteType ?? 'PASTE_NORMAL';
    if (pasteType !== 'PASTE_NORMAL' && pasteType !== 'PASTE_VALUES')
      throw fail(`the fake Sheets server does not support pasteType ${pasteType}`);
    const rows = source.range.endRowIndex - source.range.startRowIndex;
    const columns = source.range.endColumnIndex - source.range.startColumnIndex;
    const shift = {
      rows: destination.range.startRowIndex - source.range.startRowIndex,
      columns: destination.range.startColumnIndex - source.range.startColumnIndex,
    };
    growGrid(destination.tab, destination.range.startRowIndex + rows, destination.range.startColumnIndex + columns);
    const copied = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        getCell(source.tab, source.range.startRowIndex + r, source.range.startColumnIndex + c),
      ),
    );
    for (const [r, row] of copied.entries()) {
      for (const [c, cell] of row.entries()) {
        if (typeof cell === 'object' && (shift.rows !== 0 || shift.columns !== 0) && pasteType === 'PASTE_NORMAL')
          throw fail(
            'the fake Sheets server does not shift formula references: copy formulas to the same row and column',
          );
        setCell(destination.tab, destination.range.startRowIndex + r, destination.range.startColumnIndex + c, cell);
      }
    }
    return undefined;
  },
};
