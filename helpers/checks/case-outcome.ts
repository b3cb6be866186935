// The outcome of one case, decided once where the case ends (helpers/checks/requirement-test.ts) and carried as
// data in vitest's task.meta to every reader: the verdict, the console, conformance.json/md, JUnit and
// Allure. Nothing downstream recovers it from error names, messages or test names.
import type { ServerErrorSeen } from '../http/case-scope.js';
import { ConformanceFailure, type FailureDetail } from './expect-outcome.js';
import { StateHookError, StateNotOfferedError } from '../state/state-hook-client.js';
import { CaseDeadlineError, RateLimitedError, TargetUnavailableError, TargetUnreachableError } from '../http/target-errors.js';

/**
 * passed · failed (the target broke the requirement) · not-verified (the target gave no answer, rate-limited
 * the suite past its patience, the state hook refused, or the case ran out of time) · not-run (out of scope:
 * safe mode, an optional state the hook does not offer) · suite-error (an exception in the suite's own code)
 * · expected-failure (failed as the target's expectations file says).
 */
export type CaseOutcome = 'passed' | 'failed' | 'not-verified' | 'not-run' | 'suite-error' | 'expected-failure';

export type { ServerErrorSeen } from '../http/case-scope.js';

export interface CaseMeta {
  outcome: CaseOutcome;
  /** Why the case is not passed, in one line (redacted). */
  reason: string | null;
  /** The target's defect, as fields (failed and expected-failure only). */
  failure: FailureDetail | null;
  /** The state-hook setups the case made (state and redacted params), for reproduction. */
  setups: string[];
  /** 5xx answers the target gave to this case's requests: SNP-NO-SERVER-ERROR judges them. */
  serverErrors: ServerErrorSeen[];
  /** 429 answers waited out before a request of this case was answered. */
  retries: number;
  /** For a not-run case: what limits the run's scope ('safe mode', 'optional states not offered', ...). */
  scope: string | null;
  /** The number of the exchange whose check failed (helpers/http/exchange-numbers.ts): its report step is marked failed. */
  failedExchange: number | null;
}

declare module 'vitest' {
  interface TaskMeta {
    /** Set where the test is declared, so even a case that never ran names its requirement. */
    requirementId?: string;
    /** Why a case was declared skipped (safe mode), set where the test is declared. */
    skipReason?: string;
    /** Set where the case ends. */
    conformance?: CaseMeta;
  }
}

export interface Classified {
  outcome: Exclude<CaseOutcome, 'passed' | 'expected-failure'>;
  reason: string;
  failure: FailureDetail | null;
  scope: string | null;
  failedExchange: number | null;
}

/** Sorts an error that ended a case by its type: whose fault it is decides the outcome. */
export function classifyError(error: unknown): Classified {
  const none = { failure: null, scope: null, failedExchange: null };
  if (error instanceof ConformanceFailure) return { outcome: 'failed', reason: error.detail.why, failure: error.detail, scope: null, failedExchange: error.exchange };
  if (error instanceof StateNotOfferedError) return { outcome: 'not-run', reason: error.message, failure: null, scope: 'optional states not offered', failedExchange: null };
  if (error instanceof StateHookError) return { outcome: 'not-verified', reason: `the state hook could not set up a state: ${error.message}`, ...none };
  if (error instanceof RateLimitedError) return { outcome: 'not-verified', reason: `rate limited: ${error.message}`, ...none };
  if (error instanceof TargetUnavailableError) return { outcome: 'not-verified', reason: `the target is unavailable: ${error.message}`, ...none };
  if (error instanceof TargetUnreachableError) return { outcome: 'not-verified', reason: `the target gave no answer: ${error.message}`, ...none };
  if (error instanceof CaseDeadlineError) return { outcome: 'not-verified', reason: error.message, ...none };
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { outcome: 'suite-error', reason: `the suite itself failed (${what})`, ...none };
}
