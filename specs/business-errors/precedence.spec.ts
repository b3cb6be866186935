// Profile (assumed order): the password history (E002) is checked before the change is attempted (E001).
import { submit } from '../../helpers/endpoint-client.js';
import { expectOutcome } from '../../helpers/expect-outcome.js';
import { expectCurrentPassword } from '../../helpers/expect-state.js';
import { businessCode } from '../../helpers/outcomes.js';
import { randomPassword } from '../../helpers/random.js';
import { requirement } from '../../helpers/requirement-test.js';

const historyFirst = requirement('SNP-PRECEDENCE-HISTORY-BEFORE-CHANGE');
historyFirst.each([
  { label: 'the current password', index: 0 },
  { label: 'an earlier password', index: 1 },
])('a request whose change would fail answers E002 for $label, and E001 for a new one', async ({ index }, { rand, state }) => {
  const history = [randomPassword(rand), randomPassword(rand)];
  const { customerId, token } = await state.failingChangeRequest({ passwordHistory: history });
  expectOutcome(historyFirst.id, await submit({ token, password: history[index] }), businessCode('E002'));
  expectOutcome(historyFirst.id, await submit({ token, password: randomPassword(rand) }), businessCode('E001'));
  await expectCurrentPassword(historyFirst.id, state, customerId, history[0] as string, true, 'the password from before');
});
