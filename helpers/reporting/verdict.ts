// Turns test results into the per-requirement verdict of reports/conformance.json (suite contract).
import { REQUIREMENTS, type Basis, type Level } from '../../fixtures/requirements.js';
import type { Mode } from '../config.js';

export type CaseState = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  /** The full test name, starting with the requirement ID. */
  name: string;
  state: CaseState;
  /** Failure messages (already redacted). */
  errors: string[];
  durationMs: number;
}

export type RequirementStatus = 'passed' | 'failed' | 'expected-failure' | 'unexpected-pass' | 'not-run';

export interface RequirementVerdict {
  id: string;
  level: Level;
  basis: Basis;
  title: string;
  statement: string;
  area: string;
  status: RequirementStatus;
  cases: { passed: number; failed: number; skipped: number };
  reason: string | null;
  /** Failure details of the failed cases (redacted). */
  failures: { case: string; message: string }[];
}

export interface ExpectedFailure {
  id: string;
  reason: string;
  issue?: string;
}

export interface ConformanceReport {
  suite: { name: string; version: string };
  target: { baseUrl: string; embedded: boolean };
  mode: Mode;
  strict: boolean;
  profile: string;
  seed: number;
  startedAt: string;
  durationMs: number;
  verdict: 'conformant' | 'non-conformant';
  requirements: RequirementVerdict[];
  /** Not part of the contract's minimum; what a reader needs to act. */
  summary: {
    requirements: number;
    cases: number;
    failedMust: number;
    failedShould: number;
    /** Cases that could not be judged: the state hook failed or the target gave no answer. */
    notVerified: number;
    /** 429 answers waited out and retried during the run. */
    retries: number;
  };
  /** Tests without a known requirement ID, or files that failed to load: the suite itself is broken. */
  suiteErrors: string[];
  replay: string;
}

export interface VerdictInput {
  cases: CaseResult[];
  suiteErrors: string[];
  mode: Mode;
  strict: boolean;
  expectedFailures: ExpectedFailure[];
  /** Requirements selected with --only; null: all. */
  selected: string[] | null;
}

const ID_PATTERN = /^(SNP-[A-Z0-9-]+?)\s/;

export function requirementIdOf(testName: string): string | null {
  return ID_PATTERN.exec(testName)?.[1] ?? null;
}

/**
 * A failure that is no verdict on the requirement: the state hook could not set up the state, or the
 * target gave no answer at all. The case is "not verified", and the run cannot be conformant.
 */
export function isNotVerified(message: string): boolean {
  return /(^|\s)(StateHookError|TargetUnreachableError):/.test(message);
}

function notRunReason(mode: Mode, safe: boolean): string {
  return mode === 'safe' && !safe
    ? 'safe mode: needs the state hook and changes data (run in full mode to verify)'
    : 'no case ran';
}

export function computeVerdicts(input: VerdictInput): {
  requirements: RequirementVerdict[];
  suiteErrors: string[];
  verdict: 'conformant' | 'non-conformant';
  notVerified: number;
} {
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  const suiteErrors = [...input.suiteErrors];
  const byId = new Map<string, CaseResult[]>();
  for (const result of input.cases) {
    const id = requirementIdOf(result.name);
    if (id === null || !known.has(id)) {
      suiteErrors.push(`test "${result.name}" names no requirement of the catalogue`);
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), result]);
  }
  const expected = new Map(input.expectedFailures.map((e) => [e.id, e]));
  for (const id of expected.keys()) {
    if (!known.has(id)) suiteErrors.push(`expectations file names unknown requirement ${id}`);
  }

  let notVerified = 0;
  const selected = input.selected === null ? null : new Set(input.selected);
  let nonConformant = false;
  const requirements = REQUIREMENTS.map((req): RequirementVerdict => {
    const results = byId.get(req.id) ?? [];
    const cases = {
      passed: results.filter((r) => r.state === 'passed').length,
      failed: results.filter((r) => r.state === 'failed').length,
      skipped: results.filter((r) => r.state === 'skipped').length,
    };
    const failed = results.filter((r) => r.state === 'failed');
    const hookFailed = failed.filter((r) => r.errors.some(isNotVerified));
    const realFailures = failed.filter((r) => !r.errors.some(isNotVerified));
    notVerified += hookFailed.length;
    const counts = req.level === 'MUST' || input.strict;
    const expectation = expected.get(req.id);

    let status: RequirementStatus;
    let reason: string | null = null;
    if (selected !== null && !selected.has(req.id)) {
      status = 'not-run';
      reason = 'not selected (--only)';
    } else if (realFailures.length > 0) {
      status = expectation ? 'expected-failure' : 'failed';
      if (expectation) reason = `expected to fail: ${expectation.reason}`;
    } else if (hookFailed.length > 0) {
      status = 'not-run';
      const unreachable = hookFailed.some((r) => r.errors.some((e) => e.includes('TargetUnreachableError')));
      reason = unreachable
        ? `not verified: the target gave no answer (${hookFailed.length} case(s))`
        : `not verified: the target's state hook could not set up a state (${hookFailed.length} case(s))`;
    } else if (cases.passed === 0) {
      status = 'not-run';
      reason = notRunReason(input.mode, req.safe);
    } else if (expectation) {
      status = 'unexpected-pass';
      reason = `listed as expected to fail (${expectation.reason}) but passed: remove it from the expectations file`;
    } else {
      status = 'passed';
      if (cases.skipped > 0) {
        const why = input.mode === 'safe' ? notRunReason('safe', false) : 'not applicable to this target';
        reason = `partially verified: ${cases.skipped} case(s) not run (${why})`;
      }
    }
    if (counts && (status === 'failed' || status === 'unexpected-pass')) nonConformant = true;
    if (hookFailed.length > 0) nonConformant = true;

    return {
      id: req.id,
      level: req.level,
      basis: req.basis,
      title: req.title,
      statement: req.statement,
      area: req.area,
      status,
      cases,
      reason,
      failures: failed.map((r) => ({ case: r.name, message: r.errors.join('\n') })),
    };
  });
  return { requirements, suiteErrors, verdict: nonConformant ? 'non-conformant' : 'conformant', notVerified };
}
