// The run's request caps (CONFORMANCE_CONCURRENCY, CONFORMANCE_RATE) and the memory its workers count them
// in: created once with the run context, and shared, not copied, by every worker thread that receives it
// (helpers/http/throttle.ts counts in it).

export interface RunCaps {
  rate: number | null;
  concurrency: number;
  /** Int32 at byte 0: places handed out (tickets); Int32 at byte 4: places given back; BigInt64 at byte 8: the earliest next start, in µs of the process's monotonic clock. */
  counters: SharedArrayBuffer;
}

export function createRunCaps(rate: number | null, concurrency: number): RunCaps {
  // 16 bytes of counts, then one Int32 per ticket for the waiters to sleep on (helpers/http/throttle.ts).
  return { rate, concurrency, counters: new SharedArrayBuffer(16 + 4 * 4096) };
}
