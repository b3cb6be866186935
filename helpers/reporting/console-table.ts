// The end-of-run console summary, h2spec style: one line per requirement, then each failure with its
// Expected/Actual/Reproduce lines, known deviations apart, then the verdict with its scope, the seed and
// the command that replays the run.
import { failureLines } from './failure-text.js';
import { verdictLine, type ConformanceReport, type RequirementVerdict } from '../verdict/verdict.js';

const MARK: Record<RequirementVerdict['status'], string> = {
  passed: '✔',
  failed: '✘',
  'expected-failure': '~',
  'unexpected-pass': '!',
  'not-run': '-',
};

/** Failed cases shown per requirement; the rest are in reports/conformance.json. */
const SHOWN_FAILURES = 3;

function requirementLine(req: RequirementVerdict): string {
  const { passed, failed, skipped, notVerified } = req.cases;
  const counts = `${passed}/${passed + failed}${skipped ? ` (${skipped} not run)` : ''}${notVerified ? ` (${notVerified} not verified)` : ''}`;
  return `    ${MARK[req.status]} ${req.id.padEnd(36)} ${req.level.padEnd(6)} ${req.basis.padEnd(13)} ${req.status.padEnd(16)} ${counts}`;
}

/** One line per area; the area's requirements are listed only where one did not pass (all with `full`). */
function requirementTable(report: ConformanceReport, full: boolean): string[] {
  const lines: string[] = [];
  const areas = [...new Set(report.requirements.map((r) => r.area))];
  for (const area of areas) {
    // Requirements left out with --only are not listed (conformance.md has them all).
    const inArea = report.requirements.filter((r) => r.area === area && (full || r.notRun !== 'not-selected'));
    if (inArea.length === 0) continue;
    const passed = inArea.filter((r) => r.status === 'passed').length;
    const cases = inArea.reduce((sum, r) => sum + r.cases.passed, 0);
    lines.push(`  ${passed === inArea.length ? MARK.passed : ' '} ${area}: ${passed}/${inArea.length} requirements passed (${cases} cases)`);
    for (const req of inArea) if (full || req.status !== 'passed') lines.push(requirementLine(req));
  }
  return lines;
}

/** `full`: every requirement on a line of its own (--verbose); otherwise only those that did not pass. */
export function formatConsoleSummary(report: ConformanceReport, full = false): string {
  const lines: string[] = ['', `Conformance of ${report.target.baseUrl}${report.target.embedded ? ' (embedded reference)' : ''}`];
  lines.push(`mode ${report.mode} · strict ${report.strict ? 'on' : 'off'} · profile ${report.profile} · seed ${report.seed}`, '');
  lines.push(...requirementTable(report, full));
  const failing = report.requirements.filter((r) => r.status === 'failed' || r.status === 'unexpected-pass');
  for (const req of failing) {
    lines.push('', `✘ ${req.id} ${req.status}${req.level === 'SHOULD' && !report.strict ? ' (SHOULD: does not count without strict)' : ''}`);
    lines.push(`  ${req.statement}`);
    if (req.reason) lines.push(`  ${req.reason}`);
    for (const failure of req.failures.slice(0, SHOWN_FAILURES)) {
      lines.push(`  case: ${failure.case}`, ...failureLines(failure).map((l) => `    ${l}`));
    }
    if (req.failures.length > SHOWN_FAILURES) lines.push(`  … and ${req.failures.length - SHOWN_FAILURES} more failed case(s) in reports/conformance.json`);
  }
  const known = report.requirements.filter((r) => r.status === 'expected-failure');
  if (known.length) {
    lines.push('', 'Known deviations (expectations file; they do not fail the run):');
    for (const req of known) lines.push(`  ~ ${req.id}: ${req.reason ?? ''}`);
  }
  const notJudged = report.requirements.filter((r) => r.status === 'not-run' && r.cases.notVerified > 0);
  if (notJudged.length) {
    lines.push('', 'Not judged:');
    for (const req of notJudged.slice(0, 10)) lines.push(`  - ${req.id}: ${req.reason ?? ''}`);
    if (notJudged.length > 10) lines.push(`  … and ${notJudged.length - 10} more in reports/conformance.json`);
  }
  for (const error of report.suiteErrors) lines.push('', `suite error: ${error}`);
  const s = report.summary;
  lines.push(
    '',
    `${report.requirements.length} requirements, ${s.cases} cases · failed MUST ${s.failedMust}, failed SHOULD ${s.failedShould}${s.notVerified ? `, not verified ${s.notVerified}` : ''}${s.suiteErrorCases ? `, suite errors ${s.suiteErrorCases}` : ''}${s.retries ? ` · ${s.retries} retries after 429` : ''}`,
    `Verdict: ${verdictLine(report)} (seed ${report.seed})`,
    `Why: ${report.verdictReason}`,
    `Replay: ${report.replay}`,
  );
  return lines.join('\n');
}
