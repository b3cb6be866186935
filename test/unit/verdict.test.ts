import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { exitCodeFor } from '../../helpers/exit-code.js';
import { computeVerdicts, requirementIdOf, type CaseResult, type ConformanceReport, type VerdictInput } from '../../helpers/reporting/verdict.js';

const pass = (id: string): CaseResult => ({ name: `${id} case`, state: 'passed', errors: [], durationMs: 1 });
const fail = (id: string, message = 'ConformanceFailure: x'): CaseResult => ({ name: `${id} case`, state: 'failed', errors: [message], durationMs: 1 });
const allPassing = () => REQUIREMENTS.map((r) => pass(r.id));
const input = (cases: CaseResult[], extra: Partial<VerdictInput> = {}): VerdictInput => ({ cases, suiteErrors: [], mode: 'full', strict: false, expectedFailures: [], selected: null, ...extra });

function report(verdictInput: VerdictInput): ConformanceReport {
  const computed = computeVerdicts(verdictInput);
  return {
    suite: { name: 's', version: '0' }, target: { baseUrl: 'http://127.0.0.1:1', embedded: true }, mode: verdictInput.mode, strict: verdictInput.strict,
    profile: 'bizkithub', seed: 1, startedAt: '', durationMs: 0, verdict: computed.verdict, requirements: computed.requirements,
    summary: { requirements: REQUIREMENTS.length, cases: verdictInput.cases.filter((c) => c.state !== 'skipped').length, failedMust: 0, failedShould: 0, notVerified: computed.notVerified, retries: 0 },
    suiteErrors: computed.suiteErrors, replay: '',
  };
}

describe('verdicts and exit codes', () => {
  test('the requirement ID is the first word of a test name', () => {
    expect(requirementIdOf('SNP-TOKEN-SINGLE-USE a used token answers E003')).toBe('SNP-TOKEN-SINGLE-USE');
    expect(requirementIdOf('a test without an id')).toBeNull();
  });

  test('all passing: conformant, exit 0', () => {
    expect(exitCodeFor(report(input(allPassing()))).code).toBe(0);
  });

  test('a failed MUST: non-conformant, exit 1', () => {
    const cases = [...allPassing(), fail('SNP-TOKEN-SINGLE-USE')];
    const r = report(input(cases));
    expect(r.verdict).toBe('non-conformant');
    expect(r.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('failed');
    expect(exitCodeFor(r).code).toBe(1);
  });

  test('a failed SHOULD counts only with strict', () => {
    const cases = [...allPassing(), fail('SNP-CACHE-NO-STORE')];
    expect(exitCodeFor(report(input(cases))).code).toBe(0);
    expect(exitCodeFor(report(input(cases, { strict: true }))).code).toBe(1);
  });

  test('an expected failure passes the run; an expected failure that passes fails it', () => {
    const expectedFailures = [{ id: 'SNP-TOKEN-SINGLE-USE', reason: 'known' }];
    const failing = report(input([...allPassing(), fail('SNP-TOKEN-SINGLE-USE')], { expectedFailures }));
    expect(failing.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('expected-failure');
    expect(exitCodeFor(failing).code).toBe(0);
    const fixed = report(input(allPassing(), { expectedFailures }));
    expect(fixed.requirements.find((x) => x.id === 'SNP-TOKEN-SINGLE-USE')?.status).toBe('unexpected-pass');
    expect(exitCodeFor(fixed).code).toBe(1);
  });

  test('a state-hook failure is not verified, never conformant: exit 2', () => {
    const r = report(input([...allPassing(), fail('SNP-E004-EXPIRED', 'StateHookError: state hook answered 400')]));
    expect(r.requirements.find((x) => x.id === 'SNP-E004-EXPIRED')?.status).toBe('not-run');
    expect(r.verdict).toBe('non-conformant');
    expect(exitCodeFor(r).code).toBe(2);
  });

  test('no test ran, or a test without a requirement: exit 2', () => {
    expect(exitCodeFor(report(input([]))).code).toBe(2);
    expect(exitCodeFor(report(input([...allPassing(), { ...pass('X'), name: 'orphan test' }]))).code).toBe(2);
    expect(exitCodeFor(null).code).toBe(2);
  });
});
