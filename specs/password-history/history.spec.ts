// Endpoint page, E002 "You have entered a previously used password": the current password and every
// earlier one (depth: the profile's assumption) are refused.
import { submit } from '../../helpers/endpoint-client.js';
import { expectOutcome } from '../../helpers/expect-outcome.js';
import { expectCurrentPassword } from '../../helpers/expect-state.js';
import { businessCode, success } from '../../helpers/outcomes.js';
import { randomPassword } from '../../helpers/random.js';
import { requirement } from '../../helpers/requirement-test.js';

const HISTORY_LENGTH = 4;

const current = requirement('SNP-E002-CURRENT-PASSWORD');
current.test('the current password answers E002 and stays current', async ({ rand, state }) => {
  const history = Array.from({ length: HISTORY_LENGTH }, () => randomPassword(rand));
  const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
  expectOutcome(current.id, await submit({ token, password: history[0] }), businessCode('E002'));
  await expectCurrentPassword(current.id, state, customerId, history[0] as string);
});

const earlier = requirement('SNP-E002-EARLIER-PASSWORDS');
earlier.each(
  Array.from({ length: HISTORY_LENGTH - 1 }, (_, i) => ({ label: `password ${i + 2} of ${HISTORY_LENGTH} (newest first)`, index: i + 1 })),
)('the seeded earlier $label answers E002', async ({ index }, { rand, state }) => {
  const history = Array.from({ length: HISTORY_LENGTH }, () => randomPassword(rand));
  const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
  expectOutcome(earlier.id, await submit({ token, password: history[index] }), businessCode('E002'));
  await expectCurrentPassword(earlier.id, state, customerId, history[0] as string, true, 'the current password');
});
earlier.test('a password replaced through the endpoint answers E002 afterwards', async ({ rand, state }) => {
  const original = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [original] });
  expectOutcome(earlier.id, await submit({ token, password: randomPassword(rand) }), success());
  const again = await state.pendingRequest({ customerId });
  expectOutcome(earlier.id, await submit({ token: again.token, password: original }), businessCode('E002'));
});

const joins = requirement('SNP-E002-NEW-PASSWORD-JOINS-HISTORY');
joins.test('a password set through the endpoint answers E002 with a fresh token', async ({ rand, state }) => {
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  expectOutcome(joins.id, await submit({ token, password: chosen }), success());
  const fresh = await state.pendingRequest({ customerId });
  expectOutcome(joins.id, await submit({ token: fresh.token, password: chosen }), businessCode('E002'));
  expectOutcome(joins.id, await submit({ token: fresh.token, password: randomPassword(rand) }), success());
});
