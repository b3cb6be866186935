// Many in-process suite runs (the fault and variant self-validation) on a few shared vitest instances,
// "lanes". A lane runs its suite runs one after another and keeps, between them, what does not depend on
// the target: its vite server, its module graph and its resolved settings (measured on npm test's two
// self-validation files: ~27 CPU-s of ~150). What a run's tests hold does not carry over: vitest starts each
// run's test workers and stops them when the run ends, the run context is provided before each run, and
// each run has its own verdict reporter (run-suite-in-process.ts).
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { openSuiteInstance, runOnInstance, type InProcessRun, type SuiteInstance } from './run-suite-in-process.js';
import { suiteConfigFor, type SuiteTarget } from './suite-run-context.js';

export interface SuiteLanes {
  /** Runs the suite against `target` on a free lane (waiting for one) and returns the verdict report. */
  run(target: SuiteTarget, run: InProcessRun): Promise<ConformanceReport>;
  close(): Promise<void>;
}

/** At most `count` lanes, opened as runs need them; runs beyond that wait their turn in call order. */
export function suiteLanes(count: number): SuiteLanes {
  const limited = concurrencyLimit(count);
  const idle: SuiteInstance[] = [];
  const opened: SuiteInstance[] = [];
  return {
    run: (target, run) =>
      limited(async () => {
        // A lane keeps the setup files it opened with; a run that adds its own needs runSuiteInProcess.
        if (run.extraSetupFiles?.length) throw new Error('a run with extra setup files needs an instance of its own (runSuiteInProcess)');
        let lane = idle.pop();
        if (lane === undefined) {
          lane = await openSuiteInstance(suiteConfigFor(target, run).concurrency);
          opened.push(lane);
        }
        try {
          return await runOnInstance(lane, target, run);
        } finally {
          idle.push(lane);
        }
      }),
    close: async () => {
      await Promise.all(opened.map((lane) => lane.vitest.close()));
    },
  };
}
