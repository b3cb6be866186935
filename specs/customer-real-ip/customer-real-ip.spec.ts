// Endpoint page, customerRealIp: IPv4 and IPv6 accepted; ::1, 0.0.0.0, localhost and "" normalised to
// 127.0.0.1; invalid values rejected. Borderline forms: the profile's assumptions (customerRealIp.*).
import { check } from '../../helpers/checks/check.js';
import {
  ACCEPTED_IPS,
  NORMALIZED_TO_LOOPBACK,
  NOT_AN_IP,
  strictFormsAccepted,
  strictFormsRejected,
  type RecordedIpCase,
} from '../../fixtures/cases/customer-ips.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { isIPv4Text, sameAddress } from '../../helpers/checks/ip-address.js';
import { businessCode, rejected, success } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';

const ipChoices = runContext().profile.customerRealIp;

const accepted = requirement('SNP-IP-ACCEPTED');
accepted.each([...ACCEPTED_IPS, ...NORMALIZED_TO_LOOPBACK, ...strictFormsAccepted(ipChoices)])(
  'customerRealIp $label passes validation (reaches the token check: E003)',
  async ({ value }, { rand }) => {
    check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), businessCode('E003'));
  },
);
accepted.test('a body without customerRealIp passes validation (reaches the token check: E003)', async ({ rand }) => {
  check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand) }), businessCode('E003'));
});
accepted.test('a body without customerRealIp completes a reset', async ({ rand, state }) => {
  const { token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
}, { needsState: true });

/** Whether `recorded` is an acceptable record of the case (same address; a mapped one in the profile's form). */
function recordedRightly(recorded: string, ipCase: RecordedIpCase): boolean {
  const expected = ipCase.recordedAs === 'same' ? (ipCase.value as string) : ipCase.recordedAs;
  if (!sameAddress(recorded, expected)) return false;
  if (!ipCase.mapped || ipChoices.ipv4MappedRecordedAs === 'either') return true;
  return isIPv4Text(recorded) === (ipChoices.ipv4MappedRecordedAs === 'ipv4');
}

function expectedRecord(ipCase: RecordedIpCase): string {
  if (ipCase.recordedAs !== 'same') return ipCase.recordedAs;
  const mappedForm = ipCase.mapped ? ` (IPv4-mapped: recorded as ${ipChoices.ipv4MappedRecordedAs === 'either' ? 'sent or as its IPv4 form' : ipChoices.ipv4MappedRecordedAs})` : '';
  return `${String(ipCase.value)} or an equivalent notation${mappedForm}`;
}

const normalized = requirement('SNP-IP-NORMALIZED');
normalized.each([...NORMALIZED_TO_LOOPBACK, ...ACCEPTED_IPS])('customerRealIp $label is recorded as the documented address', async (ipCase, { rand, state }) => {
  const password = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password, customerRealIp: ipCase.value }), success());
  const recorded = await state.lastRealIp(customerId, password);
  check.fact(recorded !== null && recordedRightly(recorded, ipCase), `lastRealIp ${expectedRecord(ipCase)}`, `lastRealIp ${JSON.stringify(recorded)}`);
});

normalized.test('after two successes with different addresses, the address of the last one is recorded', async ({ rand, state }) => {
  const first = await state.pendingRequest();
  check.outcome(await submit({ token: first.token, password: randomPassword(rand), customerRealIp: '192.0.2.10' }), success());
  const password = randomPassword(rand);
  const second = await state.pendingRequest({ customerId: first.customerId });
  check.outcome(await submit({ token: second.token, password, customerRealIp: '198.51.100.20' }), success());
  await check.recordedIp(state, first.customerId, password).is('198.51.100.20', 'the last success');
});

// The body's customerRealIp is the customer's address, whatever a proxy's headers say (a "trust proxy"
// request.ip helper records the first X-Forwarded-For entry instead, unvalidated).
normalized.test('forwarding headers naming another address do not change the address recorded', async ({ rand, state }) => {
  const password = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const headers = { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7', 'X-Real-IP': '203.0.113.9', Forwarded: 'for=203.0.113.9' };
  check.outcome(await submit({ token, password, customerRealIp: '192.0.2.44' }, { headers }), success());
  await check.recordedIp(state, customerId, password).is('192.0.2.44', "the body's customerRealIp");
});

const invalid = requirement('SNP-IP-INVALID-REJECTED');
invalid.each(NOT_AN_IP)('customerRealIp $label is rejected before the token check', async ({ value }, { rand }) => {
  check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), rejected());
});

const strict = requirement('SNP-IP-STRICT-FORMS');
strict.each(strictFormsRejected(ipChoices))('customerRealIp $label is rejected before the token check', async ({ value }, { rand }) => {
  check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: value }), rejected());
});
