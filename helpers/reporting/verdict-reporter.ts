// vitest reporter that groups the run's tests by requirement ID and writes reports/conformance.json and
// reports/conformance.md, then prints the console summary. Runs in vitest's main process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { loadExpectations } from '../expectations.js';
import { registerSecret, redact } from '../redaction.js';
import type { RunContext } from '../run-context.js';
import { SUITE_NAME } from '../suite-version.js';
import { formatConsoleSummary } from './console-table.js';
import { formatMarkdown } from './markdown.js';
import { computeVerdicts, type CaseResult, type ConformanceReport } from './verdict.js';

/** Where reports go: CONFORMANCE_REPORTS_DIR, default `reports/`. */
export function reportsDir(): string {
  return process.env.CONFORMANCE_REPORTS_DIR?.trim() || 'reports';
}

function replayCommand(context: RunContext): string {
  const settings = [`CONFORMANCE_SEED=${context.seed}`];
  if (context.mode === 'safe') settings.push('CONFORMANCE_MODE=safe');
  if (context.strict) settings.push('CONFORMANCE_STRICT=1');
  if (context.profile.name !== 'bizkithub') settings.push(`CONFORMANCE_PROFILE=<your profile file>`);
  if (!context.embedded) settings.push(`CONFORMANCE_BASE_URL=${context.baseUrl}`);
  return `${settings.join(' ')} npm run conformance`;
}

export class VerdictReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly startedAt = new Date();
  report: ConformanceReport | null = null;

  constructor(private readonly options: { outputPath?: string; print?: boolean } = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const context = this.vitest?.getRootProject().getProvidedContext().conformance;
    if (!context) return; // global setup failed; vitest reports that error itself
    registerSecret(context.apiKey, 'api-key');
    registerSecret(context.stateToken, 'state-token');

    const cases: CaseResult[] = [];
    const suiteErrors = unhandledErrors.map((e) => `unhandled error: ${redact(String((e as Error)?.message ?? e))}`);
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
    const expectationsPath = process.env.CONFORMANCE_EXPECTATIONS?.trim() || null;
    const computed = computeVerdicts({
      cases,
      suiteErrors,
      mode: context.mode,
      strict: context.strict,
      expectedFailures: loadExpectations(expectationsPath),
    });
    const counts = (level: string) =>
      computed.requirements.filter((r) => r.level === level && (r.status === 'failed' || r.status === 'unexpected-pass')).length;
    const report: ConformanceReport = {
      suite: { name: SUITE_NAME, version: context.suiteVersion },
      target: { baseUrl: context.baseUrl, embedded: context.embedded },
      mode: context.mode,
      strict: context.strict,
      profile: context.profile.name,
      seed: context.seed,
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      verdict: computed.verdict,
      requirements: computed.requirements,
      summary: {
        requirements: computed.requirements.length,
        cases: cases.filter((c) => c.state !== 'skipped').length,
        failedMust: counts('MUST'),
        failedShould: counts('SHOULD'),
        stateHookFailures: computed.stateHookFailures,
      },
      suiteErrors: computed.suiteErrors,
      replay: replayCommand(context),
    };
    this.report = report;
    const outputPath = this.options.outputPath ?? join(reportsDir(), 'conformance.json');
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, redact(`${JSON.stringify(report, null, 2)}\n`));
    writeFileSync(outputPath.replace(/\.json$/, '.md'), redact(formatMarkdown(report)));
    if (this.options.print !== false) console.log(redact(formatConsoleSummary(report)));
  }
}
