// Profile (assumed): the password policy. bizkithub: any non-empty string is acceptable, as the docs'
// own example "1234" shows; a profile may declare a minimum length (passwordPolicy.minLength).
import { submit } from '../../helpers/http/endpoint-client.js';
import { success, validationError } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const { minLength } = runContext().profile.passwordPolicy;
const policy = requirement('SNP-PASSWORD-POLICY');

if (minLength > 1) {
  policy.test(`a password of ${minLength - 1} characters gets the field validation error and consumes nothing`, async ({ rand, state }) => {
    const current = randomPassword(rand);
    const { customerId, token } = await state.pendingRequest({ passwordHistory: [current] });
    check.outcome(await submit({ token, password: rand.string.alphanumeric(minLength - 1) }), validationError('field'));
    await check.password(state, customerId).is(current, 'the password from before');
    const shortest = rand.string.alphanumeric(minLength);
    check.outcome(await submit({ token, password: shortest }), success());
    await check.password(state, customerId).is(shortest, `the ${minLength}-character password`);
  });
} else {
  policy.each([
    { label: 'the docs\' example "1234"', password: '1234' },
    { label: 'a one-character password', password: 'a' },
    // Any non-empty string: a password of blanks is one (the contract forbids trimming it away).
    { label: 'a password of three spaces', password: '   ' },
    { label: 'a password of one tab', password: '\t' },
  ])('$label is accepted and set', async ({ password }, { state }) => {
    const { customerId, token } = await state.pendingRequest();
    check.outcome(await submit({ token, password }), success());
    await check.password(state, customerId).is(password, 'the submitted password');
  });
}
