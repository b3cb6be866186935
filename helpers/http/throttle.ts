// Politeness towards the target: at most `concurrency` requests in flight and at most `rate` request starts
// per second, across the whole run. The counts live in a SharedArrayBuffer that the runner creates with the
// run context and every test worker (a thread) receives with it, so the caps hold for the run rather than
// per worker, and a worker whose file is nearly done leaves its share to the others.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunCaps } from '../run/run-caps.js';

/** Microseconds on the process's monotonic clock, the same in every thread (each thread's performance.now() has its own origin). */
function nowUs(): bigint {
  return process.hrtime.bigint() / 1000n;
}

export class Throttle {
  private readonly inFlight: Int32Array;
  private readonly nextStartUs: BigInt64Array;

  constructor(private readonly caps: RunCaps) {
    // A pool that copied the context instead of sharing it would give each worker the whole caps.
    if (!(caps.counters instanceof SharedArrayBuffer)) throw new Error('the run caps arrived without their shared counters: the suite must run in worker threads');
    this.inFlight = new Int32Array(caps.counters, 0, 1);
    this.nextStartUs = new BigInt64Array(caps.counters, 8, 1);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      await this.pace();
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const current = Atomics.load(this.inFlight, 0);
      if (current < this.caps.concurrency) {
        if (Atomics.compareExchange(this.inFlight, 0, current, current + 1) === current) return;
        continue;
      }
      // Sleeps until a release changes the count; returns at once if it already has.
      const wait = Atomics.waitAsync(this.inFlight, 0, current);
      if (wait.async) await wait.value;
    }
  }

  private release(): void {
    Atomics.sub(this.inFlight, 0, 1);
    Atomics.notify(this.inFlight, 0, 1);
  }

  /**
   * Spaces request starts at least 1/rate seconds apart, run-wide. A start is claimed only once it is due,
   * and the next one falls due a spacing after the moment it was claimed: a timer that fires late never
   * lets the following starts catch up, so no second ever sees more than `rate` of them.
   */
  private async pace(): Promise<void> {
    if (this.caps.rate === null) return;
    const spacingUs = BigInt(Math.ceil(1_000_000 / this.caps.rate));
    for (;;) {
      const due = Atomics.load(this.nextStartUs, 0);
      const now = nowUs();
      if (now < due) {
        await sleep(Number(due - now) / 1000);
        continue;
      }
      if (Atomics.compareExchange(this.nextStartUs, 0, due, now + spacingUs) === due) return;
    }
  }
}
