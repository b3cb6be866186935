// How Allure sorts a case that did not pass, from the outcome the case carries (helpers/checks/case-outcome.ts):
// the target does not conform (failed), could not be judged (broken), the suite itself broke (broken), or a
// known deviation (skipped, marked known). The status is set from data; the categories below only group
// results by the message prefix the reporter writes. They go to allure-results/categories.json in the Allure 2
// format, which Allure 3 also accepts: allurerc.mjs passes that file on, so there is one definition.
import { Status } from 'allure-js-commons';
import type { Category } from 'allure-js-commons/sdk';
import type { CaseOutcome } from '../checks/case-outcome.js';

export const OUTCOME_PREFIX: Record<Exclude<CaseOutcome, 'passed'>, string> = {
  failed: 'Non-conformant:',
  'not-verified': 'Not verified:',
  'suite-error': 'Suite error:',
  'expected-failure': 'Known deviation:',
  'not-run': 'Not run:',
};

export const OUTCOME_STATUS: Record<CaseOutcome, Status> = {
  passed: Status.PASSED,
  failed: Status.FAILED,
  'not-verified': Status.BROKEN,
  'suite-error': Status.BROKEN,
  'expected-failure': Status.SKIPPED,
  'not-run': Status.SKIPPED,
};

// `[\s\S]*` at the end: Allure 2 matches the whole message, Allure 3 searches it; both accept this form.
const byPrefix = (outcome: keyof typeof OUTCOME_PREFIX): string => `^${OUTCOME_PREFIX[outcome]}[\\s\\S]*`;

export const ALLURE_CATEGORIES: Category[] = [
  {
    name: 'Target does not conform',
    description: 'A requirement check failed: the answer differs from every acceptable outcome.',
    matchedStatuses: [Status.FAILED],
    messageRegex: byPrefix('failed'),
  },
  {
    name: 'Not verified (target unreachable, rate limited, state hook refused, out of time)',
    description: 'The case could not be judged: no verdict on the target.',
    matchedStatuses: [Status.BROKEN],
    messageRegex: byPrefix('not-verified'),
  },
  {
    name: 'Suite error',
    description: 'The suite itself failed (a bug in a spec or helper): the verdict cannot be trusted. Please report it.',
    matchedStatuses: [Status.BROKEN, Status.FAILED],
    messageRegex: byPrefix('suite-error'),
  },
  {
    name: 'Known deviations (expectations file)',
    description: "Failed as the target's expectations file says: does not fail the run.",
    matchedStatuses: [Status.SKIPPED],
    messageRegex: byPrefix('expected-failure'),
  },
];
