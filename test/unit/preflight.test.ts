// What the preflight calls a setup problem (NOT JUDGED before any test) and what it leaves to the suite to
// judge: an HTML page is a website or a gateway; an empty or non-JSON answer of the API is a defect to judge.
import { expect, test } from 'vitest';
import { setupProblem, type Probe } from '../../helpers/runner/preflight.js';

const probe = (status: number, contentType: string | null, json: unknown): Probe => ({
  status,
  headers: new Headers(contentType ? { 'content-type': contentType } : {}),
  json,
  answerMs: 1,
});
const WHERE = 'POST http://127.0.0.1:1/api/v1/customer/set-new-password';

test.each([
  ['E003 in the customer envelope', probe(200, 'application/json', { success: false, errorCode: 'E003' }), null],
  ['E003 as 404 with the business body (a profile may say so)', probe(404, 'application/json', { success: false, errorCode: 'E003' }), null],
  ['an empty 200 (the API answers, wrongly: judged by the suite)', probe(200, null, undefined), null],
  ['a text/plain 400', probe(400, 'text/plain', undefined), null],
  ['a 500 (judged by the suite)', probe(500, 'text/html', undefined), null],
  ['an HTML page', probe(200, 'text/html; charset=utf-8', undefined), /not JSON: is CONFORMANCE_BASE_URL the API/],
  ['a refused key', probe(404, 'application/json', { error: { code: 'PUBLIC_API_KEY_DOES_NOT_EXIST' } }), /the API key is refused: PUBLIC_API_KEY_DOES_NOT_EXIST/],
  ['a 404 of another route', probe(404, 'application/json', { error: { code: 'INTERNAL_NOT_FOUND' } }), /no such endpoint there/],
  ['a redirect', probe(301, null, undefined), /redirects/],
  ['a gateway 502', probe(502, 'text/html', undefined), /unavailable/],
] as const)('%s', (_label, answer, expected) => {
  const problem = setupProblem(answer, WHERE);
  if (expected === null) expect(problem).toBeNull();
  else expect(problem).toMatch(expected);
});
