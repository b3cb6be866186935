// Politeness towards the target: at most `concurrency` requests in flight and at most `rate` request starts
// per second, across the whole run. The counts live in a SharedArrayBuffer that the runner creates with the
// run context and every test worker (a thread) receives with it, so the caps hold for the run rather than
// per worker, and a worker whose file is nearly done leaves its share to the others.
import { setTimeout as sleep } from 'node:timers/promises';
import { COUNTERS, type RunCaps } from '../run/run-caps.js';

/** Microseconds on the process's monotonic clock, the same in every thread (each thread's performance.now() has its own origin). */
function nowUs(): bigint {
  return process.hrtime.bigint() / 1000n;
}

/** Places taken together under the caps (Throttle.reserve): each request of the group uses one. */
export class Reservation {
  constructor(
    private left: number,
    private readonly giveBack: () => void,
  ) {}

  /** Takes a reserved place for one request; false when none is left (that request queues as usual). */
  take(): boolean {
    if (this.left === 0) return false;
    this.left -= 1;
    return true;
  }

  /** Gives back one place taken with take(), once its request has its answer. */
  done(): void {
    this.giveBack();
  }

  /** Gives back the places no request took. */
  releaseUnused(): void {
    for (; this.left > 0; this.left -= 1) this.giveBack();
  }
}

export class Throttle {
  /**
   * [0]: places handed out so far (tickets); [1]: places given back. The place with ticket t may be used once
   * t < given back + concurrency: first come, first served across all workers, so a request (or a group) is
   * never passed by ones that asked later, and a worker that keeps asking cannot starve another.
   */
  private readonly counts: Int32Array;
  private readonly nextStartUs: BigInt64Array;
  /**
   * One word per ticket (modulo their number): the waiter for that ticket sleeps on it, so a release wakes
   * only the one whose turn it is (two waiters on one word both wake and look again).
   */
  private readonly turns: Int32Array;

  constructor(private readonly caps: RunCaps) {
    // A pool that copied the context instead of sharing it would give each worker the whole caps.
    if (!(caps.counters instanceof SharedArrayBuffer)) throw new Error('the run caps arrived without their shared counters: the suite must run in worker threads');
    this.counts = new Int32Array(caps.counters, COUNTERS.places, 2);
    this.nextStartUs = new BigInt64Array(caps.counters, COUNTERS.nextStart, 1);
    this.turns = new Int32Array(caps.counters, COUNTERS.turns, COUNTERS.turnCount);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire(1);
    try {
      await this.pace(1);
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Places for `count` requests that must start together (concurrent submissions of one token): taken in
   * one step, in line with everyone else, then their starts are claimed at once. As many as the caps allow:
   * no more than CONFORMANCE_CONCURRENCY, nor more starts than CONFORMANCE_RATE in a second.
   */
  async reserve(count: number): Promise<Reservation> {
    const { concurrency, rate } = this.caps;
    const places = Math.max(1, Math.min(count, concurrency, rate === null ? count : Math.floor(rate)));
    await this.acquire(places);
    await this.pace(places);
    return new Reservation(places, () => this.release());
  }

  private async acquire(places: number): Promise<void> {
    const last = Atomics.add(this.counts, 0, places) + places - 1;
    const turn = last % COUNTERS.turnCount;
    for (;;) {
      // Read before the check: a release after the check changes it, so the wait below returns at once.
      const seen = Atomics.load(this.turns, turn);
      if (last < Atomics.load(this.counts, 1) + this.caps.concurrency) return;
      const wait = Atomics.waitAsync(this.turns, turn, seen);
      if (wait.async) await wait.value;
    }
  }

  private release(): void {
    const givenBack = Atomics.add(this.counts, 1, 1) + 1;
    // The one ticket this place lets go (a group waits on its last ticket).
    const turn = (givenBack + this.caps.concurrency - 1) % COUNTERS.turnCount;
    Atomics.add(this.turns, turn, 1);
    Atomics.notify(this.turns, turn);
  }

  /**
   * Spaces request starts at least 1/rate seconds apart, run-wide. A start is claimed only once it is due,
   * and the next one falls due a spacing after the moment it was claimed: a timer that fires late never
   * lets the following starts catch up, so no second ever sees more than `rate` of them. `starts` claimed
   * at once (a group) push the next start that many spacings away.
   */
  private async pace(starts: number): Promise<void> {
    if (this.caps.rate === null) return;
    const spacingUs = BigInt(Math.ceil(1_000_000 / this.caps.rate)) * BigInt(starts);
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
