// allure-vitest's reporter, given to vitest as an instance (a string may resolve another copy and report
// nothing). Results go to <reports dir>/allure-results, cleared first: allure-vitest never clears it.
// Runs in vitest's main process.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Status } from 'allure-js-commons';
import type { LifecycleListener, Writer } from 'allure-js-commons/sdk/reporter';
import AllureVitestReporter from 'allure-vitest/reporter';
import type { TestModule, Vitest } from 'vitest/node';
import { registerSecret, redact } from '../redaction.js';
import { reportsDir } from '../reports-dir.js';
import { ALLURE_CATEGORIES, failureKind } from './allure-categories.js';
import { ALLURE_ENABLED } from './allure-enabled.js';
import { environmentInfo } from './allure-environment.js';
import { PlainWriter } from './allure-plain-writer.js';

export function allureResultsDir(): string {
  return join(reportsDir(), 'allure-results');
}

/** allure-vitest marks any non-assertion error "broken"; a ConformanceFailure is the target's defect: "failed". */
const statusByFailureKind: LifecycleListener = {
  beforeTestResultWrite(result) {
    if (result.status !== Status.FAILED && result.status !== Status.BROKEN) return;
    const { trace, message } = result.statusDetails;
    result.status = failureKind(trace ?? message ?? '') === 'nonconformance' ? Status.FAILED : Status.BROKEN;
  },
};

/** allure-vitest 3 keeps its runtime in this field and ignores a configured writer. */
interface RuntimeHolder {
  allureReporterRuntime?: { writer?: Writer };
}

class ConformanceAllureReporter extends AllureVitestReporter {
  private vitestInstance: Vitest | undefined;

  constructor(private readonly outputDir: string) {
    // reportMatchers off: allure-vitest would record every expect() as a step holding its raw values.
    super({ resultsDir: outputDir, categories: ALLURE_CATEGORIES, listeners: [statusByFailureKind], reportMatchers: false });
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

  override onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    super.onTestRunEnd(testModules);
    // The run context exists only once the global setup ran, so the environment is written at the end.
    const context = this.vitestInstance?.getRootProject().getProvidedContext().conformance;
    if (!context) return;
    registerSecret(context.apiKey, 'api-key');
    registerSecret(context.stateToken, 'state-token');
    const info = Object.fromEntries(Object.entries(environmentInfo(context)).map(([key, value]) => [key, redact(value)]));
    new PlainWriter(this.outputDir).writeEnvironmentInfo(info);
  }
}

export function allureReporter(): AllureVitestReporter {
  return new ConformanceAllureReporter(allureResultsDir());
}
