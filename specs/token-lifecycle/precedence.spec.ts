// Profile (assumed order): token validity (E003/E004) → password history (E002) → the change (E001).
// A dead token (unknown, used or expired) never gets an answer derived from the account: whether a
// password is in someone's history must not be observable without a live token.
import type { Faker } from '@faker-js/faker';
import { submit } from '../../helpers/http/endpoint-client.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { businessCode, success, validationError, type Outcome } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement, type SuiteContext } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

interface DeadTokenCase {
  label: string;
  /** Sends the request; returns it with the password that must still be current afterwards. */
  run: (history: string[], context: SuiteContext) => Promise<{ exchange: Exchange; customerId: string; current: string }>;
  outcome: () => Outcome;
}

/** A customer whose token was used to set `chosen`: the used token, and the history it now has. */
async function usedToken(history: string[], rand: Faker, context: SuiteContext) {
  const chosen = randomPassword(rand);
  const { customerId, token } = await context.state.pendingRequest({ passwordHistory: history });
  check.outcome(await submit({ token, password: chosen }), success());
  return { customerId, token, chosen };
}

const deadToken = requirement('SNP-PRECEDENCE-DEAD-TOKEN');
const DEAD_TOKEN_CASES: DeadTokenCase[] = [
  {
    label: "an expired request with the customer's current password answers E004",
    run: async (history, { state }) => {
      const { customerId, token } = await state.expiredRequest({ passwordHistory: history });
      return { exchange: await submit({ token, password: history[0] }), customerId, current: history[0] as string };
    },
    outcome: () => businessCode('E004'),
  },
  {
    label: "an expired request with the customer's earlier password answers E004",
    run: async (history, { state }) => {
      const { customerId, token } = await state.expiredRequest({ passwordHistory: history });
      return { exchange: await submit({ token, password: history[1] }), customerId, current: history[0] as string };
    },
    outcome: () => businessCode('E004'),
  },
  {
    label: 'a used token with the password it has just set answers E003',
    run: async (history, context) => {
      const { customerId, token, chosen } = await usedToken(history, context.rand, context);
      return { exchange: await submit({ token, password: chosen }), customerId, current: chosen };
    },
    outcome: () => businessCode('E003'),
  },
  {
    label: "a used token with the customer's earlier password answers E003",
    run: async (history, context) => {
      const { customerId, token, chosen } = await usedToken(history, context.rand, context);
      return { exchange: await submit({ token, password: history[0] }), customerId, current: chosen };
    },
    outcome: () => businessCode('E003'),
  },
  {
    label: "a never-issued token with a real customer's current password answers E003",
    run: async (history, { rand, state }) => {
      const { customerId } = await state.pendingRequest({ passwordHistory: history });
      return { exchange: await submit({ token: randomToken(rand), password: history[0] }), customerId, current: history[0] as string };
    },
    outcome: () => businessCode('E003'),
  },
  {
    label: "an invalid customerRealIp with a never-issued token and a real customer's current password answers the validation error",
    run: async (history, { rand, state }) => {
      const { customerId } = await state.pendingRequest({ passwordHistory: history });
      const exchange = await submit({ token: randomToken(rand), password: history[0], customerRealIp: '999.1.1.1' });
      return { exchange, customerId, current: history[0] as string };
    },
    outcome: validationError,
  },
];

deadToken.each(DEAD_TOKEN_CASES)('$label, never E002 or E001', async ({ run, outcome }, context) => {
  const history = [randomPassword(context.rand), randomPassword(context.rand)];
  const { exchange, customerId, current } = await run(history, context);
  check.outcome(exchange, outcome());
  await check.password(context.state, customerId).is(current, 'the password from before');
});

deadToken.test("a sibling token left by a success gets an answer from the account (E002) only while it still works", async ({ rand, state }) => {
  const history = [randomPassword(rand), randomPassword(rand)];
  const used = await state.pendingRequest({ passwordHistory: history });
  const sibling = await state.pendingRequest({ customerId: used.customerId });
  check.outcome(await submit({ token: used.token, password: randomPassword(rand) }), success());
  // Invalidating the sibling is SNP-SIBLING-REQUESTS-INVALIDATED's question (a SHOULD): both answers are open here.
  const probe = await submit({ token: sibling.token, password: history[0] });
  check.outcome(probe, businessCode('E003'), businessCode('E002'));
  const consumedByE002 = runContext().profile.tokenConsumedBy.includes('E002');
  if (businessCode('E002').mismatch(probe) === null && !consumedByE002) {
    check.outcome(await submit({ token: sibling.token, password: randomPassword(rand) }), success());
  }
});
