// Runs the conformance suite (specs/) through vitest's Node API inside the calling process, against an
// external target. Several runs can go at once because each one gets its settings as values (provided
// to its test workers) rather than through process.env. Everything else is the suite's own: its vitest
// settings, specs and verdict reporter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { VerdictReporter } from '../../helpers/reporting/verdict-reporter.js';
import { SUITE_OPTIONS } from '../../helpers/runner/suite-options.js';
import { runContextFor, suiteConfigFor, type SuiteTarget } from './suite-run-context.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Test workers per run; callers run several suites at once on top of this. */
const WORKERS = 1;

export interface InProcessRun {
  readonly seed: number;
  /** CONFORMANCE_STRICT=1: SHOULD requirements count toward the verdict. */
  readonly strict: boolean;
  /** Setup files run in each worker after the suite's own (a test can break a helper on purpose). */
  readonly extraSetupFiles?: string[];
  /** vitest's test-name filter, to run a part of the suite. */
  readonly testNamePattern?: RegExp;
  /** CONFORMANCE_PROFILE: `bizkithub` (the default) or a path to a profile file. */
  readonly profile?: string;
  /** Spec files to run (absolute paths); default: all of specs/. */
  readonly files?: string[];
}

/** vitest's settings for an in-process run: the suite's own, with the caller's reporters to add. */
export function inProcessOptions(concurrency: number, extraSetupFiles: readonly string[]) {
  return {
    ...SUITE_OPTIONS,
    // Left out: the global setup reads process.env, which concurrent runs cannot each set.
    globalSetup: [],
    root: ROOT,
    config: false as const,
    watch: false,
    setupFiles: [...SUITE_OPTIONS.setupFiles, ...extraSetupFiles],
    // As bin/conformance.ts sets them (the throttle keeps the run's caps across workers).
    maxWorkers: WORKERS,
    maxConcurrency: concurrency,
  };
}

/** Runs every spec against `target` on a vitest instance of its own and returns the verdict report (what conformance.json holds). */
export async function runSuiteInProcess(target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport> {
  const { concurrency } = suiteConfigFor(target, run);
  const reportsDir = mkdtempSync(join(tmpdir(), 'conformance-in-process-'));
  const reporter = new VerdictReporter({ reportsDir, print: false });
  try {
    const vitest = await startVitest('test', run.files ?? [], {
      ...inProcessOptions(concurrency, run.extraSetupFiles ?? []),
      provide: { conformance: runContextFor(target, run) },
      reporters: [reporter],
      ...(run.testNamePattern ? { testNamePattern: run.testNamePattern } : {}),
    });
    await vitest.close();
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
  if (reporter.report === null) throw new Error('the suite produced no verdict');
  return reporter.report;
}
