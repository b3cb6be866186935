// The conformance suite: specs/ against the configured target (or the embedded reference).
// `npm run conformance` runs this through bin/conformance.ts, which also decides the exit code.
import { defineConfig } from 'vitest/config';
import { conformanceReporters } from './helpers/reporting/reporters.js';

export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['helpers/runner/global-setup.ts'],
    // allure-vitest's own setup first: ours calls the Allure runtime it installs.
    setupFiles: ['allure-vitest/setup', 'helpers/reporting/allure-setup.ts'],
    // Tests are independent (each arranges its own customer), so they run concurrently within a file.
    sequence: { concurrent: true },
    maxConcurrency: 32,
    // Skipping per-file isolation saves the re-import of faker, ajv and supertest in every file. What the
    // files share in a worker is shared on purpose: the throttle (the run's caps), the registered secrets
    // and the reporting listeners.
    isolate: false,
    pool: 'threads',
    // A backstop only: each case has its own deadline (run context caseTimeoutMs) and ends "not verified".
    testTimeout: 600_000,
    hookTimeout: 30_000,
    reporters: conformanceReporters(),
  },
});
