// How failures are sorted in the Allure report, checked with Allure 3's own category matcher, and how
// attached bodies are masked.
import { matchCategory, normalizeCategoriesConfig, type CategoryRule } from '@allurereport/core-api';
import { describe, expect, test } from 'vitest';
import { ALLURE_CATEGORIES, failureKind } from '../../helpers/reporting/allure-categories.js';
import { maskSecretFields } from '../../helpers/reporting/allure-masking.js';

const TRACES = {
  nonconformance: 'ConformanceFailure: SNP-TOKEN-SINGLE-USE (MUST): …\nExpected: E003\nActual: 200 {"success":true}\n    at expectOutcome (helpers/expect-outcome.ts:21:9)',
  hook: 'StateHookError: state hook answered 400 to setup "pending reset request"\n    at call (helpers/state-hook-client.ts:60:11)',
  unreachable: 'TargetUnreachableError: POST /api/v1/customer/set-new-password: no answer (ECONNREFUSED)\n    at unreachable (helpers/target-errors.ts:10:10)',
  suite: "TypeError: Cannot read properties of undefined (reading 'token')\n    at specs/success/success.spec.ts:12:3",
};

describe('failure categories', () => {
  // The same rules allurerc.mjs hands to Allure 3 (read back from categories.json).
  const categories = normalizeCategoriesConfig(ALLURE_CATEGORIES as CategoryRule[]);
  const category = (status: 'failed' | 'broken', trace: string) =>
    matchCategory(categories, { status, labels: [], message: trace.split('\n')[0], trace, flaky: false })?.name;

  test.each([
    ['nonconformance', 'failed', 'Target does not conform'],
    ['hook', 'broken', 'Target unreachable or state hook failed'],
    ['unreachable', 'broken', 'Target unreachable or state hook failed'],
    ['suite', 'broken', 'Suite error'],
  ] as const)('%s (%s) is "%s"', (kind, status, name) => {
    expect(category(status, TRACES[kind])).toBe(name);
  });

  test('only a ConformanceFailure counts as the target not conforming (status failed, not broken)', () => {
    expect(Object.values(TRACES).map(failureKind)).toEqual(['nonconformance', 'unreachable', 'unreachable', 'suite-error']);
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
