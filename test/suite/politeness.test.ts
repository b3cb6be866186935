// The run's politeness caps hold end to end, across all its workers (they count in memory the workers
// share, helpers/http/throttle.ts): never more than CONFORMANCE_CONCURRENCY requests in flight, never more
// than CONFORMANCE_RATE request starts in a second (plus one, for the proxy's own timing). Both fail when
// each worker keeps the whole caps for itself: 9 in flight, 47 starts in a second.
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

test('CONFORMANCE_RATE=20: never more than 20 request starts in any second', async () => {
  const reference = await startReference();
  const starts: number[] = [];
  const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: 20, observe: () => starts.push(performance.now()) });
  try {
    const run = await runConformance({ ...targetEnv(reference, proxy.url), CONFORMANCE_SEED: '12', CONFORMANCE_RATE: '20' }, 120_000, ['--only', 'area:API key']);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(starts.length).toBeGreaterThan(50);
    let most = 0;
    for (let first = 0, last = 0; last < starts.length; last += 1) {
      while ((starts[last] as number) - (starts[first] as number) >= 1000) first += 1;
      most = Math.max(most, last - first + 1);
    }
    expect(most).toBeLessThanOrEqual(20 + 1);
    expect(most).toBeGreaterThanOrEqual(10);
  } finally {
    await proxy.close();
    await reference.close();
  }
});
