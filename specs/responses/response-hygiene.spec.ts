// Every kind of response, success and each error, is JSON, echoes no secret, leaks no internals and is
// not cacheable. One request per kind (helpers/checks/provocations.ts), judged per requirement. An HTML page a
// gateway gives before the application runs (wrong method, oversized body) and version banners are judged
// at SHOULD level only (suite contract).
import { RESPONSE_KINDS } from '../../helpers/checks/provocations.js';
import { applicationCookies, findEcho, findInternals, findVersionBanner, hasNoStore, isHtmlPage, isJsonContentType } from '../../helpers/checks/response-hygiene.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { success } from '../../helpers/checks/outcomes.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

function expectJson(exchange: Exchange): void {
  check.fact(isJsonContentType(exchange), 'a JSON Content-Type', String(exchange.headers['content-type'] ?? 'no Content-Type'), exchange);
  check.fact(exchange.json !== undefined, 'a JSON body', exchange.text.slice(0, 200) || '(empty body)', exchange);
}

for (const kind of RESPONSE_KINDS) {
  const options = { needsState: kind.needsState };

  const json = requirement('SNP-RESPONSE-JSON');
  json.test(`the ${kind.label} response is JSON${kind.gatewayKind ? ' (unless it is a gateway\'s HTML page)' : ''}`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    if (kind.gatewayKind && isHtmlPage(exchange)) return; // SNP-GATEWAY-RESPONSE-JSON judges it
    expectJson(exchange);
  }, options);

  if (kind.gatewayKind) {
    const gateway = requirement('SNP-GATEWAY-RESPONSE-JSON');
    gateway.test(`the ${kind.label} response is JSON, even when a gateway gives it`, async ({ rand, state }) => {
      expectJson((await kind.provoke(rand, state)).exchange);
    }, options);
  }

  const echo = requirement('SNP-NO-SECRET-ECHO');
  echo.test(`the ${kind.label} response echoes no password, token or key`, async ({ rand, state }) => {
    const { exchange, secrets } = await kind.provoke(rand, state);
    const found = findEcho(exchange, secrets);
    check.fact(found === null, 'no submitted secret in body or headers', found ?? '', exchange);
  }, options);

  const internals = requirement('SNP-NO-STACK-TRACE');
  internals.test(`the ${kind.label} response leaks no stack trace or internals`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    const found = findInternals(exchange);
    check.fact(found === null, 'no stack trace, path, SQL text or framework name', found ?? '', exchange);
  }, options);

  const banner = requirement('SNP-NO-VERSION-BANNER');
  banner.test(`the ${kind.label} response names no software version`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    const found = findVersionBanner(exchange);
    check.fact(found === null, 'no X-Powered-By, no version in Server or in the body', found ?? '', exchange);
  }, options);

  const noStore = requirement('SNP-CACHE-NO-STORE');
  noStore.test(`the ${kind.label} response carries Cache-Control: no-store`, async ({ rand, state }) => {
    const { exchange } = await kind.provoke(rand, state);
    check.fact(hasNoStore(exchange), 'Cache-Control: no-store', `Cache-Control: ${String(exchange.headers['cache-control'] ?? '(none)')}`, exchange);
  }, options);
}

// Whatever the client accepts, the application answers JSON: curl and fetch send Accept: */*, and a browser
// puts text/html first (a framework that negotiates its error pages would answer them HTML).
const jsonForAnyAccept = requirement('SNP-RESPONSE-JSON');
jsonForAnyAccept.each([
  { label: 'Accept: */*', accept: '*/*' },
  { label: "a browser's Accept (text/html first)", accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
])('an E003 and a key error are JSON for a client sending $label', async ({ accept }, { rand }) => {
  const headers = { Accept: accept };
  expectJson(await submit({ token: randomToken(rand), password: randomPassword(rand) }, { headers }));
  expectJson(await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement: 'none', headers }));
});

const TOKEN_LIKE_FIELD = /token|session|jwt|access|refresh|auth/i;
const noSession = requirement('SNP-NO-SESSION-ON-SUCCESS');
noSession.test('a success sets no cookie and returns no session or access token', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  const exchange = await submit({ token, password: randomPassword(rand) });
  check.outcome(exchange, success());
  const cookies = applicationCookies(exchange);
  check.fact(cookies.length === 0, 'no Set-Cookie header (a CDN\'s own cookie aside)', `Set-Cookie: ${cookies.join(' | ')}`, exchange);
  const keys = JSON.stringify(exchange.json).match(/"([^"]+)":/g) ?? [];
  const tokenLike = keys.filter((key) => TOKEN_LIKE_FIELD.test(key));
  check.fact(tokenLike.length === 0, 'no token-like field in the body', `fields ${tokenLike.join(', ')}`, exchange);
});
