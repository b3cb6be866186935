// Endpoint page, E003: any string other than the issued token names no reset request. A pattern, wildcard,
// tautology, operator object or non-string as token must not match a real request (SQL LIKE, NoSQL
// operator injection, a lookup by undefined). Full mode only: each test first holds a pending request of
// its own (the canary), sends the probe, and then checks the canary is untouched.
import { PATTERN_TOKENS } from '../../fixtures/cases/hostile-tokens.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, rejected, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { registerSecret } from '../../helpers/run/redaction.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

const noPattern = requirement('SNP-TOKEN-NO-PATTERN-MATCH');
noPattern.each(PATTERN_TOKENS)('token $label matches no request: E003 or a rejection, and the canary request is untouched', async ({ fields }, { rand, state }) => {
  const canaryPassword = randomPassword(rand);
  const canary = await state.pendingRequest({ passwordHistory: [canaryPassword] });
  const probe = fields(canary.token);
  // A pattern built from the canary holds most of a live token: never printed.
  if (typeof probe.token === 'string') registerSecret(probe.token, 'token');
  const exchange = await submit({ ...probe, password: randomPassword(rand) });
  check.fact(success().mismatch(exchange) !== null, 'no success: the token names no request', 'a success', exchange);
  check.outcome(exchange, businessCode('E003'), rejected());
  await check.password(state, canary.customerId).is(canaryPassword, "the canary customer's password");
  check.outcome(await submit({ token: canary.token, password: randomPassword(rand) }), success());
});
