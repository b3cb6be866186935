// Endpoint page: one method, POST. Another method never performs a reset, whatever method-override
// header or parameter it carries (X-HTTP-Method-Override, _method), and no method echoes the request.
import { send, submit } from '../../helpers/http/endpoint-client.js';
import { expectFact, expectOutcome } from '../../helpers/checks/expect-outcome.js';
import { expectCurrentPassword } from '../../helpers/checks/expect-state.js';
import { success } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { registerSecret } from '../../helpers/run/redaction.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { findEcho } from '../../helpers/checks/response-hygiene.js';
import { runContext } from '../../helpers/run/run-context.js';

interface OverrideCase {
  label: string;
  method: string;
  header: boolean;
  param: boolean;
}

const OVERRIDES: OverrideCase[] = [
  ...['GET', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ label: `${method} with X-HTTP-Method-Override: POST`, method, header: true, param: false })),
  ...['GET', 'PUT'].map((method) => ({ label: `${method} with ?_method=POST`, method, header: false, param: true })),
];

const onlyPost = requirement('SNP-ONLY-POST-RESETS');
onlyPost.each(OVERRIDES)('$label carrying a pending token does not reset, and the token still works', async ({ method, header, param }, { rand, state }) => {
  const current = randomPassword(rand);
  const password = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
  const query: Record<string, string> = { apiKey: runContext().apiKey, token, password };
  if (param) query._method = 'POST';
  const exchange = await send({
    method,
    query,
    headers: header ? { 'X-HTTP-Method-Override': 'POST' } : {},
    body: JSON.stringify({ token, password }),
  });
  expectFact(onlyPost.id, success().mismatch(exchange) !== null, `no success for ${method}`, 'a success', exchange);
  await expectCurrentPassword(onlyPost.id, state, customerId, current, true, 'the password from before');
  expectOutcome(onlyPost.id, await submit({ token, password: randomPassword(rand) }), success());
});

// No method reflects the request: a TRACE (or any other method) answered with the request echoed back
// hands the Authorization header to whatever script can send it (cross-site tracing).
const echo = requirement('SNP-NO-SECRET-ECHO');
echo.each(['TRACE', 'OPTIONS', 'GET', 'PUT', 'DELETE'].map((method) => ({ label: method, method })))(
  '$label with the key as Authorization: Bearer echoes neither the key nor the token',
  async ({ method }, { rand }) => {
    const { apiKey } = runContext();
    const token = randomToken(rand);
    registerSecret(token, 'token');
    const exchange = await send({ method, headers: { Authorization: `Bearer ${apiKey}`, 'X-Reset-Token': token }, contentType: null });
    const found = findEcho(exchange, [apiKey, token]);
    expectFact(echo.id, found === null, 'no request header echoed in body or headers', found ?? '', exchange);
  },
);
