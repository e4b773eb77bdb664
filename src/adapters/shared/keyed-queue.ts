/** The tail of each key's queue, shared by every store in the process. */
const queues = new Map<string, Promise<void>>();

/**
 * Runs `work` after every earlier call for the same key has finished, so two
 * read-modify-write cycles on one register (a workbook's path, a
 * spreadsheet's ID) never interleave, whichever store instance started them.
 */
export async function inQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
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
    // The last one out removes the entry, so the map does not grow with every register ever written.
    if (queues.get(key) === tail) queues.delete(key);
  }
}
