import { resolve } from 'node:path';

/** The tail of each file's queue, shared by every store in the process. */
const queues = new Map<string, Promise<void>>();

/**
 * Runs `work` after every earlier call for the same file has finished, so two
 * read-modify-write cycles on one workbook never interleave, whichever store
 * instance started them. Keyed by the resolved path, so "./r.xlsx" and
 * "/abs/r.xlsx" share one queue.
 */
export async function withPathLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(path);
  const previous = queues.get(key) ?? Promise.resolve();
  let release = (): void => {};
  const done = new Promise<void>((settle) => {
    release = settle;
  });
  const tail = previous.then(() => done);
  queues.set(key, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    // The last one out removes the entry, so the map does not grow with every file ever written.
    if (queues.get(key) === tail) queues.delete(key);
  }
}
