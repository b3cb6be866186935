// Platform docs, API key: accepted in the query, the JSON body or a Bearer header; checked before the
// handler in the order presence, format, registry; errors are 404 in the platform envelope.
import { malformedKeys, SAMPLE_KEY, unknownKeys } from '../../fixtures/cases/api-keys.js';
import { ENDPOINT_PATH } from '../../helpers/http/endpoint-path.js';
import { send, submit, type KeyPlacement } from '../../helpers/http/endpoint-client.js';
import { businessCode, keyError, success, validationError } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken, seededFaker } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

// Case tables are generated once per run from the run seed, so their labels (and test names) are stable.
const tableFaker = seededFaker(runContext().seed, 'api-key tables');
const PLACEMENTS: { label: string; placement: Exclude<KeyPlacement, 'none'> }[] = [
  { label: 'the apiKey query parameter', placement: 'query' },
  { label: 'the apiKey body field', placement: 'body' },
  { label: 'an Authorization: Bearer header', placement: 'bearer' },
];

const missing = requirement('SNP-KEY-MISSING');
missing.test('a request without any key answers 404 PUBLIC_API_KEY_IS_EMPTY', async ({ rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement: 'none' });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_EMPTY', 'PUBLIC_API_KEY_DOES_NOT_EXIST'));
});
missing.each(PLACEMENTS.filter((p) => p.placement !== 'bearer'))('an empty key in $label answers 404 PUBLIC_API_KEY_IS_EMPTY', async ({ placement }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement, apiKey: '' });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_EMPTY'));
});
// An Authorization header that carries no Bearer key is no key at all (the key travels as "Bearer <key>").
missing.each([
  { label: 'Authorization: Bearer with nothing after it', authorization: 'Bearer ' },
  { label: 'Authorization: Basic (another scheme)', authorization: `Basic ${Buffer.from('user:secret-pass').toString('base64')}` },
])('$label and no other key answers 404 PUBLIC_API_KEY_IS_EMPTY', async ({ authorization }, { rand }) => {
  const body = JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) });
  const exchange = await send({ headers: { Authorization: authorization }, body });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_EMPTY', 'PUBLIC_API_KEY_DOES_NOT_EXIST'));
});

const format = requirement('SNP-KEY-FORMAT');
format.each(malformedKeys(tableFaker))('a key with $label answers 404 PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT', async ({ apiKey }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'));
});
format.each(PLACEMENTS.filter((p) => p.placement !== 'query'))('a malformed key in $label is refused the same way', async ({ placement }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement, apiKey: `TEST${rand.string.alphanumeric(28)}` });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'));
});

const sample = requirement('SNP-KEY-SAMPLE');
const { sampleKeyCode, keyBeforeUnparsableBody } = runContext().profile;
sample.each([
  { label: 'in the query', placement: 'query' as const },
  { label: 'in the JSON body', placement: 'body' as const },
  { label: 'as Authorization: Bearer', placement: 'bearer' as const },
])(`${SAMPLE_KEY.label} $label answers 404 ${sampleKeyCode}`, async ({ placement }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey: SAMPLE_KEY.apiKey, placement });
  check.outcome(exchange, keyError(sampleKeyCode));
});

const unknown = requirement('SNP-KEY-UNKNOWN');
unknown.each(unknownKeys(tableFaker))('a well-formed key that does not exist ($label) answers 404 PUBLIC_API_KEY_DOES_NOT_EXIST', async ({ apiKey }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_DOES_NOT_EXIST'));
});
// From every place a key is read (a bearer-token middleware may refuse an unknown key with its own 401).
unknown.each(PLACEMENTS)('a well-formed key that does not exist, in $label, answers 404 PUBLIC_API_KEY_DOES_NOT_EXIST', async ({ placement }, { rand }) => {
  const [unknownKey] = unknownKeys(rand);
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey: unknownKey?.apiKey, placement });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_DOES_NOT_EXIST'));
});

