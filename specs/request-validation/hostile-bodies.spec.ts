// Profile: unknown fields never choose the account; duplicate keys are rejected or last-wins.
// Best practice: oversized and non-UTF-8 bodies are refused, promptly and without a 5xx.
import { gzipSync } from 'node:zlib';
import { send, submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, platformError, rejected, success, validationError } from '../../helpers/checks/outcomes.js';
import { randomLongText, randomPassword, randomToken } from '../../helpers/run/random.js';
import { baselineMs } from '../../helpers/checks/promptness.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const extra = requirement('SNP-EXTRA-FIELDS-HARMLESS');
extra.test("extra fields naming another customer never reset that customer's password", async ({ rand, state }) => {
  const victimPassword = randomPassword(rand);
  const victim = await state.pendingRequest({ passwordHistory: [victimPassword] });
  const owner = await state.pendingRequest();
  const chosen = randomPassword(rand);
  const exchange = await submit({
    token: owner.token,
    password: chosen,
    customerId: victim.customerId,
    userId: victim.customerId,
    id: victim.customerId,
    customer: { id: victim.customerId },
  });
  check.outcome(exchange, success(), rejected());
  await check.password(state, victim.customerId).is(victimPassword, "the other customer's password");
  if (success().mismatch(exchange) === null) await check.password(state, owner.customerId).is(chosen, "the token owner's new password");
});
extra.test('extra fields cannot skip the password history', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { token } = await state.pendingRequest({ passwordHistory: [current] });
  const exchange = await submit({ token, password: current, skipHistory: true, force: true, isAdmin: true, passwordHistory: [] });
  check.outcome(exchange, businessCode('E002'), rejected());
});
extra.test('extra fields cannot revive an expired request', async ({ rand, state }) => {
  const { token } = await state.expiredRequest();
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const exchange = await submit({ token, password: randomPassword(rand), expiresAt: future, expiresInSeconds: 86_400, expired: false });
  check.outcome(exchange, businessCode('E004'), rejected());
});
extra.test('a __proto__ member is only data', async ({ rand }) => {
  const body = `{"token":"${randomToken(rand)}","password":"${randomPassword(rand)}","__proto__":{"success":true,"isAdmin":true}}`;
  check.outcome(await send({ query: { apiKey: runContext().apiKey }, body }), businessCode('E003'), rejected());
}, { needsState: false });

const duplicate = requirement('SNP-DUPLICATE-KEYS');
duplicate.test('{"token": <unknown>, …, "token": <valid>} succeeds with the last value or is rejected', async ({ rand, state }) => {
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const body = `{"token":${JSON.stringify(randomToken(rand))},"password":${JSON.stringify(chosen)},"token":${JSON.stringify(token)}}`;
  const exchange = await send({ query: { apiKey: runContext().apiKey }, body });
  check.outcome(exchange, success(), validationError());
  if (success().mismatch(exchange) === null) await check.password(state, customerId).is(chosen);
});
duplicate.test('{"token": <valid>, …, "token": <unknown>} answers E003 or is rejected, and the valid token still works', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  const body = `{"token":${JSON.stringify(token)},"password":${JSON.stringify(randomPassword(rand))},"token":${JSON.stringify(randomToken(rand))}}`;
  check.outcome(await send({ query: { apiKey: runContext().apiKey }, body }), businessCode('E003'), validationError());
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
duplicate.test('a duplicated password is rejected or read as its last value', async ({ rand, state }) => {
  const first = randomPassword(rand);
  const last = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const body = `{"token":${JSON.stringify(token)},"password":${JSON.stringify(first)},"password":${JSON.stringify(last)}}`;
  const exchange = await send({ query: { apiKey: runContext().apiKey }, body });
  check.outcome(exchange, success(), validationError());
  if (success().mismatch(exchange) === null) await check.password(state, customerId).is(last, 'the last password value');
});
// Read as the last value everywhere: a parser that validates the last copy while another reader records the
// first would store what validation never saw.
duplicate.test('a duplicated customerRealIp (not an address, then an address) is rejected or read as its last value', async ({ rand, state }) => {
  const password = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const body = `{"token":${JSON.stringify(token)},"password":${JSON.stringify(password)},"customerRealIp":"<not an address>","customerRealIp":"192.0.2.55"}`;
  const exchange = await send({ query: { apiKey: runContext().apiKey }, body });
  check.outcome(exchange, success(), validationError());
  if (success().mismatch(exchange) !== null) return;
  await check.recordedIp(state, customerId, password).is('192.0.2.55', 'the last value');
});

/** Room for the upload of 1 MB on top of the target's ordinary answer time. */
const UPLOAD_MARGIN_MS = 5_000;
const size = requirement('SNP-BODY-SIZE-LIMIT');
size.test('a 1 MB body is refused with 413 or 400, promptly', async ({ rand }) => {
  const baseline = await baselineMs(rand);
  const body = JSON.stringify({ token: randomToken(rand), password: randomLongText(rand, 1024 * 1024) });
  const exchange = await send({ query: { apiKey: runContext().apiKey }, body });
  check.outcome(exchange, platformError({ statuses: [413, 400] }));
  check.prompt(exchange, baseline, UPLOAD_MARGIN_MS);
});
// The limit holds for what the endpoint reads: a compressed body is refused as too large, or for an encoding
// the endpoint does not take, never inflated past the limit (a decompression bomb: 1 MB sent as ~1 KB).
// Full mode only: a target that does not inflate reads a body without any token, which safe mode never sends.
size.test('a 1 MB body sent gzip-compressed (Content-Encoding: gzip) is refused with 413, 400 or 415, promptly', async ({ rand }) => {
  const baseline = await baselineMs(rand);
  const body = gzipSync(JSON.stringify({ token: randomToken(rand), password: randomLongText(rand, 1024 * 1024) }));
  const exchange = await send({ query: { apiKey: runContext().apiKey }, headers: { 'Content-Encoding': 'gzip' }, body });
  check.outcome(exchange, platformError({ statuses: [413, 400, 415] }));
  check.prompt(exchange, baseline, UPLOAD_MARGIN_MS);
}, { needsState: true });

const utf8 = requirement('SNP-INVALID-UTF8');
utf8.each([
  { label: 'a truncated 2-byte sequence (C3 28)', bytes: [0xc3, 0x28] },
  { label: 'an overlong encoding (C0 AF)', bytes: [0xc0, 0xaf] },
  { label: 'bytes FF FE', bytes: [0xff, 0xfe] },
  { label: 'a CESU-8 surrogate (ED A0 80)', bytes: [0xed, 0xa0, 0x80] },
])('a password holding $label is refused', async ({ bytes }, { rand }) => {
  const head = Buffer.from(`{"token":"${randomToken(rand)}","password":"abc`);
  const body = Buffer.concat([head, Buffer.from(bytes), Buffer.from('def"}')]);
  check.outcome(await send({ query: { apiKey: runContext().apiKey }, body }), rejected());
});
utf8.test('a password with an unpaired surrogate escape (\\uD800) is refused', async ({ rand }) => {
  const body = `{"token":"${randomToken(rand)}","password":"abc\\uD800def"}`;
  check.outcome(await send({ query: { apiKey: runContext().apiKey }, body }), rejected());
});
