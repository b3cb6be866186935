// `npm test`: the project's own tests: unit tests of the helpers, the suite against the embedded
// reference (full and safe mode, and as an external target), and the runner's exit codes.
import { defineConfig } from 'vitest/config';
import { startingFirst } from './helpers/runner/spec-order.js';

/**
 * The files that take longest start first, longest first, so that no core idles at the end: one that mostly
 * waits (a slow target, Retry-After, a browser) beside the self-validation that computes. Measured alone on
 * 2 cores (wall / CPU): slow-target 27 s / 3 s (52 s before the caps were counted run-wide), variants 49 s /
 * 51 s and faults 37 s / 69 s (on shared vitest instances, test/support/suite-lanes.ts), rate limits 22 s /
 * 5 s, report rendering 28 s / 14 s, runner exit codes 20 s / 21 s, cli 14 s / 21 s, installable 17 s / 19 s.
 * The rest follow in vitest's order (slowest of the last run first; by size in a fresh clone).
 */
export const LONGEST_FIRST = [
  'test/suite/slow-target.test.ts',
  'test/self-validation/legitimate-variants.test.ts',
  'test/self-validation/faults.test.ts',
  'test/suite/rate-limits.test.ts',
  'test/reports/report-renders.test.ts',
  'test/suite/runner-exit-codes.test.ts',
  'test/suite/cli.test.ts',
  'test/package/installable.test.ts',
  'test/suite/not-the-targets-fault.test.ts',
  'test/suite/embedded-reference.test.ts',
  'test/reports/no-secrets.test.ts',
  'test/reports/expectations-flow.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Three files at a time on 2 cores: many files are suite runs that wait on the clock (a lifetime, a
    // Retry-After, a slow proxy) as much as they compute, and the others fill those waits (measured with
    // the order above: 2 files at a time 176 s, 3 at a time 154 s).
    fileParallelism: true,
    maxWorkers: 3,
    sequence: { sequencer: startingFirst(LONGEST_FIRST) },
  },
});
