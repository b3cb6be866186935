// A case's deadline is for the target's time. What the case waited on purpose (scope.waitedMs: a lifetime
// running out) and in the run's request queue (scope.queuedMs: the caps, helpers/http/throttle.ts) is the
// suite's own time, so it is added; and while a request of the case is still queued, the deadline waits.
import type { CaseScope } from '../http/case-scope.js';
import { CaseDeadlineError } from '../http/target-errors.js';

/** How often a due deadline looks again while the case has a request in the queue. */
const QUEUED_RECHECK_MS = 1_000;

export function withDeadline<T>(work: Promise<T>, ms: number, scope: CaseScope): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const deadline = new Promise<never>((_, reject) => {
    const due = () => {
      if (scope.queued > 0) {
        timer = setTimeout(due, QUEUED_RECHECK_MS);
        return;
      }
      const allowedMs = ms + scope.waitedMs + scope.queuedMs;
      const leftMs = allowedMs - (performance.now() - started);
      if (leftMs > 0) timer = setTimeout(due, leftMs);
      else reject(new CaseDeadlineError(`the case did not finish within ${Math.round(allowedMs) / 1000} s (a slow target or long waits)`));
    };
    timer = setTimeout(due, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
