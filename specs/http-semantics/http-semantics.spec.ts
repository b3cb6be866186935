// RFC 9110: 405 with Allow for other methods; 415 for content that is not JSON (best practice).
import { send } from '../../helpers/http/endpoint-client.js';
import { businessCode, platformError, success } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const methods = requirement('SNP-METHOD-NOT-ALLOWED');
methods.each([
  ...['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD'].map((method) => ({ label: method, method, withKey: true })),
  { label: 'GET without any query string', method: 'GET', withKey: false },
])(
  '$label answers 405 with Allow: POST',
  async ({ method, withKey }, { rand }) => {
    const fields = JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) });
    const withBody = method !== 'GET' && method !== 'HEAD';
    const exchange = await send({
      method,
      query: withKey ? { apiKey: runContext().apiKey } : {},
      contentType: withBody ? 'application/json' : null,
      ...(withBody ? { body: fields } : {}),
    });
    const allow = String(exchange.headers.allow ?? '');
    check.fact(exchange.status === 405, 'status 405', `status ${exchange.status}`, exchange);
    check.fact(/\bPOST\b/.test(allow), 'an Allow header listing POST', allow ? `Allow: ${allow}` : 'no Allow header', exchange);
    if (method !== 'HEAD') check.outcome(exchange, platformError({ statuses: [405] }));
  },
);

const contentType = requirement('SNP-CONTENT-TYPE');
/** profile contentType "lenient": a JSON body declared with another type may be processed. */
const lenient = runContext().profile.contentType === 'lenient';
contentType.each([
  { label: 'no Content-Type', contentType: null },
  { label: 'text/plain', contentType: 'text/plain' },
  { label: 'application/x-www-form-urlencoded', contentType: 'application/x-www-form-urlencoded' },
  { label: 'multipart/form-data', contentType: 'multipart/form-data; boundary=x' },
  { label: 'application/xml', contentType: 'application/xml' },
  { label: 'application/json; charset=utf-16', contentType: 'application/json; charset=utf-16' },
  // Not JSON, though the text contains it (a substring test); text/plain is sent cross-site without a preflight.
  { label: 'text/plain; application/json', contentType: 'text/plain; application/json' },
  { label: 'application/jsonx', contentType: 'application/jsonx' },
])(`a JSON body declared as $label is refused with 415 or 400${lenient ? ' (or, as the profile allows, processed: E003)' : ''}`, async ({ contentType: type }, { rand }) => {
  const body = JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) });
  const exchange = await send({ query: { apiKey: runContext().apiKey }, contentType: type, body });
  const refused = platformError({ statuses: [415, 400] });
  check.outcome(exchange, ...(lenient ? [refused, businessCode('E003')] : [refused]));
});
// RFC 9110 §8.3: the media type and the charset value are case-insensitive, parameter values may be
// quoted, whitespace may surround the semicolon, and parameters other than charset are allowed.
contentType.each([
  { label: 'application/json; charset=utf-8', contentType: 'application/json; charset=utf-8' },
  { label: 'Application/JSON', contentType: 'Application/JSON' },
  { label: 'application/json; charset="UTF-8"', contentType: 'application/json; charset="UTF-8"' },
  { label: 'application/json ; charset=utf-8', contentType: 'application/json ; charset=utf-8' },
  { label: 'application/json; version=1', contentType: 'application/json; version=1' },
])('a JSON body declared as $label is processed normally (E003 for a never-issued token)', async ({ contentType: type }, { rand }) => {
  const body = JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) });
  const exchange = await send({ query: { apiKey: runContext().apiKey }, contentType: type, body });
  check.outcome(exchange, businessCode('E003'));
});
// A real form body (what a plain cross-site HTML form sends) never performs a reset, whatever the profile:
// a lenient content type lets a JSON body through, not a form.
contentType.test('a real form-encoded body with a pending token is refused, and the token still works', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  const form = new URLSearchParams({ token, password: randomPassword(rand) }).toString();
  const exchange = await send({ query: { apiKey: runContext().apiKey }, contentType: 'application/x-www-form-urlencoded', body: form });
  check.fact(success().mismatch(exchange) !== null, 'no success: a form body is not the JSON the endpoint takes', 'a success', exchange);
  check.outcome(exchange, platformError({ statuses: [415, 400] }));
  check.outcome(await send({ query: { apiKey: runContext().apiKey }, body: JSON.stringify({ token, password: randomPassword(rand) }) }), success());
}, { needsState: true });
