// How cases are sorted in the Allure report: the status comes from the case's outcome (data), and the
// categories, checked with Allure 3's own matcher, group by the outcome's message prefix. Also how
// attached bodies are masked, how a failed case's error and steps are written, and that links are absolute.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchCategory, normalizeCategoriesConfig, type CategoryRule } from '@allurereport/core-api';
import { Stage, Status, type StepResult, type TestResult } from 'allure-js-commons';
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import type { CaseMeta } from '../../helpers/checks/case-outcome.js';
import { describeFailure } from '../../helpers/reporting/allure-failure.js';
import { absoluteUrl } from '../../helpers/reporting/allure-test-metadata.js';
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

describe('a failed case in Allure (issue 10)', () => {
  const failure = { requirementId: 'SNP-SUCCESS-RESPONSE', expected: '200 {"success": true}', actual: '500 {}', why: 'status 500, not 200', curl: 'curl …' };
  const meta: CaseMeta = { outcome: 'failed', reason: failure.why, failure, setups: [], serverErrors: [], retries: 0, scope: null, failedExchange: 2 };
  const trace = 'Error: x\n    at expectOutcome (/pkg/helpers/checks/expect-outcome.ts:47:9)';
  const exchangeStep = (n: number): StepResult => ({
    name: `POST /api/v1/customer/set-new-password → 200 (${n})`, status: Status.PASSED, statusDetails: {}, stage: Stage.FINISHED, attachments: [], steps: [],
    parameters: [{ name: 'exchange', value: String(n), mode: 'hidden' }],
  });
  const result = (): TestResult => ({
    uuid: 'u', name: 'n', status: Status.FAILED, stage: Stage.FINISHED, labels: [], links: [], attachments: [], parameters: [],
    statusDetails: { message: 'm', trace },
    // allure-vitest writes an attachment as a step without status or parameters.
    steps: [{ name: 'profile bizkithub', attachments: [] } as unknown as StepResult, exchangeStep(1), { ...exchangeStep(2), statusDetails: { trace } }],
  });

  test('the step of the exchange whose check failed is failed, with the reason; the others stay passed', () => {
    const written = result();
    describeFailure(written, meta, 'Non-conformant: m');
    expect(written.steps.map((s) => s.status)).toEqual([undefined, Status.PASSED, Status.FAILED]);
    expect(written.steps[2]?.statusDetails).toEqual({ message: 'status 500, not 200' });
  });

  test('the error is the message with expected and actual as fields, and no stack trace anywhere', () => {
    const written = result();
    describeFailure(written, meta, 'Non-conformant: m');
    expect(written.statusDetails).toEqual({ message: 'Non-conformant: m', expected: failure.expected, actual: failure.actual });
    expect(JSON.stringify(written)).not.toContain('expect-outcome.ts');
  });

  test('a failure about state (no exchange) marks no step', () => {
    const written = result();
    describeFailure(written, { ...meta, failedExchange: null }, 'Non-conformant: m');
    expect(written.steps.map((s) => s.status)).toEqual([undefined, Status.PASSED, Status.PASSED]);
  });

  test('source links are absolute: web addresses as they are, the suite\'s docs as file:// URLs of files that exist', () => {
    expect(absoluteUrl('https://docs.bizkithub.com/errors')).toBe('https://docs.bizkithub.com/errors');
    const local = absoluteUrl('docs/profile.md');
    expect(local).toMatch(/^file:\/\/\/.*\/docs\/profile\.md$/);
    expect(existsSync(fileURLToPath(local))).toBe(true);
    for (const r of REQUIREMENTS) expect(absoluteUrl(r.source.url)).toMatch(/^(https|file):\/\//);
  });
});
