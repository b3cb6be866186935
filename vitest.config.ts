// The conformance suite: specs/ against the configured target (or the embedded reference), for bare
// `vitest` runs. `npm run conformance` (bin/conformance.ts) uses the same settings without this file and
// also decides the exit code.
import { defineConfig } from 'vitest/config';
import { conformanceReporters } from './helpers/reporting/reporters.js';
import { SUITE_OPTIONS } from './helpers/runner/suite-options.js';

export default defineConfig({
  test: {
    ...SUITE_OPTIONS,
    globalSetup: ['helpers/runner/global-setup.ts'],
    reporters: conformanceReporters(),
  },
});
