// Endpoint page: the token is a "one time token": it completes one reset, even under concurrency.
import { submit } from '../../helpers/http/endpoint-client.js';
import { startingTogether } from '../../helpers/http/polite-transport.js';
import { businessCode, raceLoser, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

const singleUse = requirement('SNP-TOKEN-SINGLE-USE');
singleUse.test('a token that completed a reset answers E003 when replayed, and the first password stays', async ({ rand, state }) => {
  const first = randomPassword(rand);
  const second = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: first }), success());
  check.outcome(await submit({ token, password: second }), businessCode('E003'));
  check.outcome(await submit({ token, password: second }, { placement: 'bearer' }), businessCode('E003'));
  await check.password(state, customerId).is(first, 'the first submission\'s password');
});

// Where real implementations lost track of the used token: among the customer's other requests, on the path
// that records a customerRealIp, and once the customer asks for another reset.
singleUse.each([
  { label: 'the older', used: 'older' as const },
  { label: 'the newer', used: 'newer' as const },
])("$label of a customer's two pending tokens, once used, answers E003 when replayed", async ({ used }, { rand, state }) => {
  const older = await state.pendingRequest();
  const newer = await state.pendingRequest({ customerId: older.customerId });
  const { token } = used === 'older' ? older : newer;
  const first = randomPassword(rand);
  check.outcome(await submit({ token, password: first }), success());
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E003'));
  await check.password(state, older.customerId).is(first, "the first submission's password");
});

singleUse.test('a token used with a customerRealIp answers E003 when replayed', async ({ rand, state }) => {
  const first = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: first, customerRealIp: '1.1.1.1' }), success());
  check.outcome(await submit({ token, password: randomPassword(rand), customerRealIp: '1.1.1.1' }), businessCode('E003'));
  await check.password(state, customerId).is(first, "the first submission's password");
});

singleUse.test('a used token still answers E003 after the customer asks for another reset', async ({ rand, state }) => {
  const first = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: first }), success());
  await state.pendingRequest({ customerId });
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E003'));
  await check.password(state, customerId).is(first, "the first submission's password");
});

/** Bounded: 10 parallel submissions per round, 3 rounds. */
const PARALLEL_SUBMISSIONS = 10;
const concurrent = requirement('SNP-TOKEN-SINGLE-USE-CONCURRENT');
concurrent.each([1, 2, 3].map((round) => ({ label: `round ${round}` })))(
  `of ${PARALLEL_SUBMISSIONS} concurrent submissions of one token exactly one succeeds ($label)`,
  async (_round, { rand, state }) => {
    const { customerId, token } = await state.pendingRequest();
    const passwords = Array.from({ length: PARALLEL_SUBMISSIONS }, () => randomPassword(rand));
    // Sent at the same moment (as many as CONFORMANCE_CONCURRENCY allows), however busy the run is.
    const exchanges = await startingTogether(PARALLEL_SUBMISSIONS, () => Promise.all(passwords.map((password) => submit({ token, password }))));
    const winners = exchanges.flatMap((exchange, i) => (success().mismatch(exchange) === null ? [i] : []));
    check.fact(winners.length === 1, 'exactly 1 success', `${winners.length} successes`, exchanges[winners[1] ?? 0]);
    exchanges.forEach((exchange, i) => {
      // The losers' code is the profile's raceLoserCodes (bizkithub: E003; a vendor may declare E001).
      if (i !== winners[0]) check.outcome(exchange, ...raceLoser());
    });
    await check.password(state, customerId).is(passwords[winners[0] as number] as string, "the winner's password");
  },
);
