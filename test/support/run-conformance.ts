// Runs `npm run conformance` (bin/snp-conformance.js) as a child process, the way users and CI do, with its
// own reports folder, and returns the exit code, the output and the verdict file.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { runNode } from './run-node.js';

export interface ConformanceRun {
  code: number | null;
  stdout: string;
  stderr: string;
  reportsDir: string;
  report: ConformanceReport | null;
  durationMs: number;
}

/** Every CONFORMANCE_* variable of the parent is dropped, so only `env` configures the run. */
export async function runConformance(env: Record<string, string> = {}, timeoutMs = 120_000, args: string[] = []): Promise<ConformanceRun> {
  const reportsDir = env.CONFORMANCE_REPORTS_DIR ?? mkdtempSync(join(tmpdir(), 'conformance-reports-'));
  const started = Date.now();
  const { code, stdout, stderr } = await runNode(['bin/snp-conformance.js', ...args], { CONFORMANCE_REPORTS_DIR: reportsDir, ...env }, timeoutMs);
  const reportPath = join(reportsDir, 'conformance.json');
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as ConformanceReport) : null;
  return { code, stdout, stderr, reportsDir, report, durationMs: Date.now() - started };
}
