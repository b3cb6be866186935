// vitest reporter that groups the run's tests by requirement ID and writes reports/conformance.json,
// reports/conformance.md and reports/cases.json, then prints the console summary. Runs in vitest's main
// process.
import { dirname } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { registerSecret, redact } from '../redaction.js';
import { reportsDir } from '../reports-dir.js';
import { readRetries } from '../retry-log.js';
import type { RunContext } from '../run-context.js';
import { buildReport, type RunRecord } from './build-report.js';
import { formatConsoleSummary } from './console-table.js';
import type { CaseResult, ConformanceReport } from './verdict.js';
import { writeReports } from './write-reports.js';

function replayCommand(context: RunContext): string {
  const settings = [`CONFORMANCE_SEED=${context.seed}`];
  if (context.mode === 'safe') settings.push('CONFORMANCE_MODE=safe');
  if (context.strict) settings.push('CONFORMANCE_STRICT=1');
  if (context.profile.name !== 'bizkithub') settings.push(`CONFORMANCE_PROFILE=<your profile file>`);
  if (!context.embedded) settings.push(`CONFORMANCE_BASE_URL=${context.baseUrl}`);
  return `${settings.join(' ')} npm run conformance`;
}

function caseResults(testModules: ReadonlyArray<TestModule>, suiteErrors: string[]): CaseResult[] {
  const cases: CaseResult[] = [];
  for (const module of testModules) {
    for (const error of module.errors()) suiteErrors.push(`${module.moduleId}: ${redact(error.message)}`);
    for (const test of module.children.allTests()) {
      const result = test.result();
      cases.push({
        name: test.name,
        state: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped',
        errors: (result.errors ?? []).map((e) => redact(`${e.name ?? 'Error'}: ${e.message}`)),
        durationMs: test.diagnostic()?.duration ?? 0,
      });
    }
  }
  return cases;
}

export class VerdictReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly startedAt = new Date();
  report: ConformanceReport | null = null;

  /** `outputPath`: where conformance.json goes (its siblings beside it); default under reportsDir(). */
  constructor(private readonly options: { outputPath?: string; print?: boolean } = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const context = this.vitest?.getRootProject().getProvidedContext().conformance;
    if (!context) return; // global setup failed; vitest reports that error itself
    registerSecret(context.apiKey, 'api-key');
    registerSecret(context.stateToken, 'state-token');

    const suiteErrors = unhandledErrors.map((e) => `unhandled error: ${redact(String((e as Error)?.message ?? e))}`);
    const only = process.env.CONFORMANCE_ONLY?.trim();
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
        selected: only ? only.split(',') : null,
        expectationsPath: process.env.CONFORMANCE_EXPECTATIONS?.trim() || null,
        retries: readRetries().length,
      },
      cases: caseResults(testModules, suiteErrors),
      suiteErrors,
    };
    const report = buildReport(record);
    this.report = report;
    writeReports(this.options.outputPath ? dirname(this.options.outputPath) : reportsDir(), report, record);
    if (this.options.print !== false) console.log(redact(formatConsoleSummary(report)));
  }
}
