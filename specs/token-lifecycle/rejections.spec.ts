// Profile (assumed): E001–E004 and every rejected request consume nothing and change nothing; the E002
// message itself invites a retry with the same token. A profile may let E002 consume the token
// (tokenConsumedBy): then the retry may answer E003, but the password still must not change.
import type { Faker } from '@faker-js/faker';
import { send, submit } from '../../helpers/http/endpoint-client.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { businessCode, keyError, rejected, success, type Outcome } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

interface Rejection {
  label: string;
  /** Sends the rejected request for `token` of a customer whose current password is `current`. */
  send: (token: string, current: string, rand: Faker) => Promise<Exchange>;
  outcome: () => Outcome;
  /** The business error this rejection is, when the profile may let it consume the token. */
  code?: 'E002';
}

const REJECTIONS: Rejection[] = [
  { label: 'E002 (the current password)', send: (token, current) => submit({ token, password: current }), outcome: () => businessCode('E002'), code: 'E002' },
  {
    label: 'a malformed API key',
    send: (token, _c, rand) => submit({ token, password: randomPassword(rand) }, { apiKey: `DEV-${rand.string.alphanumeric(28)}` }),
    outcome: () => keyError('PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'),
  },
  {
    label: 'an unknown API key',
    send: (token, _c, rand) => submit({ token, password: randomPassword(rand) }, { apiKey: `PROD${rand.string.alphanumeric(28)}` }),
    outcome: () => keyError('PUBLIC_API_KEY_DOES_NOT_EXIST'),
  },
  {
    label: 'no API key',
    send: (token, _c, rand) => submit({ token, password: randomPassword(rand) }, { placement: 'none' }),
    outcome: () => keyError('PUBLIC_API_KEY_IS_EMPTY', 'PUBLIC_API_KEY_DOES_NOT_EXIST'),
  },
  {
    label: 'an invalid customerRealIp',
    send: (token, _c, rand) => submit({ token, password: randomPassword(rand), customerRealIp: '999.1.1.1' }),
    outcome: rejected,
  },
  { label: 'an empty password', send: (token) => submit({ token, password: '' }), outcome: rejected },
  { label: 'a password that is not a string', send: (token) => submit({ token, password: 12345678 }), outcome: rejected },
];
// A lenient profile (contentType) may process a JSON body declared as text/plain, so only a strict one rejects it.
if (runContext().profile.contentType === 'strict') {
  REJECTIONS.push({
    label: 'a body declared as text/plain',
    send: (token, _c, rand) =>
      send({ query: { apiKey: runContext().apiKey }, contentType: 'text/plain', body: JSON.stringify({ token, password: randomPassword(rand) }) }),
    outcome: rejected,
  });
}

const consumesNothing = requirement('SNP-REJECTED-CONSUMES-NOTHING');
consumesNothing.each(REJECTIONS)('after $label the password is unchanged and the same token still succeeds', async (rejection, { rand, state }) => {
  const current = randomPassword(rand);
  const next = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
  check.outcome(await rejection.send(token, current, rand), rejection.outcome());
  await check.password(state, customerId).is(current, 'the password from before');
  const mayConsume = rejection.code !== undefined && runContext().profile.tokenConsumedBy.includes(rejection.code);
  const retry = await submit({ token, password: next });
  check.outcome(retry, success(), ...(mayConsume ? [businessCode('E003')] : []));
  const retried = success().mismatch(retry) === null;
  await check.password(state, customerId).is(retried ? next : current, retried ? 'the password of the retry' : 'the password from before');
});
// An attempt limit that revokes the token after a few E002s consumes it all the same (unless the profile
// declares that E002 consumes the token: then the second attempt already answers E003).
if (!runContext().profile.tokenConsumedBy.includes('E002')) {
  consumesNothing.test('after three E002 answers in a row the password is unchanged and the same token still succeeds', async ({ rand, state }) => {
    const current = randomPassword(rand);
    const next = randomPassword(rand);
    const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
    for (let attempt = 1; attempt <= 3; attempt++) check.outcome(await submit({ token, password: current }), businessCode('E002'));
    await check.password(state, customerId).is(current, 'the password from before');
    check.outcome(await submit({ token, password: next }), success());
    await check.password(state, customerId).is(next, 'the password of the retry');
  });
}
