// Runs `npm run conformance` (bin/snp-conformance.js) as a child process, the way users and CI do, with its
// own reports folder, and returns the exit code, the output and the verdict file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '../../helpers/reporting/verdict.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONFORMANCE_') && !name.startsWith('VITEST')));
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/snp-conformance.js', ...args], {
    cwd: ROOT,
    env: { ...cleanEnv, CONFORMANCE_REPORTS_DIR: reportsDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const reportPath = join(reportsDir, 'conformance.json');
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as ConformanceReport) : null;
  return { code, stdout, stderr, reportsDir, report, durationMs: Date.now() - started };
}
