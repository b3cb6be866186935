// What the running case has seen so far, kept per case with AsyncLocalStorage, so the HTTP client and the
// state-hook client can note 5xx answers, 429 retries and setups for the case that sent them without
// threading the test context through every helper. Read once when the case ends (requirement-test.ts).
import { AsyncLocalStorage } from 'node:async_hooks';

/** A 5xx answer the target gave to a request of the case, with the command that repeats it. */
export interface ServerErrorSeen {
  status: number;
  curl: string;
}

/** A state-hook setup as it was sent, for the reproduction script (helpers/http/reproduction.ts). */
export interface SetupCall {
  state: string;
  params: Record<string, unknown>;
}

export interface CaseScope {
  /** The requirement the running case checks: assertions (helpers/checks/check.ts) are bound to it. */
  requirementId: string;
  serverErrors: ServerErrorSeen[];
  retries: number;
  setups: string[];
  /** The setup that issued each reset token of this case. */
  tokenSetups: Map<string, SetupCall>;
  /** Exchanges with the endpoint so far (helpers/http/exchange-numbers.ts numbers them). */
  exchanges: number;
  /** How long the case has waited on purpose so far (helpers/checks/deliberate-wait.ts): its deadline and a reproduction wait as long. */
  waitedMs: number;
  /** How long its requests waited for the run's caps (helpers/http/throttle.ts): the suite's queue, not the target's time, so its deadline allows it. */
  queuedMs: number;
  /** Its requests waiting in that queue right now. */
  queued: number;
}

const storage = new AsyncLocalStorage<CaseScope>();

export function newCaseScope(requirementId: string): CaseScope {
  return { requirementId, serverErrors: [], retries: 0, setups: [], tokenSetups: new Map(), exchanges: 0, waitedMs: 0, queuedMs: 0, queued: 0 };
}

export function runInCaseScope<T>(scope: CaseScope, body: () => Promise<T>): Promise<T> {
  return storage.run(scope, body);
}

/** The running case's scope; undefined outside a case (preflight, hooks of the runner). */
export function currentCase(): CaseScope | undefined {
  return storage.getStore();
}
