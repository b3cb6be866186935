// The vitest settings of the conformance suite, in one place for its three callers: vitest.config.ts (bare
// `vitest` runs), the runner (bin/conformance.ts passes them with `config: false`, so no config file is
// bundled per run) and npm test's in-process runs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { InlineConfig } from 'vitest/node';
import { ClockWaitsFirst } from './spec-order.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * In the temporary folder, since an installed suite may sit in a folder it cannot write; one folder per
 * copy of the suite and lockfile, because vitest empties the whole cache when it sees another lockfile,
 * under the feet of any run reading it at that moment (seen with two checkouts side by side).
 */
function moduleCacheFolder(): string {
  const lockfile = join(PROJECT_ROOT, 'package-lock.json');
  const key = createHash('sha256')
    .update(PROJECT_ROOT)
    .update(existsSync(lockfile) ? readFileSync(lockfile) : '')
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `snp-conformance-${process.getuid?.() ?? 'user'}`, 'vitest-modules', key);
}

export const SUITE_OPTIONS = {
  include: ['specs/**/*.spec.ts'],
  // Installed as a package, the suite runs from inside node_modules/ (vitest's root is the package
  // folder). vitest matches `exclude` against paths relative to the root, so its default
  // `**/node_modules/**` would not hide the specs today; an explicit empty list keeps it that way whatever
  // the default becomes. The specs and helpers need no `server.deps.inline`: vitest always transforms
  // .ts files, in node_modules too (only plain .js/.mjs there is left to Node). test/package/ checks both.
  exclude: [],
  // allure-vitest's own setup first: ours calls the Allure runtime it installs.
  setupFiles: ['allure-vitest/setup', 'helpers/reporting/allure-setup.ts'],
  // Tests are independent (each arranges its own customer), so they run concurrently within a file.
  sequence: { concurrent: true, sequencer: ClockWaitsFirst },
  maxConcurrency: 32,
  // Skipping per-file isolation saves the re-import of faker, ajv and supertest in every file. What the
  // files share in a worker is shared on purpose: the throttle (the run's caps), the registered secrets
  // and the reporting listeners.
  isolate: false,
  pool: 'threads',
  // A backstop only: each case has its own deadline (run context caseTimeoutMs) and ends "not verified".
  testTimeout: 600_000,
  hookTimeout: 30_000,
  // Transformed modules are kept on disk between runs, keyed by their content: a rerun of --only, each
  // shard and npm test's hundred in-process runs skip vite's transform (~20% of a short run's CPU).
  experimental: { fsModuleCache: true, fsModuleCachePath: moduleCacheFolder() },
} satisfies InlineConfig;
