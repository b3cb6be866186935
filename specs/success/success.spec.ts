// Endpoint page: "Set a new password based on one time token" → 200 {"success": true}.
import { alteredForms, shapesWithin } from '../../fixtures/cases/passwords.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { startingTogether } from '../../helpers/http/polite-transport.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const response = requirement('SNP-SUCCESS-RESPONSE');
response.test('a pending token with a new password answers 200 {"success": true}', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: randomPassword(rand), customerRealIp: '1.1.1.1' }), success());
});

const setsPassword = requirement('SNP-SUCCESS-SETS-PASSWORD');
setsPassword.test('after a success the new password is current and the old one is not', async ({ rand, state }) => {
  const oldPassword = randomPassword(rand);
  const newPassword = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [oldPassword] });
  check.outcome(await submit({ token, password: newPassword }), success());
  await check.password(state, customerId).is(newPassword, 'the new password');
  await check.password(state, customerId).isNot(oldPassword, 'the old password');
});

const storedExactly = requirement('SNP-PASSWORD-STORED-EXACTLY');
// Shapes shorter than the profile's password policy are SNP-PASSWORD-POLICY's cases, not this one's.
storedExactly.each(shapesWithin(runContext().profile.passwordPolicy.minLength))('$label is accepted and stored exactly', async (shape, { rand, state }) => {
  const password = shape.make(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password }), success());
  await check.password(state, customerId).is(password, 'the password as submitted');
  for (const altered of alteredForms(password)) {
    await check.password(state, customerId).isNot(altered.value, `the ${altered.label} form`);
  }
});

const siblings = requirement('SNP-SIBLING-REQUESTS-INVALIDATED');
siblings.each([
  { label: 'the newer request is used first', useFirst: 'newer' as const },
  { label: 'the older request is used first', useFirst: 'older' as const },
])("after a success the customer's other pending token answers E003 ($label)", async ({ useFirst }, { rand, state }) => {
  const older = await state.pendingRequest();
  const newer = await state.pendingRequest({ customerId: older.customerId });
  const [used, other] = useFirst === 'newer' ? [newer, older] : [older, newer];
  check.outcome(await submit({ token: used.token, password: randomPassword(rand) }), success());
  check.outcome(await submit({ token: other.token, password: randomPassword(rand) }), businessCode('E003'));
});

/**
 * Bounded: 5 pending tokens of one customer submitted at once, 3 rounds. A race between siblings (a lock per
 * token rather than per customer) shows only when two submissions overlap at the target; one pair in one
 * round missed it on a busy run.
 */
const SIBLING_TOKENS = 5;
siblings.each([1, 2, 3].map((round) => ({ label: `round ${round}` })))(
  `${SIBLING_TOKENS} pending tokens of one customer submitted at the same moment: at most one succeeds ($label)`,
  async (_round, { rand, state }) => {
    const first = await state.pendingRequest();
    const tokens = [first.token];
    // One after another: a state hook need not take concurrent set-ups of one customer.
    while (tokens.length < SIBLING_TOKENS) tokens.push((await state.pendingRequest({ customerId: first.customerId })).token);
    const submissions = tokens.map((token) => ({ token, password: randomPassword(rand) }));
    const exchanges = await startingTogether(SIBLING_TOKENS, () => Promise.all(submissions.map((body) => submit(body))));
    const winners = exchanges.flatMap((exchange, i) => (success().mismatch(exchange) === null ? [i] : []));
    check.fact(winners.length <= 1, 'at most 1 success (the others are invalidated by it)', `${winners.length} successes`, exchanges[winners[1] ?? 0]);
  },
);

const others = requirement('SNP-OTHER-CUSTOMERS-UNTOUCHED');
others.test("a success leaves another customer's password and pending token as they were", async ({ rand, state }) => {
  const otherPassword = randomPassword(rand);
  const other = await state.pendingRequest({ passwordHistory: [otherPassword] });
  const { token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
  await check.password(state, other.customerId).is(otherPassword, "the other customer's password");
  check.outcome(await submit({ token: other.token, password: randomPassword(rand) }), success());
});

/**
 * Bounded: 4 customers' tokens submitted at once, 2 rounds. A change that keeps the token's customer where
 * another request can overwrite it (a field of a shared service, across an await) sets one customer's
 * password on another only when their submissions overlap.
 */
const CUSTOMERS_AT_ONCE = 4;
others.each([1, 2].map((round) => ({ label: `round ${round}` })))(
  `${CUSTOMERS_AT_ONCE} customers' tokens submitted at the same moment: each customer gets the password sent with its own token ($label)`,
  async (_round, { rand, state }) => {
    const requests = await Promise.all(Array.from({ length: CUSTOMERS_AT_ONCE }, () => state.pendingRequest()));
    const customers = requests.map(({ customerId, token }) => ({ customerId, token, password: randomPassword(rand) }));
    const exchanges = await startingTogether(CUSTOMERS_AT_ONCE, () => Promise.all(customers.map(({ token, password }) => submit({ token, password }))));
    for (const exchange of exchanges) check.outcome(exchange, success());
    for (const [i, { customerId, password }] of customers.entries()) {
      await check.password(state, customerId).is(password, `customer ${i + 1}'s own new password`);
    }
  },
);
