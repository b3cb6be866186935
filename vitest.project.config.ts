// `npm test`: the project's own tests: unit tests of the helpers, the suite against the embedded
// reference (full and safe mode, and as an external target), and the runner's exit codes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Suite runs are child processes that each use both cores; run those files one at a time.
    fileParallelism: false,
  },
});
