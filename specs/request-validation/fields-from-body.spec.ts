// Endpoint page: token, password and customerRealIp are body parameters (only apiKey is a query
// parameter). The same names in the query string are never read: a framework helper that merges "all
// input" lets a URL (logged, cached, sent in Referer) carry a reset.
import { send, submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, rejected, success, validationError } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const bodyOnly = requirement('SNP-FIELDS-FROM-BODY-ONLY');
bodyOnly.test('a real token in the query does not replace the body\'s unknown token: E003, and the real token still works', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
  const exchange = await send({
    query: { apiKey: runContext().apiKey, token },
    body: JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) }),
  });
  check.outcome(exchange, businessCode('E003'), rejected());
  await check.password(state, customerId).is(current, 'the password from before');
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
bodyOnly.test('a password in the query does not complete a body without one: the validation error, and the token still works', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
  const exchange = await send({ query: { apiKey: runContext().apiKey, password: randomPassword(rand) }, body: JSON.stringify({ token }) });
  check.outcome(exchange, validationError());
  await check.password(state, customerId).is(current, 'the password from before');
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
bodyOnly.test('a customerRealIp in the query is not recorded', async ({ rand, state }) => {
  const queryIp = '203.0.113.91';
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const exchange = await send({ query: { apiKey: runContext().apiKey, customerRealIp: queryIp }, body: JSON.stringify({ token, password: chosen }) });
  check.outcome(exchange, success(), rejected());
  if (success().mismatch(exchange) !== null) return;
  const recorded = await state.lastRealIp(customerId, chosen);
  check.fact(recorded !== queryIp, `lastRealIp other than the query's ${queryIp}`, `lastRealIp ${JSON.stringify(recorded)}`, exchange);
});
