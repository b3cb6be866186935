// Profile (assumed order, key historyBeforeChange): the password history (E002) is checked before the change
// is attempted (E001).
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const historyFirst = requirement('SNP-PRECEDENCE-HISTORY-BEFORE-CHANGE');
historyFirst.each([
  { label: 'the current password', index: 0 },
  { label: 'an earlier password', index: 1 },
])('a request whose change would fail answers E002 for $label, and E001 for a new one', async ({ index }, { rand, state }) => {
  const history = [randomPassword(rand), randomPassword(rand)];
  const historyAnswers = runContext().profile.historyBeforeChange ? [businessCode('E002')] : [businessCode('E002'), businessCode('E001')];
  const { customerId, token } = await state.failingChangeRequest({ passwordHistory: history });
  check.outcome(await submit({ token, password: history[index] }), ...historyAnswers);
  await check.password(state, customerId).is(history[0] as string, 'the password from before');
  // A request of its own: a profile may let the first answer consume the token (tokenConsumedBy).
  const fresh = await state.failingChangeRequest({ passwordHistory: history });
  check.outcome(await submit({ token: fresh.token, password: randomPassword(rand) }), businessCode('E001'));
});
