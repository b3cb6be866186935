// The run's politeness caps hold end to end, across all its workers (they count in memory the workers
// share, helpers/http/throttle.ts): never more than CONFORMANCE_CONCURRENCY requests in flight, never more
// than CONFORMANCE_RATE request starts a second. Both fail when each worker keeps the whole caps for itself:
// 9 in flight, 47 starts in a second.
// Endpoint and state hook alike, both through a loopback proxy that adds latency, so requests overlap.
import { expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { startLoopbackProxy } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

/** The most requests the proxy ever had in flight during a run with these settings (`only`: --only). */
async function mostInFlight(settings: Record<string, string>, only: string, atLeast: number): Promise<number> {
  const reference = await startReference();
  const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: 40 });
  try {
    const run = await runConformance({ ...targetEnv(reference, proxy.url), ...settings }, 120_000, ['--only', only]);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(proxy.requests()).toBeGreaterThan(atLeast);
    return proxy.inFlight().max;
  } finally {
    await proxy.close();
    await reference.close();
  }
}

// SNP-TOKEN-SINGLE-USE-CONCURRENT sends one token several times at once, and every worker may run as many
// cases at once as the cap: the shared count is what holds it. The cap is used, not just respected: exactly 3.
test('CONFORMANCE_CONCURRENCY=3: never more than 3 requests in flight', async () => {
  expect(await mostInFlight({ CONFORMANCE_SEED: '11', CONFORMANCE_CONCURRENCY: '3' }, 'area:API key,SNP-TOKEN-SINGLE-USE-CONCURRENT', 50)).toBe(3);
});

// The preflight checks the target and the state hook side by side: within the caps too.
test('CONFORMANCE_CONCURRENCY=1: one request at a time, from the preflight on', async () => {
  expect(await mostInFlight({ CONFORMANCE_SEED: '13', CONFORMANCE_CONCURRENCY: '1' }, 'SNP-KEY-MISSING,SNP-TOKEN-SINGLE-USE-CONCURRENT', 10)).toBe(1);
});

/** The most of `starts` (ms) that fall within any `windowMs`. */
function mostWithin(starts: number[], windowMs: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while ((starts[last] as number) - (starts[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

// The proxy sees each start through two event loops (the suite's worker, its own), and a loaded machine
// (npm test) delays either by tens of ms: a start may seem up to two spacings closer to its neighbours than
// it was sent. So the rate is read over two seconds, with two starts of slack: 40 + 2 (a rate kept per worker: 87).
test('CONFORMANCE_RATE=20: never more than 20 request starts a second', async () => {
  const reference = await startReference();
  const starts: number[] = [];
  const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: 20, observe: () => starts.push(performance.now()) });
  try {
    const run = await runConformance({ ...targetEnv(reference, proxy.url), CONFORMANCE_SEED: '12', CONFORMANCE_RATE: '20' }, 120_000, ['--only', 'area:API key']);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(starts.length).toBeGreaterThan(50);
    const most = mostWithin(starts, 2_000);
    expect(most).toBeLessThanOrEqual(2 * 20 + 2);
    // The cap is used, not just respected.
    expect(most).toBeGreaterThanOrEqual(2 * 20 - 2);
  } finally {
    await proxy.close();
    await reference.close();
  }
});
