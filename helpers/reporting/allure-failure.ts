// How a case that did not pass reads in Allure, for a vendor: the failure's own fields, not a stack trace
// into the suite's helpers, and the step of the exchange whose check failed marked failed (red), so the
// reader sees which request the target answered wrongly. Runs in vitest's main process, on the result
// allure-vitest is about to write; everything here comes from the case's outcome (task.meta).
import { Status, type StepResult, type TestResult } from 'allure-js-commons';
import type { CaseMeta } from '../checks/case-outcome.js';
import { EXCHANGE_PARAMETER } from './allure-exchange.js';

/**
 * allure-vitest writes an attachment as a step of its own with no status, parameters or sub-steps, so
 * every field of a step is read as optional here.
 */
type WrittenStep = Partial<StepResult>;

/** Stack traces point into the suite's own code: noise for a vendor (the console's --verbose keeps them). */
export function dropTraces(steps: WrittenStep[] | undefined): void {
  for (const step of steps ?? []) {
    if (step.statusDetails) delete step.statusDetails.trace;
    dropTraces(step.steps);
  }
}

/** Marks the step of the exchange whose check failed, with the failure's reason. */
function markFailedExchange(result: TestResult, meta: CaseMeta): void {
  if (meta.failedExchange === null) return;
  const number = String(meta.failedExchange);
  const step = (result.steps as WrittenStep[]).find((s) => s.parameters?.some((p) => p.name === EXCHANGE_PARAMETER && p.value === number));
  if (step === undefined) return;
  step.status = Status.FAILED;
  step.statusDetails = { message: meta.failure?.why ?? meta.reason ?? 'this exchange failed the check' };
}

/**
 * The result's error: `message` as given (the outcome's prefix and the failure's text: requirement,
 * Expected, Actual, Why, Reproduce), `expected` and `actual` as fields (Allure shows them side by side),
 * and no trace.
 */
export function describeFailure(result: TestResult, meta: CaseMeta | undefined, message: string | undefined): void {
  result.statusDetails = { ...(message === undefined ? {} : { message }) };
  if (meta?.failure) Object.assign(result.statusDetails, { expected: meta.failure.expected, actual: meta.failure.actual });
  if (meta?.outcome === 'failed' || meta?.outcome === 'expected-failure') markFailedExchange(result, meta);
  dropTraces(result.steps);
}
