// Every kind of response, success and each error, is JSON, echoes no secret, leaks no internals and is
// not cacheable. One request per kind (helpers/provocations.ts), judged per requirement.
import { expectFact, expectOutcome } from '../../helpers/expect-outcome.js';
import { RESPONSE_KINDS } from '../../helpers/provocations.js';
import { findEcho, findInternals, hasNoStore, isJsonContentType } from '../../helpers/response-hygiene.js';
import { success } from '../../helpers/outcomes.js';
import { submit } from '../../helpers/endpoint-client.js';
import { randomPassword } from '../../helpers/random.js';
import { requirement } from '../../helpers/requirement-test.js';

for (const kind of RESPONSE_KINDS) {
  const options = { needsState: kind.needsState };

  const json = requirement('SNP-RESPONSE-JSON');
  json.test(`the ${kind.label} response is JSON`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    expectFact(json.id, isJsonContentType(exchange), 'a JSON Content-Type', String(exchange.headers['content-type'] ?? 'no Content-Type'), exchange);
    expectFact(json.id, exchange.json !== undefined, 'a JSON body', exchange.text.slice(0, 200) || '(empty body)', exchange);
  }, options);

  const echo = requirement('SNP-NO-SECRET-ECHO');
  echo.test(`the ${kind.label} response echoes no password, token or key`, async ({ rand, state }) => {
    const { exchange, secrets } = await kind.provoke(rand, state);
    const found = findEcho(exchange, secrets);
    expectFact(echo.id, found === null, 'no submitted secret in body or headers', found ?? '', exchange);
  }, options);

  const internals = requirement('SNP-NO-STACK-TRACE');
  internals.test(`the ${kind.label} response leaks no stack trace or internals`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    const found = findInternals(exchange);
    expectFact(internals.id, found === null, 'no stack trace, path, SQL text or framework name', found ?? '', exchange);
  }, options);

  const noStore = requirement('SNP-CACHE-NO-STORE');
  noStore.test(`the ${kind.label} response carries Cache-Control: no-store`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    expectFact(noStore.id, hasNoStore(exchange), 'Cache-Control: no-store', `Cache-Control: ${String(exchange.headers['cache-control'] ?? '(none)')}`, exchange);
  }, options);
}

const TOKEN_LIKE_FIELD = /token|session|jwt|access|refresh|auth/i;
const noSession = requirement('SNP-NO-SESSION-ON-SUCCESS');
noSession.test('a success sets no cookie and returns no session or access token', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  const exchange = await submit({ token, password: randomPassword(rand) });
  expectOutcome(noSession.id, exchange, success());
  expectFact(noSession.id, exchange.headers['set-cookie'] === undefined, 'no Set-Cookie header', 'a Set-Cookie header', exchange);
  const keys = JSON.stringify(exchange.json).match(/"([^"]+)":/g) ?? [];
  const tokenLike = keys.filter((key) => TOKEN_LIKE_FIELD.test(key));
  expectFact(noSession.id, tokenLike.length === 0, 'no token-like field in the body', `fields ${tokenLike.join(', ')}`, exchange);
});
