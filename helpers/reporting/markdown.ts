// reports/conformance.md: the verdict as a document a vendor can attach to a ticket.
import { failureLines } from './failure-text.js';
import { verdictLine, type ConformanceReport } from '../verdict/verdict.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function formatMarkdown(report: ConformanceReport): string {
  const lines = [
    `# Conformance report: ${verdictLine(report)}`,
    '',
    `- Why: ${report.verdictReason}`,
    `- Suite: ${report.suite.name} ${report.suite.version}`,
    `- Target: ${report.target.baseUrl}${report.target.embedded ? ' (embedded reference)' : ''}`,
    `- Mode: ${report.mode} · strict: ${report.strict} · profile: ${report.profile} · seed: ${report.seed}${report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ''}`,
    `- Started: ${report.startedAt} · duration: ${report.durationMs} ms`,
    `- Replay: \`${report.replay}\``,
    '',
    '| Requirement | Level | Basis | Status | Cases passed/failed/skipped/not verified | Reason |',
    '|---|---|---|---|---|---|',
    ...report.requirements.map(
      (r) =>
        `| ${r.id} | ${r.level} | ${r.basis} | ${r.status} | ${r.cases.passed}/${r.cases.failed}/${r.cases.skipped}/${r.cases.notVerified} | ${cell(r.reason ?? '')} |`,
    ),
  ];
  const known = report.requirements.filter((r) => r.status === 'expected-failure');
  if (known.length) lines.push('', '## Known deviations (expectations file)', '', ...known.map((r) => `- ${r.id}: ${r.reason ?? ''}`));
  const failing = report.requirements.filter((r) => r.status === 'failed' && r.failures.length > 0);
  if (failing.length) lines.push('', '## Failures');
  for (const r of failing) {
    lines.push('', `### ${r.id}`, '', r.statement, '');
    for (const f of r.failures) lines.push(`- ${f.case}`, '', '```', ...failureLines(f), '```', '');
  }
  if (report.suiteErrors.length) lines.push('', '## Suite errors', '', ...report.suiteErrors.map((e) => `- ${e}`));
  return `${lines.join('\n')}\n`;
}
