// Endpoint page, E002 "You have entered a previously used password": the current password and every
// earlier one are refused. How many count is the profile's historyDepth (bizkithub: null, all of them):
// histories are seeded within it, and a password beyond a declared depth must be accepted again.
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const DEPTH = runContext().profile.historyDepth;
/** Passwords seeded per customer: 4, or fewer when the profile's history is shallower. */
const HISTORY_LENGTH = DEPTH === null ? 4 : Math.min(4, DEPTH);

const current = requirement('SNP-E002-CURRENT-PASSWORD');
current.test('the current password answers E002 and stays current', async ({ rand, state }) => {
  const history = Array.from({ length: HISTORY_LENGTH }, () => randomPassword(rand));
  const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
  check.outcome(await submit({ token, password: history[0] }), businessCode('E002'));
  await check.password(state, customerId).is(history[0] as string);
});

const earlier = requirement('SNP-E002-EARLIER-PASSWORDS');
const EARLIER = Array.from({ length: HISTORY_LENGTH - 1 }, (_, i) => ({ label: `password ${i + 2} of ${HISTORY_LENGTH} (newest first)`, index: i + 1 }));
// A depth of 1 (the current password only) has no earlier password within it.
if (EARLIER.length > 0) {
  earlier.each(EARLIER)('the seeded earlier $label answers E002', async ({ index }, { rand, state }) => {
    const history = Array.from({ length: HISTORY_LENGTH }, () => randomPassword(rand));
    const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
    check.outcome(await submit({ token, password: history[index] }), businessCode('E002'));
    await check.password(state, customerId).is(history[0] as string, 'the current password');
  });
}
/** With every earlier password counting (no depth declared), a long history: a vendor that keeps only the last few fails. */
const LONG_HISTORY = 12;
if (DEPTH === null || DEPTH >= LONG_HISTORY) {
  earlier.test(`the oldest of ${LONG_HISTORY} seeded passwords answers E002`, async ({ rand, state }) => {
    const history = Array.from({ length: LONG_HISTORY }, () => randomPassword(rand));
    const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
    check.outcome(await submit({ token, password: history[LONG_HISTORY - 1] }), businessCode('E002'));
    await check.password(state, customerId).is(history[0] as string, 'the current password');
  });
}
// The same after a change through the endpoint (13 passwords then): a vendor that prunes the history when it
// writes keeps the seeded one whole until the first change.
if (DEPTH === null || DEPTH > LONG_HISTORY) {
  earlier.test(`the oldest of ${LONG_HISTORY} seeded passwords still answers E002 after a change`, async ({ rand, state }) => {
    const history = Array.from({ length: LONG_HISTORY }, () => randomPassword(rand));
    const changed = randomPassword(rand);
    const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
    check.outcome(await submit({ token, password: changed }), success());
    const next = await state.pendingRequest({ customerId });
    check.outcome(await submit({ token: next.token, password: history[LONG_HISTORY - 1] }), businessCode('E002'));
    await check.password(state, customerId).is(changed, 'the password set by the change');
  });
}
if (DEPTH !== null) {
  earlier.test(`a password beyond the declared history depth of ${DEPTH} is accepted again`, async ({ rand, state }) => {
    const history = Array.from({ length: DEPTH + 1 }, () => randomPassword(rand));
    const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
    const oldest = history[DEPTH] as string;
    check.outcome(await submit({ token, password: oldest }), success());
    await check.password(state, customerId).is(oldest, `password ${DEPTH + 1} of ${DEPTH + 1}, now current again`);
  });
}
if (DEPTH === null || DEPTH >= 2) earlier.test('a password replaced through the endpoint answers E002 afterwards', async ({ rand, state }) => {
  const original = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [original] });
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
  const again = await state.pendingRequest({ customerId });
  check.outcome(await submit({ token: again.token, password: original }), businessCode('E002'));
});

const joins = requirement('SNP-E002-NEW-PASSWORD-JOINS-HISTORY');
if (DEPTH === null || DEPTH >= 3) joins.test('a password the endpoint set and then replaced still answers E002', async ({ rand, state }) => {
  const first = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: first }), success());
  const second = await state.pendingRequest({ customerId });
  check.outcome(await submit({ token: second.token, password: randomPassword(rand) }), success());
  const third = await state.pendingRequest({ customerId });
  check.outcome(await submit({ token: third.token, password: first }), businessCode('E002'));
});
joins.test('a password set through the endpoint answers E002 with a fresh token', async ({ rand, state }) => {
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: chosen }), success());
  const fresh = await state.pendingRequest({ customerId });
  check.outcome(await submit({ token: fresh.token, password: chosen }), businessCode('E002'));
  // The retry the E002 message invites; a profile that lets E002 consume the token retries with a new one.
  const retryToken = runContext().profile.tokenConsumedBy.includes('E002') ? (await state.pendingRequest({ customerId })).token : fresh.token;
  check.outcome(await submit({ token: retryToken, password: randomPassword(rand) }), success());
});
