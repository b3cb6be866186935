// Assertions on the target's state, observed through the state hook's `inspect`.
import { expectFact } from './expect-outcome.js';
import type { StateArranger } from '../state/state-arranger.js';

/** Fails unless `password` is (or, with `expected` false, is not) the customer's current password. */
export async function expectCurrentPassword(
  requirementId: string,
  state: StateArranger,
  customerId: string,
  password: string,
  expected = true,
  what = expected ? 'the password' : 'this password',
): Promise<void> {
  const matches = await state.isCurrentPassword(customerId, password);
  expectFact(
    requirementId,
    matches === expected,
    expected ? `${what} is the customer's current password` : `${what} is not the customer's current password`,
    `inspect answered passwordMatches: ${matches}`,
  );
}
