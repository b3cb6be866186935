// vitest reporter that reads each case's outcome from task.meta (decided where the case ended), builds the
// verdict and writes reports/conformance.json, conformance.md, cases.json and junit.xml, then prints the
// console summary. Runs in vitest's main process.
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { CaseOutcome } from '../checks/case-outcome.js';
import { conformanceCommand } from '../run/invocation.js';
import { registerSecret, redact } from '../run/redaction.js';
import type { RunContext } from '../run/run-context.js';
import { buildReport, type RunRecord } from '../verdict/build-report.js';
import { formatConsoleSummary } from './console-table.js';
import type { CaseResult, ConformanceReport } from '../verdict/verdict.js';
import { writeReports } from './write-reports.js';

/** The command that replays this run: every setting that chose its inputs and its scope. */
export function replayCommand(context: RunContext): string {
  const settings = [`CONFORMANCE_SEED=${context.seed}`];
  if (context.mode === 'safe') settings.push('CONFORMANCE_MODE=safe');
  if (context.strict) settings.push('CONFORMANCE_STRICT=1');
  if (context.profileSource !== 'bizkithub') settings.push(`CONFORMANCE_PROFILE=${context.profileSource}`);
  if (context.expectationsPath !== null) settings.push(`CONFORMANCE_EXPECTATIONS=${context.expectationsPath}`);
  if (!context.embedded) settings.push(`CONFORMANCE_BASE_URL=${context.baseUrl}`);
  const flags: string[] = [];
  if (context.selected !== null) flags.push(`--only ${context.selected.join(',')}`);
  if (context.shard !== null) flags.push(`--shard ${context.shard.index}/${context.shard.count}`);
  return `${settings.join(' ')} ${conformanceCommand(flags)}`;
}

type Outcome = { outcome: CaseOutcome; reason: string | null; scope: string | null };

/** A test that ended without the suite's classification (it never reached runCase): skipped or the suite's fault. */
function unclassified(test: TestCase): Outcome {
  const result = test.result();
  const meta = test.meta();
  if (result.state === 'skipped' || result.state === 'pending') {
    return { outcome: 'not-run', reason: meta.skipReason ?? 'skipped', scope: meta.skipReason ? 'safe mode' : null };
  }
  if (result.state === 'passed') return { outcome: 'suite-error', reason: 'a test not declared through requirement(): its outcome is unknown', scope: null };
  const first = result.errors?.[0];
  return { outcome: 'suite-error', reason: `the case ended outside the suite's classification (${redact(first?.message ?? 'no error')})`, scope: null };
}

/** The case's own classification, unless vitest ended it otherwise (its own time-out after the case passed). */
function classified(test: TestCase): Outcome | null {
  const meta = test.meta().conformance;
  if (meta === undefined) return null;
  if (meta.outcome === 'passed' && test.result().state === 'failed') {
    return { outcome: 'suite-error', reason: 'vitest failed a case the suite had passed (its own time-out?)', scope: null };
  }
  return { outcome: meta.outcome, reason: meta.reason, scope: meta.scope };
}

function caseResult(test: TestCase): CaseResult {
  const meta = test.meta();
  const classifiedCase = meta.conformance;
  const { outcome, reason, scope } = classified(test) ?? unclassified(test);
  return {
    name: test.name,
    requirementId: meta.requirementId ?? null,
    outcome,
    reason,
    failure: classifiedCase?.failure ?? null,
    setups: classifiedCase?.setups ?? [],
    serverErrors: classifiedCase?.serverErrors ?? [],
    retries: classifiedCase?.retries ?? 0,
    durationMs: test.diagnostic()?.duration ?? 0,
    scope,
  };
}

function caseResults(testModules: ReadonlyArray<TestModule>, suiteErrors: string[]): CaseResult[] {
  const cases: CaseResult[] = [];
  for (const module of testModules) {
    for (const error of module.errors()) suiteErrors.push(`${module.moduleId}: ${redact(error.message)}`);
    for (const test of module.children.allTests()) cases.push(caseResult(test));
  }
  return cases;
}

export class VerdictReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly startedAt = new Date();
  report: ConformanceReport | null = null;

  /** `reportsDir`: where the files go (default: the run context's); `print`: the console summary; `full`: every requirement in it. */
  constructor(private readonly options: { reportsDir?: string; print?: boolean; full?: boolean } = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const context = this.vitest?.getRootProject().getProvidedContext().conformance;
    if (!context) return; // no run context: the run never started, and the runner says why
    registerSecret(context.apiKey, 'api-key');
    registerSecret(context.stateToken, 'state-token');

    const suiteErrors = unhandledErrors.map((e) => `unhandled error: ${redact(String((e as Error)?.message ?? e))}`);
    const record: RunRecord = {
      meta: {
        suiteVersion: context.suiteVersion,
        target: { baseUrl: context.baseUrl, embedded: context.embedded },
        mode: context.mode,
        strict: context.strict,
        profile: context.profile.name,
        seed: context.seed,
        startedAt: this.startedAt.toISOString(),
        durationMs: Date.now() - this.startedAt.getTime(),
        replay: replayCommand(context),
        selected: context.selected,
        shard: context.shard,
        expectedFailures: context.expectedFailures,
      },
      cases: caseResults(testModules, suiteErrors),
      suiteErrors,
    };
    const report = buildReport(record);
    this.report = report;
    writeReports(this.options.reportsDir ?? context.reportsDir, report, record);
    if (this.options.print !== false) console.log(redact(formatConsoleSummary(report, this.options.full)));
  }
}
