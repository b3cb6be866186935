// A target that answers 429 with Retry-After: 1 to every third request still gets a conformant verdict,
// and the retries are visible in the report.
import { expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { startLoopbackProxy } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

const TOO_MANY = {
  status: 429,
  headers: { 'Content-Type': 'application/json', 'Retry-After': '1', 'Cache-Control': 'no-store' },
  body: JSON.stringify({ error: { code: 'INTERNAL_TOO_MANY_REQUESTS', message: 'Too many requests.', description: 'Retry later.' } }),
};

test('every third request answered 429 with Retry-After: 1: still conformant, retries reported', async () => {
  const reference = await startReference();
  const proxy = await startLoopbackProxy(reference.baseUrl, { intercept: (n) => (n % 3 === 0 ? TOO_MANY : null) });
  try {
    const run = await runConformance({
      ...targetEnv(reference, proxy.url),
      CONFORMANCE_SEED: '3',
      // Waiting out 429s is latency: more tests in flight hide it (the run stays bounded by the test count).
      CONFORMANCE_CONCURRENCY: '128',
      // Two areas: requests to the endpoint and to the state hook both meet the 429s.
    }, 120_000, ['--only', 'area:API key,area:Business errors']);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const retries = run.report?.summary.retries ?? 0;
    expect(retries).toBeGreaterThan(proxy.requests() / 4);
    expect(run.stdout).toMatch(new RegExp(`${retries} retries after 429`));
  } finally {
    await proxy.close();
    await reference.close();
  }
});
