// Numbers each exchange within its case (1, 2, … in the order the answers came back), so a failed check can
// say which exchange it judged: the report marks that exchange's step failed. A number is data carried to
// the report (task.meta), never recovered from a step's title.
import { currentCase } from './case-scope.js';
import type { Exchange } from './exchange.js';

const numbers = new WeakMap<Exchange, number>();

/** Gives the exchange the next number of the running case; outside a case (preflight) it gets none. */
export function numberExchange(exchange: Exchange): void {
  const scope = currentCase();
  if (scope === undefined) return;
  scope.exchanges += 1;
  numbers.set(exchange, scope.exchanges);
}

/** The exchange's number within its case, or null when it was sent outside one. */
export function exchangeNumber(exchange: Exchange): number | null {
  return numbers.get(exchange) ?? null;
}
