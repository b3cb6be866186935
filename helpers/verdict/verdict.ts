// Turns case outcomes (data from task.meta, see helpers/checks/case-outcome.ts) into the per-requirement verdict
// of reports/conformance.json and the run's one verdict word (suite contract).
import { REQUIREMENTS, type Basis, type Level } from '../../fixtures/requirements.js';
import type { CaseMeta, CaseOutcome } from '../checks/case-outcome.js';
import type { Mode } from '../run/config.js';
import type { FailureDetail } from '../checks/expect-outcome.js';
import type { ExpectedFailure } from '../run/expectations.js';

/**
 * One case as the verdict sees it: what the case recorded (task.meta), with its name, requirement and time.
 * Without the failed exchange's number: only the Allure report uses it (to mark that step).
 */
export interface CaseResult extends Omit<CaseMeta, 'failedExchange'> {
  /** The test's name (for people; the requirement comes from requirementId). */
  name: string;
  requirementId: string | null;
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
  /** Why a not-run requirement was not judged, as data: out of the run's scope, or it could not be judged. */
  notRun: 'not-selected' | 'out-of-scope' | 'not-verified' | 'suite-error' | null;
  cases: { passed: number; failed: number; skipped: number; notVerified: number };
  reason: string | null;
  /** Failure details of the failed cases (redacted), as fields. */
  failures: (FailureDetail & { case: string; setups: string[] })[];
}

/** The three verdicts, matching the three exit codes (0, 1, 2). */
export type Verdict = 'conformant' | 'non-conformant' | 'not-judged';

export interface Scope {
  judged: number;
  total: number;
  /** Why fewer than all requirements were judged (safe mode, --only, a shard, optional states). */
  limits: string[];
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
  verdict: Verdict;
  /** The verdict word with its scope, as every output prints it: `CONFORMANT (safe mode: 31 of 68 requirements judged)`. */
  verdictLine: string;
  /** Why the verdict is what it is, in one line. */
  verdictReason: string;
  scope: Scope;
  shard: { index: number; count: number } | null;
  requirements: RequirementVerdict[];
  /** Not part of the contract's minimum; what a reader needs to act. */
  summary: {
    requirements: number;
    cases: number;
    failedMust: number;
    failedShould: number;
    /** Cases that could not be judged: no answer, rate limited, the state hook refused, out of time. */
    notVerified: number;
    /** Cases in which the suite's own code failed. */
    suiteErrorCases: number;
    /** 429 answers waited out and retried during the run. */
    retries: number;
  };
  /** Errors of the suite itself (files that failed to load, unhandled errors, cases the suite broke in). */
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
  shard: { index: number; count: number } | null;
}

export interface ComputedVerdict {
  requirements: RequirementVerdict[];
  suiteErrors: string[];
  verdict: Verdict;
  verdictReason: string;
  scope: Scope;
  notVerified: number;
  suiteErrorCases: number;
}

/** Every 5xx a case saw is judged by this requirement, whichever test sent the request (Schemathesis's first check). */
export const SERVER_ERROR_REQUIREMENT = 'SNP-NO-SERVER-ERROR';

const JUDGED: ReadonlySet<RequirementStatus> = new Set(['passed', 'failed', 'expected-failure', 'unexpected-pass']);

/** Each 5xx seen by another requirement's case becomes a failed case of SNP-NO-SERVER-ERROR. */
export function serverErrorCases(cases: CaseResult[], expected: Map<string, ExpectedFailure>): CaseResult[] {
  if (!REQUIREMENTS.some((r) => r.id === SERVER_ERROR_REQUIREMENT)) return [];
  return cases
    .filter((c) => c.requirementId !== SERVER_ERROR_REQUIREMENT)
    .flatMap((c) =>
      c.serverErrors.map((seen) => ({
        name: `${SERVER_ERROR_REQUIREMENT} a request of "${c.name}"`,
        requirementId: SERVER_ERROR_REQUIREMENT,
        outcome: expected.has(SERVER_ERROR_REQUIREMENT) ? ('expected-failure' as const) : ('failed' as const),
        reason: `status ${seen.status}`,
        failure: {
          requirementId: SERVER_ERROR_REQUIREMENT,
          expected: 'an answer that is not a server error (status below 500)',
          actual: `status ${seen.status}`,
          why: `the target failed on a request of the case "${c.name}"`,
          curl: seen.curl,
        },
        setups: c.setups,
        serverErrors: [],
        retries: 0,
        durationMs: 0,
        scope: null,
      })),
    );
}

function count(results: CaseResult[], ...outcomes: CaseOutcome[]): number {
  return results.filter((r) => outcomes.includes(r.outcome)).length;
}

function firstReason(results: CaseResult[], outcome: CaseOutcome): string {
  return results.find((r) => r.outcome === outcome)?.reason ?? outcome;
}

type StatusOf = { status: RequirementStatus; reason: string | null; notRun: RequirementVerdict['notRun']; scope: string | null };

