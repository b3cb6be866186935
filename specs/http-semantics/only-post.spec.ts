// Endpoint page: one method, POST. Another method never performs a reset, whatever method-override
// header or parameter it carries (X-HTTP-Method-Override, _method). That no method echoes the request is
// SNP-NO-SECRET-ECHO's (specs/responses/method-echo.spec.ts).
import { send, submit } from '../../helpers/http/endpoint-client.js';
import { success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

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
  check.fact(success().mismatch(exchange) !== null, `no success for ${method}`, 'a success', exchange);
  await check.password(state, customerId).is(current, 'the password from before');
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
