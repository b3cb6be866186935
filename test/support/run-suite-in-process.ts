// Runs the conformance suite (specs/) through vitest's Node API inside the calling process, against an
// external target. Several runs can go at once because each one gets its settings as values (provided
// to its test workers) rather than through process.env. Everything else is the suite's own: its vitest
// settings, specs and verdict reporter. A vitest instance can serve many runs in turn (suite-lanes.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVitest, type Reporter, type TestModule, type Vitest } from 'vitest/node';
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

/** The instance's one reporter, handing each run's end to that run's own verdict reporter. */
class ToTheRunsReporter implements Reporter {
  current: VerdictReporter | null = null;

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    this.current?.onTestRunEnd(testModules, unhandledErrors);
  }
}

/** A vitest instance for in-process runs, one at a time; its settings are fixed when it opens. */
export interface SuiteInstance {
  readonly vitest: Vitest;
  readonly reporter: ToTheRunsReporter;
  readonly concurrency: number;
}

export async function openSuiteInstance(concurrency: number, extraSetupFiles: readonly string[] = []): Promise<SuiteInstance> {
  const reporter = new ToTheRunsReporter();
  const vitest = await createVitest('test', {
    ...SUITE_OPTIONS,
    // Left out: the global setup reads process.env, which concurrent runs cannot each set.
    globalSetup: [],
    root: ROOT,
    config: false,
    watch: false,
    reporters: [reporter],
    setupFiles: [...SUITE_OPTIONS.setupFiles, ...extraSetupFiles],
    // As bin/conformance.ts sets them (the throttle keeps the run's caps across workers).
    maxWorkers: WORKERS,
    maxConcurrency: concurrency,
  });
  await vitest.standalone();
  return { vitest, reporter, concurrency };
}

/** Runs the suite on `instance` against `target` and returns the verdict report (what conformance.json holds). */
export async function runOnInstance(instance: SuiteInstance, target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport> {
  const { vitest, concurrency } = instance;
  if (suiteConfigFor(target, run).concurrency !== concurrency) throw new Error(`an instance opened for concurrency ${concurrency} cannot serve this run`);
  const reportsDir = mkdtempSync(join(tmpdir(), 'conformance-in-process-'));
  const reporter = new VerdictReporter({ reportsDir, print: false });
  reporter.onInit(vitest);
  instance.reporter.current = reporter;
  vitest.provide('conformance', runContextFor(target, run));
  if (run.testNamePattern) vitest.setGlobalTestNamePattern(run.testNamePattern);
  else vitest.resetGlobalTestNamePattern();
  try {
    const specifications = await vitest.globTestSpecifications(run.files);
    await vitest.runTestSpecifications(specifications, run.files === undefined);
  } finally {
    instance.reporter.current = null;
    rmSync(reportsDir, { recursive: true, force: true });
  }
  if (reporter.report === null) throw new Error('the suite produced no verdict');
  return reporter.report;
}

/** One run on a vitest instance of its own (which may add setup files). */
export async function runSuiteInProcess(target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport> {
  const instance = await openSuiteInstance(suiteConfigFor(target, run).concurrency, run.extraSetupFiles);
  try {
    return await runOnInstance(instance, target, run);
  } finally {
    await instance.vitest.close();
  }
}
