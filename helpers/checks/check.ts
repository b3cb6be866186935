// The assertions a spec uses, bound once to the requirement of the running case (requirement(ID) starts
// each case in a scope that carries its ID), so a spec reads `check.outcome(exchange, businessCode('E003'))`
// and `await check.password(state, customerId).is(first)` without repeating the ID.
import type { Exchange } from '../http/exchange.js';
import { currentCase } from '../http/case-scope.js';
import type { StateArranger } from '../state/state-arranger.js';
import { expectFact, expectOutcome } from './expect-outcome.js';
import type { Outcome } from './outcomes.js';
import { sameAddress } from './ip-address.js';
import { expectPrompt } from './promptness.js';

function requirementOfThisCase(): string {
  const scope = currentCase();
  if (scope === undefined) throw new Error('check used outside a case declared with requirement(ID)');
  return scope.requirementId;
}

async function passwordCheck(state: StateArranger, customerId: string, password: string, expected: boolean, what: string): Promise<void> {
  const matches = await state.isCurrentPassword(customerId, password);
  expectFact(
    requirementOfThisCase(),
    matches === expected,
    expected ? `${what} is the customer's current password` : `${what} is not the customer's current password`,
    `inspect answered passwordMatches: ${matches}`,
  );
}

export const check = {
  /** Fails unless the exchange matches one of the outcomes. */
  outcome(exchange: Exchange, ...outcomes: Outcome[]): void {
    expectOutcome(requirementOfThisCase(), exchange, ...outcomes);
  },
  /** Fails unless `holds`, with what was expected and what was seen. */
  fact(holds: boolean, expected: string, actual: string, exchange?: Exchange): void {
    expectFact(requirementOfThisCase(), holds, expected, actual, exchange);
  },
  /** Fails when the exchange took longer than the target's own baseline plus the margin. */
  prompt(exchange: Exchange, baselineMs: number, marginMs?: number): void {
    expectPrompt(requirementOfThisCase(), exchange, baselineMs, marginMs);
  },
  /** The customer's current password, observed through the state hook. */
  password(state: StateArranger, customerId: string) {
    return {
      is: (password: string, what = 'the password') => passwordCheck(state, customerId, password, true, what),
      isNot: (password: string, what = 'this password') => passwordCheck(state, customerId, password, false, what),
    };
  },
  /** The address recorded with the customer's last successful change (inspect's lastRealIp; any spelling of it). */
  recordedIp(state: StateArranger, customerId: string, currentPassword: string) {
    return {
      is: async (address: string, why: string) => {
        const recorded = await state.lastRealIp(customerId, currentPassword);
        expectFact(requirementOfThisCase(), recorded !== null && sameAddress(recorded, address), `lastRealIp ${address} (${why})`, `lastRealIp ${JSON.stringify(recorded)}`);
      },
    };
  },
};
