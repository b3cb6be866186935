// `npm test`: the project's own tests: unit tests of the helpers, the suite against the embedded
// reference (full and safe mode, and as an external target), and the runner's exit codes.
import { defineConfig } from 'vitest/config';
import { startingFirst } from './helpers/runner/spec-order.js';

/**
 * The files that take longest start first, each one that mostly waits (a slow target, Retry-After, a
 * browser) beside one that computes, so that neither core idles at the end. Measured alone on 2 cores
 * (wall / CPU): slow-target 52 s / 3 s, faults 53 s / 84 s, variants 55 s / 59 s, rate limits 22 s / 5 s,
 * report rendering 28 s / 14 s. The rest follow in vitest's order (slowest of the last run first).
 */
export const LONGEST_FIRST = [
  'test/suite/slow-target.test.ts',
  'test/self-validation/faults.test.ts',
  'test/self-validation/legitimate-variants.test.ts',
  'test/suite/rate-limits.test.ts',
  'test/reports/report-renders.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Two files at a time on 2 cores: most files are suite runs that wait on the clock (a lifetime, a
    // Retry-After, a slow proxy) as much as they compute, so a second file fills those waits.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: startingFirst(LONGEST_FIRST) },
  },
});
