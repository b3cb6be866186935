// Endpoint page error table (E001–E004, messages verbatim); profile: envelope and HTTP status.
import { BUSINESS_ERROR_MESSAGES } from '../../fixtures/business-errors.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessBody, businessCode, businessMessageOf, businessStatus, success } from '../../helpers/checks/outcomes.js';
import type { BusinessCode } from '../../helpers/run/profile.js';
import { BUSINESS_ERROR_PROVOCATIONS } from '../../helpers/checks/provocations.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const failed = requirement('SNP-E001-CHANGE-FAILED');
failed.test('a change that fails answers E001, twice, and the password stays', async ({ rand, state }) => {
  const current = randomPassword(rand);
  const attempted = randomPassword(rand);
  const { customerId, token } = await state.failingChangeRequest({ passwordHistory: [current] });
  check.outcome(await submit({ token, password: attempted }), businessCode('E001'));
  await check.password(state, customerId).is(current, 'the password from before');
  await check.password(state, customerId).isNot(attempted, 'the attempted password');
  // Not consumed: the same token fails the same way rather than being unknown now (unless the profile
  // lets E001 consume it: tokenConsumedBy).
  const consumed = runContext().profile.tokenConsumedBy.includes('E001') ? [businessCode('E003')] : [];
  check.outcome(await submit({ token, password: attempted }), businessCode('E001'), ...consumed);
  await check.password(state, customerId).is(current, 'the password from before');
});
failed.test("a change that fails leaves the customer's other pending request working", async ({ rand, state }) => {
  const { customerId, token } = await state.failingChangeRequest();
  const sibling = await state.pendingRequest({ customerId });
  check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E001'));
  check.outcome(await submit({ token: sibling.token, password: randomPassword(rand) }), success());
});

const CODES = (Object.keys(BUSINESS_ERROR_PROVOCATIONS) as BusinessCode[]).map((code) => ({ code, label: BUSINESS_ERROR_PROVOCATIONS[code].label }));

for (const { code, label } of CODES) {
  const { needsState, provoke } = BUSINESS_ERROR_PROVOCATIONS[code];

  const message = requirement('SNP-BUSINESS-ERROR-MESSAGE');
  message.test(`${label} carries the documented message`, async ({ rand, state }) => {
    const { exchange } = await provoke(rand, state);
    check.outcome(exchange, businessCode(code));
    const actual = businessMessageOf(exchange);
    check.fact(actual === BUSINESS_ERROR_MESSAGES[code], JSON.stringify(BUSINESS_ERROR_MESSAGES[code]), JSON.stringify(actual), exchange);
  }, { needsState });

  const envelope = requirement('SNP-BUSINESS-ERROR-ENVELOPE');
  envelope.test(`${label} uses the profile's business-error body (bizkithub: {"success": false, "errorCode", "message"})`, async ({ rand, state }) => {
    const { exchange } = await provoke(rand, state);
    check.outcome(exchange, businessBody(code));
  }, { needsState });

  const status = requirement('SNP-BUSINESS-ERROR-STATUS');
  status.test(`${label} answers with the profile's status`, async ({ rand, state }) => {
    const { exchange } = await provoke(rand, state);
    check.outcome(exchange, businessStatus(code));
  }, { needsState });
}
