// Every request to the target goes through here: the run's rate and concurrency caps, a 429 answer
// waited out (Retry-After, bounded) and retried, and "no answer at all" reported as unreachable.
// A 429 means the target refused the request without processing it (RFC 6585 §4), so repeating it cannot
// change data twice. Requests that got no answer are never repeated: they may have been processed.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentCase } from './case-scope.js';
import { MAX_RETRY_WAIT_MS, retryAfterMs } from './retry-after.js';
import { runContext } from '../run/run-context.js';
import { isNoAnswer, RateLimitedError, TargetUnavailableError, TargetUnreachableError, unreachable } from './target-errors.js';
import { Throttle, type Reservation } from './throttle.js';

export const MAX_429_RETRIES = 10;
/** After this many requests in a row got no answer, the rest of the run stops waiting on the target. */
export const UNREACHABLE_AFTER = 3;

let throttle: Throttle | null = null;
/** Counted apart, so a slow state hook is never blamed on the target, nor the other way round. */
const unansweredInARow = { target: 0, hook: 0 };

/** Which service a request goes to. */
export type Channel = keyof typeof unansweredInARow;

/** A 503 with Retry-After says "not now" like a 429 (RFC 9110 §15.6.4): waited out the same way. */
function isBusy(answer: Answer): boolean {
  return answer.status === 429 || (answer.status === 503 && answer.headers['retry-after'] !== undefined);
}

function workerThrottle(): Throttle {
  if (throttle === null) {
    throttle = new Throttle(runContext().caps);
  }
  return throttle;
}

/** The places reserved for requests that must start together (startingTogether), where they are sent from. */
const together = new AsyncLocalStorage<Reservation>();

/**
 * Runs `body`, whose first `count` requests start together: their places under the run's caps are taken in
 * one step before any is sent. Without it, concurrent submissions of one token would each queue on their
 * own on a busy run and reach the target one after another, and a race the check provokes would not happen
 * (a full run missed a check-then-consume race in 3 of 11 runs that way).
 */
export async function startingTogether<T>(count: number, body: () => Promise<T>): Promise<T> {
  const leave = queueWait();
  const reservation = await workerThrottle().reserve(count).finally(leave);
  try {
    return await together.run(reservation, body);
  } finally {
    reservation.releaseUnused();
  }
}

/** Sends `request` in a place reserved by startingTogether, or queues it under the run's caps. */
async function underCaps<T>(request: () => Promise<T>): Promise<T> {
  const reservation = together.getStore();
  if (!reservation?.take()) return workerThrottle().run(queueTimed(request));
  try {
    return await request();
  } finally {
    reservation.done();
  }
}

/**
 * Notes in the running case that one of its requests waits for the run's caps, and returns what ends the
 * wait: the case's deadline allows that time (helpers/checks/case-deadline.ts).
 */
function queueWait(): () => void {
  const scope = currentCase();
  if (!scope) return () => undefined;
  const asked = performance.now();
  scope.queued += 1;
  return () => {
    scope.queued -= 1;
    scope.queuedMs += performance.now() - asked;
  };
}

/** `request`, its wait for the run's caps noted from now until it is sent. */
function queueTimed<T>(request: () => Promise<T>): () => Promise<T> {
  const leave = queueWait();
  return () => {
    leave();
    return request();
  };
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
export async function politely<T extends Answer>(what: string, request: () => Promise<T>, channel: Channel = 'target'): Promise<Attempt<T>> {
  const retries: Attempt<T>['retries'] = [];
  for (;;) {
    if (unansweredInARow[channel] >= UNREACHABLE_AFTER) {
      throw new TargetUnreachableError(`${what}: not sent, the ${channel === 'hook' ? 'state hook' : 'target'} stopped answering (${unansweredInARow[channel]} requests in a row got no answer)`);
    }
    let answer: T;
    try {
      answer = await underCaps(request);
      unansweredInARow[channel] = 0;
    } catch (error) {
      // Only a request that got no answer is the target's (or the network's) doing; anything else is the suite's.
      if (!isNoAnswer(error)) throw error;
      unansweredInARow[channel] += 1;
      throw unreachable(what, error);
    }
    // A gateway that cannot reach the application: no verdict on the application.
    if (channel === 'target' && (answer.status === 502 || answer.status === 504)) {
      throw new TargetUnavailableError(`${what}: ${answer.status} from a gateway in front of the application`);
    }
    if (!isBusy(answer)) return { answer, retries };
    const busy = answer.status === 429 ? RateLimitedError : TargetUnavailableError;
    if (retries.length >= MAX_429_RETRIES) throw new busy(`${what}: still ${answer.status} after ${MAX_429_RETRIES} retries`);
    const waitedMs = retryAfterMs(answer.headers['retry-after']);
    if (waitedMs > MAX_RETRY_WAIT_MS) {
      throw new busy(`${what}: ${answer.status} with Retry-After ${Math.round(waitedMs / 1000)} s, more than the suite waits (${MAX_RETRY_WAIT_MS / 1000} s)`);
    }
    // Spread the retries of cases that got their 429 at the same moment, or they all come back together.
    const spreadMs = Math.round(Math.random() * Math.min(1_000, Math.max(waitedMs, 200)));
    retries.push({ status: answer.status, waitedMs: waitedMs + spreadMs });
    const scope = currentCase();
    if (scope) scope.retries += 1;
    await sleep(waitedMs + spreadMs);
  }
}
