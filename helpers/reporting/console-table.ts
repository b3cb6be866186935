// The end-of-run console summary, h2spec style: one line per requirement, then each failure with its
// Expected/Actual/Reproduce lines, then the verdict with the seed and the command that replays the run.
import type { ConformanceReport, RequirementVerdict } from './verdict.js';

const MARK: Record<RequirementVerdict['status'], string> = {
  passed: '✔',
  failed: '✘',
  'expected-failure': '~',
  'unexpected-pass': '!',
  'not-run': '-',
};

export function formatConsoleSummary(report: ConformanceReport): string {
  const lines: string[] = ['', `Conformance of ${report.target.baseUrl}${report.target.embedded ? ' (embedded reference)' : ''}`];
  lines.push(`mode ${report.mode} · strict ${report.strict ? 'on' : 'off'} · profile ${report.profile} · seed ${report.seed}`, '');
  let area = '';
  for (const req of report.requirements) {
    if (req.area !== area) {
      area = req.area;
      lines.push(`  ${area}`);
    }
    const counts = `${req.cases.passed}/${req.cases.passed + req.cases.failed}${req.cases.skipped ? ` (${req.cases.skipped} skipped)` : ''}`;
    lines.push(`    ${MARK[req.status]} ${req.id.padEnd(36)} ${req.level.padEnd(6)} ${req.basis.padEnd(13)} ${req.status.padEnd(16)} ${counts}`);
  }
  const failing = report.requirements.filter((r) => r.status === 'failed' || r.status === 'unexpected-pass');
  for (const req of failing) {
    lines.push('', `✘ ${req.id} ${req.status}${req.level === 'SHOULD' && !report.strict ? ' (SHOULD: does not count without strict)' : ''}`);
    if (req.reason) lines.push(`  ${req.reason}`);
    for (const failure of req.failures.slice(0, 3)) {
      lines.push(`  case: ${failure.case}`, ...failure.message.split('\n').map((l) => `    ${l}`));
    }
    if (req.failures.length > 3) lines.push(`  … and ${req.failures.length - 3} more failed case(s) in reports/conformance.json`);
  }
  for (const error of report.suiteErrors) lines.push('', `suite error: ${error}`);
  const s = report.summary;
  lines.push(
    '',
    `${report.requirements.length} requirements, ${s.cases} cases · failed MUST ${s.failedMust}, failed SHOULD ${s.failedShould}${s.notVerified ? `, not verified ${s.notVerified}` : ''}${s.retries ? ` · ${s.retries} retries after 429` : ''}`,
    `Verdict: ${report.verdict.toUpperCase()} (seed ${report.seed})`,
    `Replay: ${report.replay}`,
  );
  return lines.join('\n');
}
