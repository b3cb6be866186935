// reports/conformance.md: the verdict as a document a vendor can attach to a ticket.
import type { ConformanceReport } from './verdict.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function formatMarkdown(report: ConformanceReport): string {
  const lines = [
    `# Conformance report: ${report.verdict}`,
    '',
    `- Suite: ${report.suite.name} ${report.suite.version}`,
    `- Target: ${report.target.baseUrl}${report.target.embedded ? ' (embedded reference)' : ''}`,
    `- Mode: ${report.mode} · strict: ${report.strict} · profile: ${report.profile} · seed: ${report.seed}`,
    `- Started: ${report.startedAt} · duration: ${report.durationMs} ms`,
    `- Replay: \`${report.replay}\``,
    '',
    '| Requirement | Level | Basis | Status | Cases passed/failed/skipped | Reason |',
    '|---|---|---|---|---|---|',
    ...report.requirements.map(
      (r) =>
        `| ${r.id} | ${r.level} | ${r.basis} | ${r.status} | ${r.cases.passed}/${r.cases.failed}/${r.cases.skipped} | ${cell(r.reason ?? '')} |`,
    ),
  ];
  const failing = report.requirements.filter((r) => r.failures.length > 0);
  if (failing.length) lines.push('', '## Failures');
  for (const r of failing) {
    lines.push('', `### ${r.id}`, '', r.statement, '');
    for (const f of r.failures) lines.push(`- ${f.case}`, '', '```', f.message, '```', '');
  }
  if (report.suiteErrors.length) lines.push('', '## Suite errors', '', ...report.suiteErrors.map((e) => `- ${e}`));
  return `${lines.join('\n')}\n`;
}
