// Platform docs, API key checks: a key that exists but is deactivated answers PUBLIC_API_KEY_IS_NOT_ACTIVE,
// one past its expiration PUBLIC_API_KEY_HAS_BEEN_EXPIRED (404), and neither changes anything. The keys
// come from the optional states of state hook v1.1; a hook without them answers 400, and these
// requirements are then not run (StateNotOfferedError).
import { submit, type KeyPlacement } from '../../helpers/http/endpoint-client.js';
import { keyError, success } from '../../helpers/checks/outcomes.js';
import type { Faker } from '@faker-js/faker';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import type { StateArranger } from '../../helpers/state/state-arranger.js';
import { check } from '../../helpers/checks/check.js';

const PLACEMENTS: { label: string; placement: Exclude<KeyPlacement, 'none'> }[] = [
  { label: 'the apiKey query parameter', placement: 'query' },
  { label: 'the apiKey body field', placement: 'body' },
  { label: 'an Authorization: Bearer header', placement: 'bearer' },
];

const KINDS = [
  { id: 'SNP-KEY-INACTIVE' as const, what: 'an inactive key', code: 'PUBLIC_API_KEY_IS_NOT_ACTIVE', key: (state: StateArranger) => state.inactiveApiKey() },
  { id: 'SNP-KEY-EXPIRED' as const, what: 'an expired key', code: 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED', key: (state: StateArranger) => state.expiredApiKey() },
];

for (const kind of KINDS) {
  const req = requirement(kind.id);
  req.each(PLACEMENTS)(`${kind.what} in $label answers 404 ${kind.code}, and the token still works`, async ({ placement }, { rand, state }) => {
    const apiKey = await kind.key(state);
    const current = randomPassword(rand);
    const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
    check.outcome(await submit({ token, password: randomPassword(rand) }, { apiKey, placement }), keyError(kind.code));
    await check.password(state, customerId).is(current, 'the password from before');
    check.outcome(await submit({ token, password: randomPassword(rand) }), success());
  });
  // The key is checked before anything else: a revoked key learns nothing about tokens or bodies.
  req.each([
    { label: 'a never-issued token', fields: (rand: Faker) => ({ token: randomToken(rand), password: randomPassword(rand) }) },
    { label: 'a body without a password', fields: (rand: Faker) => ({ token: randomToken(rand) }) },
  ])(`${kind.what} with $label answers 404 ${kind.code}`, async ({ fields }, { rand, state }) => {
    const apiKey = await kind.key(state);
    check.outcome(await submit(fields(rand), { apiKey }), keyError(kind.code));
  });
}
