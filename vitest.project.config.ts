// `npm test`: the project's own tests: unit tests of the helpers, the suite against the embedded
// reference (full and safe mode, and as an external target), and the runner's exit codes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Two files at a time on 2 cores: most files are suite runs that wait on the clock (a lifetime, a
    // Retry-After, a slow proxy) as much as they compute, so a second file fills those waits.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
