// Endpoint page, customerRealIp: IPv4 and IPv6 accepted; ::1, 0.0.0.0, localhost and "" normalised to
// 127.0.0.1; invalid values rejected. Borderline forms: the profile's assumptions.
import { ACCEPTED_IPS, NORMALIZED_TO_LOOPBACK, NOT_AN_IP, STRICT_IP_FORMS } from '../../fixtures/cases/customer-ips.js';
import { submit } from '../../helpers/endpoint-client.js';
import { expectFact, expectOutcome } from '../../helpers/expect-outcome.js';
import { sameAddress } from '../../helpers/ip-address.js';
import { businessCode, rejected, success } from '../../helpers/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/random.js';
import { requirement } from '../../helpers/requirement-test.js';

const accepted = requirement('SNP-IP-ACCEPTED');
accepted.each([...ACCEPTED_IPS, ...NORMALIZED_TO_LOOPBACK])('customerRealIp $label passes validation (reaches the token check: E003)', async ({ value }, { rand }) => {
  expectOutcome(accepted.id, await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), businessCode('E003'));
});
accepted.test('a body without customerRealIp passes validation (reaches the token check: E003)', async ({ rand }) => {
  expectOutcome(accepted.id, await submit({ token: randomToken(rand), password: randomPassword(rand) }), businessCode('E003'));
});
accepted.test('a body without customerRealIp completes a reset', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  expectOutcome(accepted.id, await submit({ token, password: randomPassword(rand) }), success());
}, { needsState: true });

const normalized = requirement('SNP-IP-NORMALIZED');
normalized.each([...NORMALIZED_TO_LOOPBACK, ...ACCEPTED_IPS])('customerRealIp $label is recorded as the documented address', async ({ value, recordedAs }, { rand, state }) => {
  const password = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  expectOutcome(normalized.id, await submit({ token, password, customerRealIp: value }), success());
  const recorded = await state.lastRealIp(customerId, password);
  const expected = recordedAs === 'same' ? (value as string) : recordedAs;
  expectFact(
    normalized.id,
    recorded !== null && sameAddress(recorded, expected),
    `lastRealIp ${expected}${recordedAs === 'same' ? ' (or an equivalent notation)' : ''}`,
    `lastRealIp ${JSON.stringify(recorded)}`,
  );
});

const invalid = requirement('SNP-IP-INVALID-REJECTED');
invalid.each(NOT_AN_IP)('customerRealIp $label is rejected before the token check', async ({ value }, { rand }) => {
  expectOutcome(invalid.id, await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), rejected());
});

const strict = requirement('SNP-IP-STRICT-FORMS');
strict.each(STRICT_IP_FORMS)('customerRealIp $label is rejected before the token check', async ({ value }, { rand }) => {
  expectOutcome(strict.id, await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), rejected());
});