// The key check runs before the handler on every route to it: a router that also serves another spelling
// of the path, while the key hook compares the path exactly, lets a keyless request through.
const pathBypass = requirement('SNP-KEY-NO-PATH-BYPASS');
const [PATH_PREFIX, PATH_LAST] = [ENDPOINT_PATH.slice(0, ENDPOINT_PATH.lastIndexOf('/')), ENDPOINT_PATH.slice(ENDPOINT_PATH.lastIndexOf('/') + 1)];
pathBypass.each([
  { label: 'with a trailing slash', path: `${ENDPOINT_PATH}/` },
  { label: 'with a doubled slash', path: `${PATH_PREFIX}//${PATH_LAST}` },
  { label: 'in upper case', path: `${PATH_PREFIX}/${PATH_LAST.toUpperCase()}` },
  { label: 'with a path parameter', path: `${ENDPOINT_PATH};x=1` },
  { label: 'with a percent-encoded dash', path: `${PATH_PREFIX}/${PATH_LAST.replaceAll('-', '%2D')}` },
])('a keyless request to the path $label is never answered by the endpoint', async ({ path }, { rand }) => {
  const exchange = await send({ path, body: JSON.stringify({ token: randomToken(rand), password: randomPassword(rand) }) });
  const answered = [success(), ...(['E001', 'E002', 'E003', 'E004'] as const).map((code) => businessCode(code))].find((outcome) => outcome.mismatch(exchange) === null);
  check.fact(answered === undefined, "not the endpoint's answer (no success, no business error)", answered?.label ?? '', exchange);
});

const locations = requirement('SNP-KEY-LOCATIONS');
locations.each(PLACEMENTS)('a valid key in $label is accepted (the request reaches the token check: E003)', async ({ placement }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement });
  check.outcome(exchange, businessCode('E003'));
});
locations.each(PLACEMENTS, { needsState: true })('a valid key in $label completes a reset', async ({ placement }, { rand, state }) => {
  const { token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: randomPassword(rand) }, { placement }), success());
});
// A query string without apiKey (a client's own parameters) does not hide a key sent elsewhere.
locations.each([
  { label: 'an Authorization: Bearer header', placement: 'bearer' as const },
  { label: 'the apiKey body field', placement: 'body' as const },
])('a valid key in $label is accepted when the query string carries other parameters', async ({ placement }, { rand }) => {
  const { apiKey } = runContext();
  const fields = { token: randomToken(rand), password: randomPassword(rand) };
  const exchange = await send({
    query: { lang: 'en' },
    headers: placement === 'bearer' ? { Authorization: `Bearer ${apiKey}` } : {},
    body: JSON.stringify(placement === 'body' ? { ...fields, apiKey } : fields),
  });
  check.outcome(exchange, businessCode('E003'));
});

const BAD_KEYS = [
  { label: 'no key', query: {} as Record<string, string>, outcome: () => keyError('PUBLIC_API_KEY_IS_EMPTY', 'PUBLIC_API_KEY_DOES_NOT_EXIST') },
  { label: 'a malformed key', query: { apiKey: `DEV-${tableFaker.string.alphanumeric(28)}` }, outcome: () => keyError('PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT') },
  { label: 'an unknown key', query: { apiKey: `ROOT${tableFaker.string.alphanumeric(28)}` }, outcome: () => keyError('PUBLIC_API_KEY_DOES_NOT_EXIST') },
];
// Safe mode: every body carries a random never-issued token, so even a target that ignored the key and
// had a lookup bug could match nothing with it.
const badBodyToken = () => tableFaker.string.alphanumeric(32);
/** `unparsable`: not JSON at all; the profile may let such a body's validation error win (keyBeforeUnparsableBody). */
const BAD_BODIES = [
  { label: 'invalid JSON', body: `{"token": "${badBodyToken()}", `, unparsable: true },
  { label: 'a password that is not a string', body: JSON.stringify({ token: badBodyToken(), password: 12345678 }), unparsable: false },
  { label: 'no password', body: JSON.stringify({ token: badBodyToken() }), unparsable: false },
  { label: 'an invalid customerRealIp', body: JSON.stringify({ token: badBodyToken(), password: 'x1y2z3w4-Q9r8', customerRealIp: 'nope' }), unparsable: false },
];
const first = requirement('SNP-KEY-CHECKED-FIRST');
first.each(BAD_KEYS.flatMap((key) => BAD_BODIES.map((body) => ({ label: `${key.label} and ${body.label}`, key, body }))))(
  '$label: the key error wins',
  async ({ key, body }) => {
    const outcomes = [key.outcome()];
    if (body.unparsable && !keyBeforeUnparsableBody) outcomes.push(validationError('syntax'));
    check.outcome(await send({ query: key.query, body: body.body }), ...outcomes);
  },
);
