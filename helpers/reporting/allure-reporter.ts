// allure-vitest's reporter, given to vitest as an instance (a string may resolve another copy and report
// nothing). Results go to <reports dir>/allure-results, cleared first: allure-vitest never clears it.
// Runs in vitest's main process.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LinkType, Status } from 'allure-js-commons';
import type { LifecycleListener, Writer } from 'allure-js-commons/sdk/reporter';
import AllureVitestReporter from 'allure-vitest/reporter';
import type { RunnerTask } from 'vitest';
import type { TestModule, Vitest } from 'vitest/node';
import type { CaseMeta } from '../checks/case-outcome.js';
import { registerSecret, redact } from '../run/redaction.js';
import { reportsDir } from '../run/reports-dir.js';
import { ALLURE_CATEGORIES, OUTCOME_PREFIX, OUTCOME_STATUS } from './allure-categories.js';
import { ALLURE_ENABLED } from './allure-enabled-key.js';
import { environmentInfo } from './allure-environment.js';
import { describeFailure } from './allure-failure.js';
import { PlainWriter } from './allure-plain-writer.js';
import { verdictLine } from '../verdict/verdict.js';
import type { VerdictReporter } from './verdict-reporter.js';

export function allureResultsDir(dir: string = reportsDir()): string {
  return join(dir, 'allure-results');
}

/** The case being written: allure-vitest writes one result at a time, inside handleTask. */
interface CaseInWriting {
  meta: CaseMeta | undefined;
  issue: string | undefined;
}

/**
 * The status comes from the case's outcome, not from the error: allure-vitest would call any non-assertion
 * error "broken". The message starts with the outcome's name so the categories group by it; the failure's
 * fields replace the stack trace, and the failed exchange's step is marked (helpers/reporting/allure-failure.ts).
 */
function statusByOutcome(current: () => CaseInWriting): LifecycleListener {
  return {
    beforeTestResultWrite(result) {
      const { meta, issue } = current();
      if (meta?.outcome === 'passed' || (meta === undefined && result.status === Status.PASSED)) return;
      if (meta === undefined) {
        // Ended outside the suite's classification: its own message, still without a trace.
        describeFailure(result, undefined, result.statusDetails.message);
        return;
      }
      result.status = OUTCOME_STATUS[meta.outcome];
      const message = result.statusDetails.message ?? meta.reason ?? '';
      describeFailure(result, meta, `${OUTCOME_PREFIX[meta.outcome]} ${meta.outcome === 'failed' ? message : (meta.reason ?? message)}`);
      if (meta.outcome === 'expected-failure' && issue) result.links.push({ url: issue, name: 'known issue', type: LinkType.ISSUE });
    },
  };
}

/** allure-vitest 3 keeps its runtime in this field and ignores a configured writer. */
interface RuntimeHolder {
  allureReporterRuntime?: { writer?: Writer };
}

/** vitest's reported module carries its runner task (not in vitest's types; allure-vitest reads it too). */
function runnerTask(testModule: TestModule): RunnerTask | undefined {
  return (testModule as unknown as { task?: RunnerTask }).task;
}

class ConformanceAllureReporter extends AllureVitestReporter {
  private vitestInstance: Vitest | undefined;
  private writing: CaseInWriting = { meta: undefined, issue: undefined };
  /** Spec files whose results are written already. */
  private readonly written = new Set<string>();

  constructor(
    private readonly outputDir: string,
    private readonly verdict: VerdictReporter | undefined,
  ) {
    // reportMatchers off: allure-vitest would record every expect() as a step holding its raw values.
    const current = (): CaseInWriting => this.writing;
    super({ resultsDir: outputDir, categories: ALLURE_CATEGORIES, listeners: [statusByOutcome(current)], reportMatchers: false });
  }

  override handleTask(task: RunnerTask): void {
    const context = this.vitestInstance?.getRootProject().getProvidedContext().conformance;
    const requirementId = task.meta.requirementId;
    this.writing = {
      meta: task.meta.conformance,
      issue: context?.expectedFailures.find((e) => e.id === requirementId)?.issue,
    };
    super.handleTask(task);
  }

  override onInit(vitest: Vitest): void {
    rmSync(this.outputDir, { recursive: true, force: true });
    this.vitestInstance = vitest;
    for (const project of vitest.projects) project.provide(ALLURE_ENABLED, true);
    super.onInit(vitest);
    // Faster writes if the field is where allure-vitest 3 keeps it; otherwise its own writer stays.
    const runtime = (this as unknown as RuntimeHolder).allureReporterRuntime;
    if (runtime?.writer) runtime.writer = new PlainWriter(this.outputDir);
  }

  /**
   * allure-vitest writes every result after the last test (~1,700 files, ~0.7 s of the main thread at the
   * end of a full run); each spec file's are written as soon as it ends instead, beside the rest of the run.
   */
  onTestModuleEnd(testModule: TestModule): void {
    const task = runnerTask(testModule);
    if (task === undefined) return;
    this.written.add(testModule.id);
    this.handleTask(task);
  }

  override onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    super.onTestRunEnd(testModules.filter((testModule) => !this.written.has(testModule.id)));
    // The run context exists only once the global setup ran, so the environment is written at the end.
    const context = this.vitestInstance?.getRootProject().getProvidedContext().conformance;
    if (!context) return;
    registerSecret(context.apiKey, 'api-key');
    registerSecret(context.stateToken, 'state-token');
    const report = this.verdict?.report;
    const verdict: Record<string, string> = report ? { Verdict: verdictLine(report), 'Verdict reason': report.verdictReason } : {};
    const info = Object.fromEntries(Object.entries({ ...verdict, ...environmentInfo(context) }).map(([key, value]) => [key, redact(value)]));
    new PlainWriter(this.outputDir).writeEnvironmentInfo(info);
  }
}

export function allureReporter(dir?: string, verdict?: VerdictReporter): AllureVitestReporter {
  return new ConformanceAllureReporter(allureResultsDir(dir), verdict);
}
