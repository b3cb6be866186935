// Mutation testing of the reference implementation with the conformance suite as the tests:
// `npm run mutation`. Results: reports/mutation/ (HTML and JSON); reading of survivors: docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: false: the specs reach the reference over HTTP, never by importing it.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The endpoint and the key pipeline, and what they are assembled from. Left out, each for a reason:
  // - main.ts, start.ts: process and socket plumbing.
  // - state-hook.ts, provider-states.ts: the state hook is the suite's instrument, not the endpoint; its
  //   mutants would be "killed" by broken test set-up, which says nothing about the suite.
  // - options.ts: validation of the reference's own settings at start-up, unreachable over HTTP
  //   (test/reference/ covers it).
  // - random-text.ts: randomness of issued tokens and default credentials, which no black-box test observes.
  // - unreadable-request.ts: answers to HTTP that Node cannot parse; the suite sends only well-formed HTTP.
  // - faults.ts, fault-patches.ts: the fault catalogue and its patches of the seams, used only by the
  //   self-validation (which proves each patch is caught). The seams' correct behaviour (seams.ts and the
  //   modules it assembles) is mutated like the rest.
  mutate: [
    'reference/**/*.ts',
    '!reference/main.ts',
    '!reference/start.ts',
    '!reference/state-hook.ts',
    '!reference/provider-states.ts',
    '!reference/options.ts',
    '!reference/random-text.ts',
    '!reference/unreadable-request.ts',
    '!reference/faults.ts',
    '!reference/fault-patches.ts',
  ],
  // TypeScript errors in mutants are left to the test run (a type error is no behaviour change).
  checkers: [],
  coverageAnalysis: 'perTest',
  // Two cores: two test runners.
  concurrency: 2,
  // Bounds: a mutant that hangs (a lock never released, a request never answered) is cut off after
  // twice its tests' normal time plus 20 s, and the initial run after 5 minutes.
  timeoutFactor: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 5,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  ignorePatterns: ['reports', 'docs', '.git', 'allure-results', 'allure-report'],
  thresholds: { high: 90, low: 80, break: null },
};
