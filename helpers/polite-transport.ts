// Every request to the target goes through here: the run's rate and concurrency caps, a 429 answer
// waited out (Retry-After, bounded) and retried, and "no answer at all" reported as unreachable.
// A 429 means the target refused the request without processing it (RFC 6585 §4), so repeating it cannot
// change data twice. Requests that got no answer are never repeated: they may have been processed.
import { setTimeout as sleep } from 'node:timers/promises';
import { currentCase } from './case-scope.js';
import { MAX_RETRY_WAIT_MS, retryAfterMs } from './retry-after.js';
import { runContext } from './run-context.js';
import { RateLimitedError, TargetUnreachableError, unreachable } from './target-errors.js';
import { Throttle } from './throttle.js';

export const MAX_429_RETRIES = 10;
/** After this many requests in a row got no answer, the rest of the run stops waiting on the target. */
export const UNREACHABLE_AFTER = 3;

let throttle: Throttle | null = null;
let unansweredInARow = 0;

function workerThrottle(): Throttle {
  if (throttle === null) {
    const { perWorker } = runContext();
    throttle = new Throttle(perWorker.rate, perWorker.concurrency);
  }
  return throttle;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface Attempt<T extends Answer> {
  answer: T;
  retries: { status: number; waitedMs: number }[];
}

/** Runs `request` politely; `what` names it in retry records and errors (no secrets). */
export async function politely<T extends Answer>(what: string, request: () => Promise<T>): Promise<Attempt<T>> {
  const retries: Attempt<T>['retries'] = [];
  for (;;) {
    if (unansweredInARow >= UNREACHABLE_AFTER) {
      throw new TargetUnreachableError(`${what}: not sent, the target stopped answering (${unansweredInARow} requests in a row got no answer)`);
    }
    let answer: T;
    try {
      answer = await workerThrottle().run(request);
      unansweredInARow = 0;
    } catch (error) {
      unansweredInARow += 1;
      throw unreachable(what, error);
    }
    if (answer.status !== 429) return { answer, retries };
    if (retries.length >= MAX_429_RETRIES) throw new RateLimitedError(`${what}: still 429 after ${MAX_429_RETRIES} retries`);
    const waitedMs = retryAfterMs(answer.headers['retry-after']);
    if (waitedMs > MAX_RETRY_WAIT_MS) {
      throw new RateLimitedError(`${what}: 429 with Retry-After ${Math.round(waitedMs / 1000)} s, more than the suite waits (${MAX_RETRY_WAIT_MS / 1000} s)`);
    }
    retries.push({ status: answer.status, waitedMs });
    const scope = currentCase();
    if (scope) scope.retries += 1;
    await sleep(waitedMs);
  }
}
