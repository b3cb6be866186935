// The verdict from typed case outcomes: one word per exit code, the scope on the verdict line, and each
// outcome counted as what it is (issue 13's observations 3, 4 and 7 at the unit level).
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import type { CaseOutcome } from '../../helpers/checks/case-outcome.js';
import { exitCodeFor } from '../../helpers/verdict/exit-code.js';
import { buildReport, type RunRecord } from '../../helpers/verdict/build-report.js';
import { formatConsoleSummary } from '../../helpers/reporting/console-table.js';
import { formatJunit } from '../../helpers/reporting/junit.js';
import { formatMarkdown } from '../../helpers/reporting/markdown.js';
import { verdictLine, type CaseResult, type ConformanceReport } from '../../helpers/verdict/verdict.js';

function result(id: string, outcome: CaseOutcome, reason: string | null = null, scope: string | null = null): CaseResult {
  const failure = outcome === 'failed' || outcome === 'expected-failure' ? { requirementId: id, expected: 'E003', actual: '200 {}', why: 'errorCode is undefined', curl: 'curl …' } : null;
  return { name: `${id} case`, requirementId: id, outcome, reason, failure, setups: [], serverErrors: [], retries: 0, durationMs: 1, scope };
}
const allPassing = () => REQUIREMENTS.map((r) => result(r.id, 'passed'));

function report(cases: CaseResult[], meta: Partial<RunRecord['meta']> = {}, suiteErrors: string[] = []): ConformanceReport {
  return buildReport({
    meta: {
      suiteVersion: '0', target: { baseUrl: 'http://127.0.0.1:1', embedded: true }, mode: 'full', strict: false, profile: 'bizkithub', seed: 1,
      startedAt: '', durationMs: 0, replay: '', selected: null, shard: null, expectedFailures: [], ...meta,
    },
    cases,
    suiteErrors,
  });
}

describe('verdicts and exit codes', () => {
  test('all passing: CONFORMANT, exit 0', () => {
    const r = report(allPassing());
    expect([r.verdict, exitCodeFor(r).code, verdictLine(r)]).toEqual(['conformant', 0, 'CONFORMANT']);
  });

  test('a failed MUST: NON-CONFORMANT, exit 1', () => {
    const r = report([...allPassing(), result('SNP-TOKEN-SINGLE-USE', 'failed')]);
    expect(r.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('failed');
    expect([r.verdict, exitCodeFor(r).code, verdictLine(r)]).toEqual(['non-conformant', 1, 'NON-CONFORMANT']);
  });

  test('a failed SHOULD counts only with strict', () => {
    const cases = [...allPassing(), result('SNP-CACHE-NO-STORE', 'failed')];
    expect(exitCodeFor(report(cases)).code).toBe(0);
    expect(exitCodeFor(report(cases, { strict: true })).code).toBe(1);
  });

  test('observation 3: a state hook that refused a state gives NOT JUDGED everywhere, and exit 2', () => {
    const r = report([...allPassing(), result('SNP-E004-EXPIRED', 'not-verified', 'the state hook could not set up a state: 400')]);
    expect(r.requirements.find((x) => x.id === 'SNP-E004-EXPIRED')?.status).toBe('not-run');
    expect([r.verdict, exitCodeFor(r).code]).toEqual(['not-judged', 2]);
    expect(formatConsoleSummary(r)).toMatch(/^Verdict: NOT JUDGED/m);
    expect(formatMarkdown(r)).toMatch(/^# Conformance report: NOT JUDGED/m);
  });

  test('a suite error: NOT JUDGED (exit 2) and the message names the suite; next to a real failure, NON-CONFORMANT naming both', () => {
    const broken = report([...allPassing(), result('SNP-E004-EXPIRED', 'suite-error', 'the suite itself failed (TypeError: x)')]);
    expect([broken.verdict, exitCodeFor(broken).code]).toEqual(['not-judged', 2]);
    expect(broken.verdictReason).toMatch(/the suite itself failed .*please report it/);
    expect(broken.requirements.find((x) => x.id === 'SNP-E004-EXPIRED')?.notRun).toBe('suite-error');
    const both = report([...allPassing(), result('SNP-E004-EXPIRED', 'suite-error', 'the suite itself failed (TypeError: x)'), result('SNP-TOKEN-SINGLE-USE', 'failed')]);
    expect([both.verdict, exitCodeFor(both).code]).toEqual(['non-conformant', 1]);
    expect(both.verdictReason).toMatch(/SNP-TOKEN-SINGLE-USE.*also, the suite itself failed/);
  });

  test('observation 4: a run that judged part of the catalogue says so on the verdict line', () => {
    const only = report([result('SNP-SUCCESS-RESPONSE', 'passed')], { selected: ['SNP-SUCCESS-RESPONSE'] });
    expect(verdictLine(only)).toBe(`CONFORMANT (--only: 1 of ${REQUIREMENTS.length} requirements judged)`);
    const safeCases = REQUIREMENTS.map((r) => result(r.id, r.safe ? 'passed' : 'not-run', 'safe mode: needs the state hook'));
    const safe = report(safeCases, { mode: 'safe' });
    const judged = REQUIREMENTS.filter((r) => r.safe).length;
    expect(verdictLine(safe)).toBe(`CONFORMANT (safe mode: ${judged} of ${REQUIREMENTS.length} requirements judged)`);
    expect(formatConsoleSummary(safe)).toContain(`Verdict: CONFORMANT (safe mode: ${judged} of ${REQUIREMENTS.length} requirements judged)`);
  });

  test('optional states a hook does not offer: not-run, still CONFORMANT, with the scope shown', () => {
    const cases = [...allPassing().filter((c) => c.requirementId !== 'SNP-E001-CHANGE-FAILED'), result('SNP-E001-CHANGE-FAILED', 'not-run', 'the state hook answered 400 to an optional state', 'optional states not offered')];
    const r = report(cases);
    expect(r.verdict).toBe('conformant');
    expect(verdictLine(r)).toMatch(/^CONFORMANT \(optional states not offered: \d+ of \d+ requirements judged\)$/);
  });

  test('observation 7: expected failures pass the run and look expected in the console, .md and JUnit', () => {
    const expectedFailures = [{ id: 'SNP-TOKEN-SINGLE-USE', reason: 'we keep tokens for 5 minutes' }];
    const cases = [...allPassing(), result('SNP-TOKEN-SINGLE-USE', 'expected-failure', 'known deviation: we keep tokens for 5 minutes')];
    const r = report(cases, { expectedFailures });
    expect(r.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('expected-failure');
    expect(exitCodeFor(r).code).toBe(0);
    const text = formatConsoleSummary(r);
    expect(text).toContain('Known deviations');
    expect(text).not.toMatch(/^✘ SNP-TOKEN-SINGLE-USE/m);
    const junit = formatJunit(r, cases);
    expect(junit).toMatch(/failures="0"/);
    expect(junit).toMatch(/<skipped message="known deviation: we keep tokens for 5 minutes"\/>/);
    const fixed = report(allPassing(), { expectedFailures });
    expect(fixed.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('unexpected-pass');
    expect(exitCodeFor(fixed).code).toBe(1);
  });

  test('no test ran, or a test without a requirement: NOT JUDGED, exit 2', () => {
    expect(exitCodeFor(report([])).code).toBe(2);
    expect(exitCodeFor(report([...allPassing(), { ...result('X', 'passed'), requirementId: null }])).code).toBe(2);
    expect(exitCodeFor(null).code).toBe(2);
  });
});
