// Endpoint page, E004: a request is usable until it expires, and an expired one stays expired, whatever
// else happens to the customer's requests.
import { submit } from '../../helpers/http/endpoint-client.js';
import { expectFact, expectOutcome } from '../../helpers/checks/expect-outcome.js';
import { expectCurrentPassword } from '../../helpers/checks/expect-state.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';

const usable = requirement('SNP-USABLE-UNTIL-EXPIRY');
usable.each([
  { label: '30 s', expiresInSeconds: 30 },
  { label: '3600 s (the default)', expiresInSeconds: 3600 },
])('a request with a lifetime of $label succeeds when used at once', async ({ expiresInSeconds }, { rand, state }) => {
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ expiresInSeconds });
  expectOutcome(usable.id, await submit({ token, password: chosen }), success());
  await expectCurrentPassword(usable.id, state, customerId, chosen, true, 'the new password');
});

const staysExpired = requirement('SNP-EXPIRED-STAYS-EXPIRED');
staysExpired.test('an expired request keeps answering E004 after a new request of the customer is created and used', async ({ rand, state }) => {
  const original = randomPassword(rand);
  const expired = await state.expiredRequest({ passwordHistory: [original] });
  expectOutcome(staysExpired.id, await submit({ token: expired.token, password: randomPassword(rand) }), businessCode('E004'));

  const fresh = await state.pendingRequest({ customerId: expired.customerId });
  expectOutcome(staysExpired.id, await submit({ token: expired.token, password: randomPassword(rand) }), businessCode('E004'));
  await expectCurrentPassword(staysExpired.id, state, expired.customerId, original, true, 'the password from before');

  const chosen = randomPassword(rand);
  expectOutcome(staysExpired.id, await submit({ token: fresh.token, password: chosen }), success());
  const late = await submit({ token: expired.token, password: randomPassword(rand) });
  expectOutcome(staysExpired.id, late, businessCode('E004'), businessCode('E003'));
  expectFact(staysExpired.id, success().mismatch(late) !== null, 'no success for the expired token', 'a success', late);
  await expectCurrentPassword(staysExpired.id, state, expired.customerId, chosen, true, 'the password the new request set');
});
