// Profile (assumed, key recordedIpKeptOnRejection): a rejected request changes nothing, and that includes the
// customerRealIp recorded with the customer's last successful change.
import type { Faker } from '@faker-js/faker';
import { submit } from '../../helpers/http/endpoint-client.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { businessCode, rejected, success, validationError, type Outcome } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import type { StateArranger } from '../../helpers/state/state-arranger.js';
import { check } from '../../helpers/checks/check.js';

const RECORDED_IP = '203.0.113.41';
const OTHER_IP = '198.51.100.42';

interface Rejection {
  label: string;
  /** Sends a rejected request carrying OTHER_IP for the customer; `current` is its current password. */
  send: (customerId: string, current: string, usedToken: string, rand: Faker, state: StateArranger) => Promise<Exchange>;
  outcome: () => Outcome;
}

const REJECTIONS: Rejection[] = [
  {
    label: 'E002 with a fresh token',
    send: async (customerId, current, _used, _rand, state) => {
      const { token } = await state.pendingRequest({ customerId });
      return submit({ token, password: current, customerRealIp: OTHER_IP });
    },
    outcome: () => businessCode('E002'),
  },
  {
    label: 'E003 with the token just used',
    send: (_customerId, _current, usedToken, rand) => submit({ token: usedToken, password: randomPassword(rand), customerRealIp: OTHER_IP }),
    outcome: () => businessCode('E003'),
  },
  {
    label: 'E004 with an expired request of the customer',
    send: async (customerId, _current, _used, rand, state) => {
      const { token } = await state.expiredRequest({ customerId });
      return submit({ token, password: randomPassword(rand), customerRealIp: OTHER_IP });
    },
    outcome: () => businessCode('E004'),
  },
  {
    label: 'a validation error (empty password) with a fresh token',
    send: async (customerId, _current, _used, _rand, state) => {
      const { token } = await state.pendingRequest({ customerId });
      return submit({ token, password: '', customerRealIp: OTHER_IP });
    },
    outcome: () => validationError(),
  },
];

const keepsIp = requirement('SNP-REJECTED-KEEPS-RECORDED-IP');
keepsIp.each(REJECTIONS)('after $label carrying another IP, the recorded IP is still the last success\'s', async ({ send, outcome }, { rand, state, skip }) => {
  if (!runContext().profile.recordedIpKeptOnRejection) skip('the profile says the target records the IP of every attempt (recordedIpKeptOnRejection: false)');
  const chosen = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: chosen, customerRealIp: RECORDED_IP }), success());
  const exchange = await send(customerId, chosen, token, rand, state);
  check.outcome(exchange, outcome(), rejected());
  const recorded = await state.lastRealIp(customerId, chosen);
  check.fact(recorded === RECORDED_IP, `lastRealIp ${RECORDED_IP}, recorded by the last success`, `lastRealIp ${JSON.stringify(recorded)}`, exchange);
});
keepsIp.test('an E001 carrying an IP, before any success, records no IP', async ({ rand, state, skip }) => {
  if (!runContext().profile.recordedIpKeptOnRejection) skip('the profile says the target records the IP of every attempt (recordedIpKeptOnRejection: false)');
  const current = randomPassword(rand);
  const { customerId, token } = await state.failingChangeRequest({ passwordHistory: [current] });
  const exchange = await submit({ token, password: randomPassword(rand), customerRealIp: OTHER_IP });
  check.outcome(exchange, businessCode('E001'));
  const recorded = await state.lastRealIp(customerId, current);
  check.fact(recorded === null, 'lastRealIp null: no change has succeeded', `lastRealIp ${JSON.stringify(recorded)}`, exchange);
});
