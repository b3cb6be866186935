// The run's request caps (CONFORMANCE_CONCURRENCY, CONFORMANCE_RATE) and the memory its workers count them
// in: created once with the run context, and shared, not copied, by every worker thread that receives it
// (helpers/http/throttle.ts counts in it).

export interface RunCaps {
  rate: number | null;
  concurrency: number;
  /** Laid out as COUNTERS says. */
  counters: SharedArrayBuffer;
}

/** Where each count lives in `counters`, in bytes. */
export const COUNTERS = {
  /** Int32: places handed out (tickets); Int32 after it: places given back. */
  places: 0,
  /** BigInt64: the earliest next start, in µs of the process's monotonic clock. */
  nextStart: 8,
  /** Int32 each: one word per ticket (modulo `turns`) for its waiter to sleep on. */
  turns: 16,
  /** More than the places a run asks for at once (workers × cases × a group). */
  turnCount: 4096,
} as const;

export function createRunCaps(rate: number | null, concurrency: number): RunCaps {
  return { rate, concurrency, counters: new SharedArrayBuffer(COUNTERS.turns + 4 * COUNTERS.turnCount) };
}
