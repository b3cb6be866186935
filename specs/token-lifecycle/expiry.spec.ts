// Endpoint page, E004 "Reset password request has been expired".
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, rejected } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';
import { sleep } from '../../helpers/checks/deliberate-wait.js';
import { graceMs, LIFETIME_S } from './expiry-timing.js';

const expired = requirement('SNP-E004-EXPIRED');
expired.test('an expired request answers E004 twice and the password stays', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.expiredRequest({ passwordHistory: [current] });
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E004'));
  check.outcome(await submit({ token, password: randomPassword(rand) }, { placement: 'body' }), businessCode('E004'));
  await check.password(state, customerId).is(current, 'the password from before');
});
// Expiry is the target's clock: a client's Date header (or a request-time header) an hour old changes nothing
// (a gateway that refuses a stale Date before the endpoint is not the endpoint's answer).
expired.test('an expired request answers E004 though the request says it was sent an hour ago', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.expiredRequest({ passwordHistory: [current] });
  const anHourAgo = new Date(Date.now() - 3_600_000);
  const headers = { Date: anHourAgo.toUTCString(), 'X-Request-Time': anHourAgo.toISOString() };
  check.outcome(await submit({ token, password: randomPassword(rand) }, { headers }), businessCode('E004'), rejected());
  await check.password(state, customerId).is(current, 'the password from before');
});

const inPlace = requirement('SNP-E004-EXPIRES-IN-PLACE');
/** The lifetime, then the profile's expiry tolerance and a margin (expiry-timing.ts); the case's deadline grows by the wait. */
const pastLifetimeMs = LIFETIME_S * 1000 + graceMs(runContext().profile.expiryToleranceMs);
inPlace.test(`a request with a ${LIFETIME_S} s lifetime answers E004 after it has passed, and keeps answering E004`, async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current], expiresInSeconds: LIFETIME_S });
  await sleep(pastLifetimeMs);
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E004'));
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E004'));
  await check.password(state, customerId).is(current, 'the password from before');
});
inPlace.test(`an E002 answered while the request is pending does not extend its ${LIFETIME_S} s lifetime`, async ({ rand, state }) => {
  const current = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current], expiresInSeconds: LIFETIME_S });
  // On a slow target the request may already have expired when this arrives (E004): nothing to extend then.
  check.outcome(await submit({ token, password: current }), businessCode('E002'), businessCode('E004'));
  await sleep(pastLifetimeMs);
  // A profile may let E002 consume the token (tokenConsumedBy): then E003 is as dead as E004.
  const dead = runContext().profile.tokenConsumedBy.includes('E002') ? [businessCode('E004'), businessCode('E003')] : [businessCode('E004')];
  check.outcome(await submit({ token, password: randomPassword(rand) }), ...dead);
  await check.password(state, customerId).is(current, 'the password from before');
});
