// How cases are sorted in the Allure report: the status comes from the case's outcome (data), and the
// categories, checked with Allure 3's own matcher, group by the outcome's message prefix. Also how
// attached bodies are masked.
import { matchCategory, normalizeCategoriesConfig, type CategoryRule } from '@allurereport/core-api';
import { describe, expect, test } from 'vitest';
import { ALLURE_CATEGORIES, OUTCOME_PREFIX, OUTCOME_STATUS } from '../../helpers/reporting/allure-categories.js';
import { maskSecretFields } from '../../helpers/reporting/allure-masking.js';

describe('failure categories', () => {
  // The same rules allurerc.mjs hands to Allure 3 (read back from categories.json).
  const categories = normalizeCategoriesConfig(ALLURE_CATEGORIES as CategoryRule[]);
  const category = (outcome: keyof typeof OUTCOME_PREFIX) => {
    const message = `${OUTCOME_PREFIX[outcome]} something`;
    return matchCategory(categories, { status: OUTCOME_STATUS[outcome], labels: [], message, trace: message, flaky: false })?.name;
  };

  test.each([
    ['failed', 'failed', 'Target does not conform'],
    ['not-verified', 'broken', 'Not verified (target unreachable, rate limited, state hook refused, out of time)'],
    ['suite-error', 'broken', 'Suite error'],
    ['expected-failure', 'skipped', 'Known deviations (expectations file)'],
  ] as const)('%s is %s, in "%s"', (outcome, status, name) => {
    expect(OUTCOME_STATUS[outcome]).toBe(status);
    expect(category(outcome)).toBe(name);
  });
});

test('token, password and apiKey fields are masked at any depth and length; other fields stay', () => {
  const body = { token: 'abc', password: '1', nested: [{ apiKey: 'DEV_x' }], customerRealIp: '::1', empty: { token: '' }, count: 3 };
  expect(maskSecretFields(body)).toEqual({
    token: '[REDACTED token]',
    password: '[REDACTED password]',
    nested: [{ apiKey: '[REDACTED apiKey]' }],
    customerRealIp: '::1',
    empty: { token: '' },
    count: 3,
  });
});
