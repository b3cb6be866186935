// `npm run report` builds an Allure report that renders the run's results in headless Chromium, and keeps
// one history line per build (the trend a nightly job accumulates). Chromium is a system package
// (.ci/run installs it); without it this test is skipped with the reason printed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findChromium } from '../../scripts/support/headless-chromium.js';
import { runScript } from './run-script.js';

const NO_CHROMIUM = 'skipped: chromium is not installed, so the Allure report cannot be rendered (Debian: apt-get install -y chromium; .ci/run does it)';
const chromium = findChromium();
if (chromium === null) console.warn(NO_CHROMIUM);

test.skipIf(chromium === null)('the report of a run renders its results in headless Chromium, with one history line per build', async () => {
  const work = mkdtempSync(join(tmpdir(), 'report-renders-'));
  const env = { CONFORMANCE_REPORTS_DIR: join(work, 'reports'), CONFORMANCE_ALLURE_HISTORY: join(work, 'cache', 'history.jsonl') };
  const run = await runScript('bin/conformance.ts', ['--only', 'SNP-BUSINESS-ERROR-STATUS,SNP-E003-UNKNOWN-TOKEN'], env);
  expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);

  for (const build of [1, 2]) {
    const report = await runScript('scripts/report.ts', [], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`(${build} run${build === 1 ? '' : 's'})`);
  }
  expect(readFileSync(env.CONFORMANCE_ALLURE_HISTORY, 'utf8').trim().split('\n')).toHaveLength(2);

  const check = await runScript('scripts/check-report-renders.ts', [], env);
  expect(check.code, check.stdout + check.stderr).toBe(0);
  // Issue 10: the overview names the verdict with its scope (it is the report's name).
  expect(check.stdout).toMatch(/renders \d+ results and the verdict CONFORMANT \(--only: 2 of \d+ requirements judged\) in headless Chromium/);
}, 120_000);