function requirementStatus(results: CaseResult[], expectation: ExpectedFailure | undefined, selected: boolean): StatusOf {
  const judged = (status: RequirementStatus, reason: string | null): StatusOf => ({ status, reason, notRun: null, scope: null });
  if (!selected) return { status: 'not-run', reason: 'not selected (--only)', notRun: 'not-selected', scope: '--only' };
  const failed = count(results, 'failed', 'expected-failure');
  if (failed > 0) return expectation ? judged('expected-failure', `known deviation: ${expectation.reason}`) : judged('failed', null);
  const broken = count(results, 'suite-error');
  if (broken > 0) {
    return { status: 'not-run', reason: `not judged: the suite itself failed in ${broken} case(s): ${firstReason(results, 'suite-error')}`, notRun: 'suite-error', scope: null };
  }
  const notVerified = count(results, 'not-verified');
  if (notVerified > 0) return { status: 'not-run', reason: `not verified (${notVerified} case(s)): ${firstReason(results, 'not-verified')}`, notRun: 'not-verified', scope: null };
  const passed = count(results, 'passed');
  const notRun = results.filter((r) => r.outcome === 'not-run');
  if (passed === 0) {
    return { status: 'not-run', reason: notRun.length > 0 ? firstReason(results, 'not-run') : 'no case ran', notRun: 'out-of-scope', scope: notRun[0]?.scope ?? null };
  }
  if (expectation) {
    return judged('unexpected-pass', `listed as expected to fail (${expectation.reason}) but passed: remove it from the expectations file`);
  }
  return judged('passed', notRun.length > 0 ? `partially verified: ${notRun.length} case(s) not run (${firstReason(results, 'not-run')})` : null);
}

function scopeOf(statuses: StatusOf[], input: VerdictInput): Scope {
  const limits = new Set<string>();
  if (input.mode === 'safe') limits.add('safe mode');
  if (input.shard !== null) limits.add(`shard ${input.shard.index}/${input.shard.count}`);
  for (const { scope } of statuses) if (scope !== null && scope !== 'not applicable') limits.add(scope);
  return { judged: statuses.filter((r) => JUDGED.has(r.status)).length, total: statuses.length, limits: [...limits] };
}

export function computeVerdicts(input: VerdictInput): ComputedVerdict {
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  const suiteErrors = [...input.suiteErrors];
  const expected = new Map(input.expectedFailures.map((e) => [e.id, e]));
  for (const id of expected.keys()) {
    if (!known.has(id)) suiteErrors.push(`expectations file names unknown requirement ${id}`);
  }
  const byId = new Map<string, CaseResult[]>();
  for (const result of [...input.cases, ...serverErrorCases(input.cases, expected)]) {
    if (result.requirementId === null || !known.has(result.requirementId)) {
      suiteErrors.push(`test "${result.name}" names no requirement of the catalogue`);
      continue;
    }
    byId.set(result.requirementId, [...(byId.get(result.requirementId) ?? []), result]);
  }

  const selected = input.selected === null ? null : new Set(input.selected);
  const statuses = REQUIREMENTS.map((req) => requirementStatus(byId.get(req.id) ?? [], expected.get(req.id), selected === null || selected.has(req.id)));
  const requirements = REQUIREMENTS.map((req, i): RequirementVerdict => {
    const results = byId.get(req.id) ?? [];
    const { status, reason, notRun } = statuses[i] as StatusOf;
    return {
      id: req.id,
      level: req.level,
      basis: req.basis,
      title: req.title,
      statement: req.statement,
      area: req.area,
      status,
      notRun,
      cases: {
        passed: count(results, 'passed'),
        failed: count(results, 'failed', 'expected-failure'),
        skipped: count(results, 'not-run'),
        notVerified: count(results, 'not-verified', 'suite-error'),
      },
      reason,
      failures: results.flatMap((r) => (r.failure ? [{ ...r.failure, case: r.name, setups: r.setups }] : [])),
    };
  });

  const notVerified = count(input.cases, 'not-verified');
  const suiteErrorCases = count(input.cases, 'suite-error');
  const counted = (r: RequirementVerdict) => r.level === 'MUST' || input.strict;
  const broken = requirements.filter((r) => counted(r) && (r.status === 'failed' || r.status === 'unexpected-pass'));
  const scope = scopeOf(statuses, input);

  const suiteBroken = suiteErrors.length > 0 || suiteErrorCases > 0;
  const suiteNote = `the suite itself failed${suiteErrorCases ? ` in ${suiteErrorCases} case(s)` : ''} (an error in the suite's code, not the target's): please report it with reports/cases.json`;
  let verdict: Verdict;
  let verdictReason: string;
  if (broken.length > 0) {
    // A demonstrated failure stands even when the suite broke elsewhere; the suite error is still named.
    verdict = 'non-conformant';
    verdictReason = `${broken.length} requirement(s) failed: ${broken.map((r) => r.id).join(', ')}${suiteBroken ? `; also, ${suiteNote}` : ''}`;
  } else if (suiteBroken) {
    verdict = 'not-judged';
    verdictReason = suiteNote;
  } else if (notVerified > 0) {
    verdict = 'not-judged';
    verdictReason = `${notVerified} case(s) could not be judged: ${firstReason(input.cases, 'not-verified')}`;
  } else if (scope.judged === 0) {
    verdict = 'not-judged';
    verdictReason = 'no requirement was judged: a run that tested nothing never passes';
  } else {
    verdict = 'conformant';
    verdictReason = 'every in-scope requirement passed (or failed only as the expectations file says)';
  }
  return { requirements, suiteErrors, verdict, verdictReason, scope, notVerified, suiteErrorCases };
}

export const VERDICT_WORDS: Record<Verdict, string> = {
  conformant: 'CONFORMANT',
  'non-conformant': 'NON-CONFORMANT',
  'not-judged': 'NOT JUDGED',
};

/** `CONFORMANT (safe mode: 27 of 45 requirements judged)`: the verdict word with its scope, for every output. */
export function verdictLine(report: Pick<ConformanceReport, 'verdict' | 'scope'>): string {
  const word = VERDICT_WORDS[report.verdict];
  const { judged, total, limits } = report.scope;
  if (judged === total) return word;
  return `${word} (${limits.length ? `${limits.join(', ')}: ` : ''}${judged} of ${total} requirements judged)`;
}
