import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';

/**
 * A write's fence: developer metadata with an ID the bot chooses, created by
 * the write's own batch. Google keeps metadata IDs unique in a spreadsheet
 * ("the spreadsheet-scoped unique ID", spreadsheets.developerMetadata), so
 * of two batches carrying one fence only the first to be applied succeeds;
 * the other fails whole. A retry that carries the fence of an attempt whose
 * answer was lost therefore lands only if that attempt never did, however
 * late Google finishes it; and the fence, looked up by ID, says whether it did.
 */
export interface WriteFence {
  metadataId: number;
  /** Ours alone: tells our fence from an entry that happens to have the same ID. */
  value: string;
  /** When it was made (ms), so old fences can be removed. */
  madeAt: number;
}

export const FENCE_KEY = 'risk-bot:write';

/** How long a fence is kept: far longer than Google could take to finish a write the bot gave up on. */
export const FENCE_KEEP_MS = 10 * 60_000;

const MAX_ID = 2 ** 31 - 1;

export function newFence(now: number, random: () => number = Math.random): WriteFence {
  const metadataId = 1 + Math.floor(random() * (MAX_ID - 1));
  return {
    metadataId,
    value: `${new Date(now).toISOString()} ${Math.floor(random() * 1e9).toString(36)}`,
    madeAt: now,
  };
}

/** The request that makes the fence: first in its batch, so a used fence fails the batch before anything is changed. */
export function fenceRequest(fence: WriteFence): sheets_v4.Schema$Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataId: fence.metadataId,
        metadataKey: FENCE_KEY,
        metadataValue: fence.value,
        location: { spreadsheet: true },
        visibility: 'PROJECT',
      },
    },
  };
}

/** Requests removing fences by ID (none of which is an error if already gone). */
export function fenceRemovals(metadataIds: readonly number[]): sheets_v4.Schema$Request[] {
  return metadataIds.map((metadataId) => ({
    deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } },
  }));
}

/** When a fence found in the sheet was made, from its value; null when it is not one of ours. */
export function fenceMadeAt(value: string | null | undefined): number | null {
  const at = Date.parse(value?.split(' ')[0] ?? '');
  return Number.isNaN(at) ? null : at;
}
