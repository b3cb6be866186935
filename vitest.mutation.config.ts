// The conformance suite as Stryker's test command (`npm run mutation`, stryker.config.mjs): the same specs
// and settings as vitest.config.ts, but the reference starts inside each test worker
// (test/support/in-worker-reference.ts), so the mutated code is the code that answers the requests.
import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import { runContextFor } from './test/support/suite-run-context.js';
import { SUITE_OPTIONS } from './helpers/runner/suite-options.js';

/** Credentials the in-worker reference is started with; the port (and so the URLs) is known only there. */
const target = {
  baseUrl: 'http://127.0.0.1:1',
  apiKey: `DEV_${randomBytes(14).toString('hex')}`,
  stateUrl: 'http://127.0.0.1:1/__conformance/state',
  stateToken: randomBytes(16).toString('hex'),
};

export default defineConfig({
  test: {
    ...SUITE_OPTIONS,
    // No global setup: it would start the reference in the main process, out of the mutants' reach.
    globalSetup: [],
    provide: { conformance: runContextFor(target, { seed: 20261127, strict: true }) },
    // First, so the other setup files already see the in-worker target.
    setupFiles: ['test/support/in-worker-reference.ts', ...SUITE_OPTIONS.setupFiles],
    // A fresh worker per spec file re-evaluates the reference's modules, so mutants in module-level code
    // (static mutants) are active too.
    isolate: true,
    // Stryker runs in a sandbox copy of its own; the on-disk module cache is left out, as in the runs the
    // mutation figures were measured with.
    experimental: { fsModuleCache: false },
    reporters: ['dot'],
  },
});
