import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Most integration files wait on sockets, child processes and Bolt's 3 s rather than compute, so
    // one worker more than vitest's default (cores - 1) pays: 2 cores, 3 workers (measured: 1 worker
    // 158 s, 2 89 s, 3 62 s, 4 60 s before the tests' own waits were cut).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // Files in one worker share loaded modules (googleapis, Bolt, exceljs) instead of importing them
    // again per file: 3 workers 48 s isolated, 33 s not. No test mocks modules or leaves globals changed.
    isolate: false,
  },
});
