// The conformance suite: specs/ against the configured target (or the embedded reference).
// `npm run conformance` runs this through bin/conformance.ts, which also decides the exit code.
import { defineConfig } from 'vitest/config';
import { conformanceReporters } from './helpers/reporting/reporters.js';

export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['helpers/global-setup.ts'],
    // allure-vitest's own setup first: ours calls the Allure runtime it installs.
    setupFiles: ['allure-vitest/setup', 'helpers/reporting/allure-setup.ts'],
    // Tests are independent (each arranges its own customer), so they run concurrently within a file.
    sequence: { concurrent: true },
    maxConcurrency: 32,
    // Spec files share nothing mutable at module level; skipping per-file isolation saves the re-import
    // of faker, ajv and supertest in every file.
    isolate: false,
    pool: 'threads',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: conformanceReporters(),
  },
});
