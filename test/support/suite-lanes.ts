// Many in-process suite runs (the fault and variant self-validation) on a few shared vitest instances,
// "lanes". A lane runs its suite runs one after another and keeps, between them, what does not depend on
// the target: its vite server, its module graph and its resolved settings (~0.1 s of CPU per run, 120 runs
// in npm test). What a run's tests hold does not carry over: vitest starts each run's test workers and
// stops them when the run ends, the run context is provided before each run, and each run has its own
// verdict reporter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVitest, type Reporter, type TestModule, type Vitest } from 'vitest/node';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { VerdictReporter } from '../../helpers/reporting/verdict-reporter.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { inProcessOptions, type InProcessRun } from './run-suite-in-process.js';
import { runContextFor, suiteConfigFor, type SuiteTarget } from './suite-run-context.js';

/** The lane's one reporter, handing each run's end to that run's own verdict reporter. */
class ToTheRunsReporter implements Reporter {
  current: VerdictReporter | null = null;

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    this.current?.onTestRunEnd(testModules, unhandledErrors);
  }
}

interface Lane {
  readonly vitest: Vitest;
  readonly reporter: ToTheRunsReporter;
  readonly concurrency: number;
}

async function openLane(concurrency: number): Promise<Lane> {
  const reporter = new ToTheRunsReporter();
  const vitest = await createVitest('test', { ...inProcessOptions(concurrency, []), reporters: [reporter] });
  await vitest.standalone();
  return { vitest, reporter, concurrency };
}

async function runOnLane(lane: Lane, target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport> {
  const { vitest } = lane;
  const reportsDir = mkdtempSync(join(tmpdir(), 'conformance-in-process-'));
  const reporter = new VerdictReporter({ reportsDir, print: false });
  reporter.onInit(vitest);
  lane.reporter.current = reporter;
  vitest.provide('conformance', runContextFor(target, run));
  if (run.testNamePattern) vitest.setGlobalTestNamePattern(run.testNamePattern);
  else vitest.resetGlobalTestNamePattern();
  try {
    const specifications = await vitest.globTestSpecifications(run.files);
    await vitest.runTestSpecifications(specifications, run.files === undefined);
  } finally {
    lane.reporter.current = null;
    rmSync(reportsDir, { recursive: true, force: true });
  }
  if (reporter.report === null) throw new Error('the suite produced no verdict');
  return reporter.report;
}

export interface SuiteLanes {
  /** Runs the suite against `target` on a free lane (waiting for one) and returns the verdict report. */
  run(target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport>;
  close(): Promise<void>;
}

/** At most `count` lanes, opened as runs need them; runs beyond that wait their turn in call order. */
export function suiteLanes(count: number): SuiteLanes {
  const limited = concurrencyLimit(count);
  const idle: Lane[] = [];
  const opened: Lane[] = [];
  return {
    run: (target, run) =>
      limited(async () => {
        if (run.extraSetupFiles?.length) throw new Error('a run with extra setup files needs runSuiteInProcess: a lane keeps its setup files');
        const { concurrency } = suiteConfigFor(target, run);
        // A lane settles maxConcurrency when it opens; every in-process target is a loopback reference.
        let lane = idle.pop();
        if (lane !== undefined && lane.concurrency !== concurrency) throw new Error(`a lane opened for concurrency ${lane.concurrency} cannot run ${concurrency}`);
        if (lane === undefined) {
          lane = await openLane(concurrency);
          opened.push(lane);
        }
        try {
          return await runOnLane(lane, target, run);
        } finally {
          idle.push(lane);
        }
      }),
    close: async () => {
      await Promise.all(opened.map((lane) => lane.vitest.close()));
    },
  };
}
