// Endpoint page, E004: a request is usable until it expires, and an expired one stays expired, whatever
// else happens to the customer's requests.
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

const usable = requirement('SNP-USABLE-UNTIL-EXPIRY');
usable.each([
  { label: '30 s', expiresInSeconds: 30 },
  { label: '3600 s (the default)', expiresInSeconds: 3600 },
])('a request with a lifetime of $label succeeds when used at once', async ({ expiresInSeconds }, { rand, state }) => {
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ expiresInSeconds });
  check.outcome(await submit({ token, password: chosen }), success());
  await check.password(state, customerId).is(chosen, 'the new password');
});

const staysExpired = requirement('SNP-EXPIRED-STAYS-EXPIRED');
staysExpired.test('an expired request keeps answering E004 after a new request of the customer is created and used', async ({ rand, state }) => {
  const original = randomPassword(rand);
  const expired = await state.expiredRequest({ passwordHistory: [original] });
  check.outcome(await submit({ token: expired.token, password: randomPassword(rand) }), businessCode('E004'));

  const fresh = await state.pendingRequest({ customerId: expired.customerId });
  check.outcome(await submit({ token: expired.token, password: randomPassword(rand) }), businessCode('E004'));
  await check.password(state, expired.customerId).is(original, 'the password from before');

  const chosen = randomPassword(rand);
  check.outcome(await submit({ token: fresh.token, password: chosen }), success());
  const late = await submit({ token: expired.token, password: randomPassword(rand) });
  check.outcome(late, businessCode('E004'), businessCode('E003'));
  check.fact(success().mismatch(late) !== null, 'no success for the expired token', 'a success', late);
  await check.password(state, expired.customerId).is(chosen, 'the password the new request set');
});
