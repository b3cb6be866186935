// reports/junit.xml from the classified cases: one testsuite per requirement. Failed cases are failures,
// cases that could not be judged are errors, known deviations and cases out of scope are skipped with
// their reason, so a CI dashboard tells the three outcomes apart as the verdict does.
import { failureLines } from './failure-text.js';
import type { CaseResult, ConformanceReport } from '../verdict/verdict.js';

/** Characters XML 1.0 cannot carry at all (a NUL in a probe token, say). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function caseElement(c: CaseResult): string {
  const open = `    <testcase classname="${escape(c.requirementId ?? 'unknown')}" name="${escape(c.name)}" time="${(c.durationMs / 1000).toFixed(3)}"`;
  const reason = escape(c.reason ?? '');
  switch (c.outcome) {
    case 'passed':
      return `${open}/>`;
    case 'failed': {
      const text = c.failure ? failureLines({ ...c.failure, case: c.name, setups: c.setups }).join('\n') : (c.reason ?? '');
      return `${open}>\n      <failure type="non-conformant" message="${reason}">${escape(text)}</failure>\n    </testcase>`;
    }
    case 'not-verified':
    case 'suite-error':
      return `${open}>\n      <error type="${c.outcome}" message="${reason}"/>\n    </testcase>`;
    case 'expected-failure':
    case 'not-run':
      return `${open}>\n      <skipped message="${reason}"/>\n    </testcase>`;
  }
}

/** A requirement listed as expected to fail that passed fails the run: it gets a failing case of its own. */
function unexpectedPasses(report: ConformanceReport): CaseResult[] {
  return report.requirements
    .filter((r) => r.status === 'unexpected-pass')
    .map((r) => ({
      name: `${r.id} is listed in the expectations file but passed`,
      requirementId: r.id,
      outcome: 'failed',
      reason: r.reason,
      failure: null,
      setups: [],
      serverErrors: [],
      retries: 0,
      durationMs: 0,
      scope: null,
    }));
}

export function formatJunit(report: ConformanceReport, judgedCases: CaseResult[]): string {
  const cases = [...judgedCases, ...unexpectedPasses(report)];
  const byRequirement = new Map<string, CaseResult[]>();
  for (const c of cases) {
    const id = c.requirementId ?? 'unknown';
    byRequirement.set(id, [...(byRequirement.get(id) ?? []), c]);
  }
  const total = (list: CaseResult[], ...outcomes: CaseResult['outcome'][]) => list.filter((c) => outcomes.includes(c.outcome)).length;
  const suites = [...byRequirement].map(([id, list]) => {
    const time = list.reduce((sum, c) => sum + c.durationMs, 0) / 1000;
    return [
      `  <testsuite name="${escape(id)}" tests="${list.length}" failures="${total(list, 'failed')}" errors="${total(list, 'not-verified', 'suite-error')}" skipped="${total(list, 'not-run', 'expected-failure')}" time="${time.toFixed(3)}">`,
      ...list.map(caseElement),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="set-new-password conformance: ${escape(report.verdictLine)}" tests="${cases.length}" failures="${total(cases, 'failed')}" errors="${total(cases, 'not-verified', 'suite-error')}" skipped="${total(cases, 'not-run', 'expected-failure')}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
