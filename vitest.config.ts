// The conformance suite: specs/ against the configured target (or the embedded reference).
// `npm run conformance` runs this through bin/conformance.ts, which also decides the exit code.
import { defineConfig } from 'vitest/config';
import { conformanceReporters } from './helpers/reporting/reporters.js';

export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['helpers/global-setup.ts'],
    // Tests are independent (each arranges its own customer), so they run concurrently within a file.
    sequence: { concurrent: true },
    maxConcurrency: 8,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: conformanceReporters(),
  },
});
