// How Allure sorts a failed test: the target does not conform, the target or its state hook could not be
// reached or set up, or the suite itself broke. The rules go to allure-results/categories.json in the
// Allure 2 format, which Allure 3 also accepts: allurerc.mjs passes that file on, so there is one definition.
import { Status } from 'allure-js-commons';
import type { Category } from 'allure-js-commons/sdk';

export type FailureKind = 'nonconformance' | 'unreachable' | 'suite-error';

/** Error names and messages of a target that did not answer or a state hook that could not set up a state. */
const UNREACHABLE = /TargetUnreachableError|StateHookError|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up|Timeout of \d+ms exceeded|Test timed out/;

export function failureKind(trace: string): FailureKind {
  if (/^ConformanceFailure:/.test(trace)) return 'nonconformance';
  if (UNREACHABLE.test(trace)) return 'unreachable';
  return 'suite-error';
}

// `[\s\S]*` on both ends: Allure 2 matches the whole trace, Allure 3 searches it; both accept this form.
export const ALLURE_CATEGORIES: Category[] = [
  {
    name: 'Target does not conform',
    description: 'A requirement check failed: the answer differs from every acceptable outcome (ConformanceFailure).',
    matchedStatuses: [Status.FAILED],
    traceRegex: '^ConformanceFailure:[\\s\\S]*',
  },
  {
    name: 'Target unreachable or state hook failed',
    description: 'The target did not answer, or its state hook could not set up a state: the case was not verified.',
    matchedStatuses: [Status.BROKEN, Status.FAILED],
    traceRegex: `[\\s\\S]*(${UNREACHABLE.source})[\\s\\S]*`,
  },
  {
    name: 'Suite error',
    description: 'The suite itself failed (a bug in a spec or helper): the verdict cannot be trusted.',
    matchedStatuses: [Status.BROKEN, Status.FAILED],
  },
];
